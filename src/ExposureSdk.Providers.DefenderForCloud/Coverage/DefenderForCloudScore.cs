namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>
/// A Defender for Cloud score in points (domain rules §3, "Defender for Cloud control"): each secure score
/// control earns max × healthy / (healthy + unhealthy), where a resource is healthy for a control only when
/// every non-preview assessment of the control on it is healthy; the percentage is Σ current / Σ max × 100.
/// </summary>
public sealed class DefenderForCloudScore
{
    internal DefenderForCloudScore(double achievedPoints, double maxPoints, double? reportedPoints, double? reportedMaxPoints, double? reportedPercentage)
    {
        AchievedPoints = achievedPoints;
        MaxPoints = maxPoints;
        ReportedPoints = reportedPoints;
        ReportedMaxPoints = reportedMaxPoints;
        ReportedPercentage = reportedPercentage;
    }

    /// <summary>Σ current over the controls, computed by the SDK from the per-resource assessments, in full precision.</summary>
    public double AchievedPoints { get; }

    /// <summary>Σ max over the controls (the service's own control maxima, never rescaled).</summary>
    public double MaxPoints { get; }

    /// <summary>100 × <see cref="AchievedPoints"/> / <see cref="MaxPoints"/> on 0–100; <see langword="null"/> when <see cref="MaxPoints"/> is 0.</summary>
    public double? Percentage => MaxPoints > 0 ? 100 * AchievedPoints / MaxPoints : null;

    /// <summary>The <c>ascScore</c> current points the service reports (summed over subscriptions), or <see langword="null"/> when none was read.</summary>
    public double? ReportedPoints { get; }

    /// <summary>The <c>ascScore</c> max points the service reports, or <see langword="null"/>.</summary>
    public double? ReportedMaxPoints { get; }

    /// <summary>The service's percentage on 0–100 (its 0–1 <c>percentage</c> × 100; over several subscriptions, Σ current / Σ max), or <see langword="null"/>.</summary>
    public double? ReportedPercentage { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{AchievedPoints:0.##} of {MaxPoints:0.##} points ({(Percentage is { } p ? p.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%" : "n/a")})";
}
