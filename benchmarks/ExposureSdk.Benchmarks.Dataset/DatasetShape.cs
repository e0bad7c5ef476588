namespace ExposureSdk.Benchmarks.Dataset;

/// <summary>
/// The size of a generated rollup dataset. The defaults are the enterprise tenant of the engine's
/// performance targets: 20 assessments per asset, 2,000 recommendations, 300 metrics of about 10
/// member recommendations each (about 3,000 metric-recommendation rows) and 30 initiatives.
/// </summary>
public sealed record DatasetShape
{
    /// <summary>Creates a shape.</summary>
    /// <param name="assetCount">Number of assets (at least 1).</param>
    /// <param name="assessmentsPerAsset">Assessments per asset (1 to 90: an asset draws them from one pool of about 100 recommendations).</param>
    /// <param name="recommendationCount">Number of recommendations (at least 200, a multiple of <see cref="AssetKinds"/>).</param>
    /// <param name="metricCount">Number of metrics (at least 2).</param>
    /// <param name="initiativeCount">Number of initiatives (at least 2).</param>
    /// <param name="recommendationsPerMetric">Average member recommendations per metric (2 to 50).</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public DatasetShape(
        int assetCount,
        int assessmentsPerAsset = 20,
        int recommendationCount = 2_000,
        int metricCount = 300,
        int initiativeCount = 30,
        int recommendationsPerMetric = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(assetCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(assessmentsPerAsset, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(assessmentsPerAsset, 90);
        ArgumentOutOfRangeException.ThrowIfLessThan(recommendationCount, 200);
        if (recommendationCount % AssetKinds != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(recommendationCount), recommendationCount, $"The recommendation count must be a multiple of {AssetKinds}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(metricCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(initiativeCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(recommendationsPerMetric, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(recommendationsPerMetric, 50);
        if ((long)assetCount * assessmentsPerAsset > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(assetCount), assetCount, "The dataset would hold more than int.MaxValue assessments.");
        }

        AssetCount = assetCount;
        AssessmentsPerAsset = assessmentsPerAsset;
        RecommendationCount = recommendationCount;
        MetricCount = metricCount;
        InitiativeCount = initiativeCount;
        RecommendationsPerMetric = recommendationsPerMetric;
    }

    /// <summary>The number of asset kinds; each kind has its own pool of recommendations.</summary>
    public const int AssetKinds = 20;

    /// <summary>Number of assets.</summary>
    public int AssetCount { get; }

    /// <summary>Assessments per asset.</summary>
    public int AssessmentsPerAsset { get; }

    /// <summary>Number of recommendations.</summary>
    public int RecommendationCount { get; }

    /// <summary>Number of metrics.</summary>
    public int MetricCount { get; }

    /// <summary>Number of initiatives.</summary>
    public int InitiativeCount { get; }

    /// <summary>Average number of member recommendations per metric.</summary>
    public int RecommendationsPerMetric { get; }

    /// <summary>Total number of assessments: assets × assessments per asset.</summary>
    public int AssessmentCount => AssetCount * AssessmentsPerAsset;

    /// <summary>The enterprise shape of the targets with the given number of assets.</summary>
    /// <param name="assetCount">Number of assets.</param>
    /// <returns>The shape.</returns>
    public static DatasetShape Enterprise(int assetCount) => new(assetCount);
}
