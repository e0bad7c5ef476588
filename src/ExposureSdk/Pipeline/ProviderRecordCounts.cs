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
    {
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

    /// <summary>Metrics delivered.</summary>
    public int Metrics { get; }

    /// <summary>Initiatives delivered.</summary>
    public int Initiatives { get; }
}
