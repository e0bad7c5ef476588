namespace ExposureSdk.Pipeline;

/// <summary>How many records of each kind a provider delivered in one refresh.</summary>
public readonly record struct ProviderRecordCounts
{
    /// <summary>Creates the counts.</summary>
    /// <param name="recommendations">Recommendations delivered.</param>
    /// <param name="assets">Assets delivered.</param>
    /// <param name="assessments">Per-asset assessments delivered.</param>
    /// <param name="metrics">Metrics delivered.</param>
    /// <param name="initiatives">Initiatives delivered.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public ProviderRecordCounts(int recommendations, int assets, int assessments, int metrics, int initiatives)
        : this(recommendations, assets, assessments, metrics, initiatives, assessedResults: assessments)
    {
    }

    /// <summary>Creates the counts, with the healthy and unhealthy results among the assessments.</summary>
    /// <param name="recommendations">Recommendations delivered.</param>
    /// <param name="assets">Assets delivered.</param>
    /// <param name="assessments">Per-asset assessments delivered.</param>
    /// <param name="metrics">Metrics delivered.</param>
    /// <param name="initiatives">Initiatives delivered.</param>
    /// <param name="assessedResults">The assessments that are healthy or unhealthy (not NotApplicable); at most <paramref name="assessments"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="assessedResults"/> exceeds <paramref name="assessments"/>.</exception>
    public ProviderRecordCounts(int recommendations, int assets, int assessments, int metrics, int initiatives, int assessedResults)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(assessedResults);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(assessedResults, assessments);
        AssessedResults = assessedResults;
        ArgumentOutOfRangeException.ThrowIfNegative(recommendations);
        ArgumentOutOfRangeException.ThrowIfNegative(assets);
        ArgumentOutOfRangeException.ThrowIfNegative(assessments);
        ArgumentOutOfRangeException.ThrowIfNegative(metrics);
        ArgumentOutOfRangeException.ThrowIfNegative(initiatives);
        Recommendations = recommendations;
        Assets = assets;
        Assessments = assessments;
        Metrics = metrics;
        Initiatives = initiatives;
    }

    /// <summary>Recommendations delivered.</summary>
    public int Recommendations { get; }

    /// <summary>Assets delivered.</summary>
    public int Assets { get; }

    /// <summary>Per-asset assessments delivered.</summary>
    public int Assessments { get; }

    /// <summary>The assessments that are healthy or unhealthy (assessed results, NotApplicable left out).</summary>
    public int AssessedResults { get; }

    /// <summary>Metrics delivered.</summary>
    public int Metrics { get; }

    /// <summary>Initiatives delivered.</summary>
    public int Initiatives { get; }
}
