namespace ExposureSdk.Scoring;

/// <summary>
/// Points and compliance counts of the recommendations that share one source, workload or domain.
/// The percentage follows the Secure Score rule over those recommendations only.
/// </summary>
public sealed class ScoreBreakdown
{
    internal ScoreBreakdown(string key, PointsScore points, int recommendationCount, int compliant, int notCompliant, int mitigated, int notAvailable, int riskAccepted)
    {
        Key = key;
        Points = points;
        RecommendationCount = recommendationCount;
        CompliantCount = compliant;
        NotCompliantCount = notCompliant;
        MitigatedCount = mitigated;
        NotAvailableCount = notAvailable;
        RiskAcceptedCount = riskAccepted;
    }

    /// <summary>The source, workload or domain name (names that differ only in case are grouped; the ordinally smallest spelling is shown).</summary>
    public string Key { get; }

    /// <summary>Points over the group's recommendations (percentage absent when max is 0).</summary>
    public PointsScore Points { get; }

    /// <summary>The number of recommendations in the group.</summary>
    public int RecommendationCount { get; }

    /// <summary>Recommendations in state Compliant.</summary>
    public int CompliantCount { get; }

    /// <summary>Recommendations in state NotCompliant.</summary>
    public int NotCompliantCount { get; }

    /// <summary>Recommendations in state MitigatedByOrganization.</summary>
    public int MitigatedCount { get; }

    /// <summary>Recommendations in state NotAvailable.</summary>
    public int NotAvailableCount { get; }

    /// <summary>Recommendations whose risk the organization accepted (also counted in their state).</summary>
    public int RiskAcceptedCount { get; }
}
