using System.Globalization;

namespace ExposureSdk.Benchmarks.Dataset;

/// <summary>
/// Turns a <see cref="RollupDataset"/> into the SDK's own inputs: an <see cref="ExposureSnapshot"/>
/// and a snapshot document (UTF-8 JSON, schemaVersion 1 of the contract). Ids are
/// <c>rec-0042</c>, <c>asset-0000042</c>, <c>metric-042</c> and <c>initiative-07</c>; recommendation
/// attributes (source, workload, domain, impact, max points 1–10) cycle through the well-known values.
/// </summary>
public static class DatasetSnapshots
{
    /// <summary>The snapshot time of every generated snapshot: 2026-11-21T06:00:00Z.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    /// <summary>The tenant id of every generated snapshot.</summary>
    public const string TenantId = "bench-tenant";

    /// <summary>The id of recommendation <paramref name="index"/>.</summary>
    /// <param name="index">Dense index.</param>
    /// <returns>The id text.</returns>
    public static string RecommendationId(int index) => "rec-" + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The id of asset <paramref name="index"/>.</summary>
    /// <param name="index">Dense index.</param>
    /// <returns>The id text.</returns>
    public static string AssetId(int index) => "asset-" + index.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The id of metric <paramref name="index"/>.</summary>
    /// <param name="index">Dense index.</param>
    /// <returns>The id text.</returns>
    public static string MetricId(int index) => "metric-" + index.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>The id of initiative <paramref name="index"/>.</summary>
    /// <param name="index">Dense index.</param>
    /// <returns>The id text.</returns>
    public static string InitiativeId(int index) => "initiative-" + index.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The recommendations of the dataset as model objects.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>One recommendation per dense index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static Recommendation[] Recommendations(RollupDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var result = new Recommendation[dataset.RecommendationCount];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = new Recommendation(
                RecommendationId(r),
                "Recommendation " + r.ToString(CultureInfo.InvariantCulture),
                RecommendationSource.WellKnown[r % RecommendationSource.WellKnown.Count],
                Workload.WellKnown[r % Workload.WellKnown.Count],
                SecurityDomain.WellKnown[r % SecurityDomain.WellKnown.Count],
                (Impact)(1 + (r % 3)),
                maxPoints: 1 + (r % 10));
        }

        return result;
    }

    /// <summary>The metrics of the dataset as model objects (explicit member recommendations).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>One metric per dense index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static Metric[] Metrics(RollupDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var members = Group(dataset.MetricRecommendationMetric, dataset.MetricRecommendationRecommendation, dataset.MetricCount);
        var result = new Metric[dataset.MetricCount];
        for (var m = 0; m < result.Length; m++)
        {
            result[m] = new Metric(
                MetricId(m),
                "Metric " + m.ToString(CultureInfo.InvariantCulture),
                (MetricWeight)dataset.MetricWeights[m],
                members[m].Select(r => (ExposureSdk.RecommendationId)RecommendationId(r)));
        }

        return result;
    }

    /// <summary>The initiatives of the dataset as model objects.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>One initiative per dense index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static Initiative[] Initiatives(RollupDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var members = Group(dataset.InitiativeMetricInitiative, dataset.InitiativeMetricMetric, dataset.InitiativeCount);
        var result = new Initiative[dataset.InitiativeCount];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new Initiative(
                InitiativeId(i),
                "Initiative " + i.ToString(CultureInfo.InvariantCulture),
                InitiativeKind.Workload,
                members[i].Select(m => (ExposureSdk.MetricId)MetricId(m)));
        }

        return result;
    }

    /// <summary>
    /// The dataset as an <see cref="ExposureSnapshot"/> (one <see cref="Assessment"/> object per row;
    /// asset id strings are shared between rows).
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static ExposureSnapshot ToSnapshot(RollupDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var recommendations = Recommendations(dataset);
        var assetIds = new ExposureSdk.AssetId[dataset.AssetCount];
        var assets = new Asset[dataset.AssetCount];
        for (var a = 0; a < assetIds.Length; a++)
        {
            assetIds[a] = AssetId(a);
            assets[a] = new Asset(assetIds[a], AssetKind.WellKnown[a % (AssetKind.WellKnown.Count - 1)]);
        }

        var assessments = new Assessment[dataset.AssessmentCount];
        for (var i = 0; i < assessments.Length; i++)
        {
            assessments[i] = new Assessment(
                recommendations[dataset.AssessmentRecommendation[i]].Id,
                assetIds[dataset.AssessmentAsset[i]],
                (AssessmentStatus)dataset.AssessmentStatus[i]);
        }

        return new ExposureSnapshot(TenantId, AsOf, recommendations, assets, assessments, Metrics(dataset), Initiatives(dataset));
    }

    /// <summary>
    /// The dataset as a snapshot document (schemaVersion 1, compact UTF-8 JSON) written by the SDK's
    /// own <see cref="SnapshotDocument"/> writer: the input of the snapshot-loading benchmarks.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The UTF-8 bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static byte[] ToDocument(RollupDataset dataset) => SnapshotDocument.WriteToUtf8Bytes(ToSnapshot(dataset));

    private static List<int>[] Group(int[] keys, int[] values, int count)
    {
        var groups = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            groups[i] = [];
        }

        for (var i = 0; i < keys.Length; i++)
        {
            groups[keys[i]].Add(values[i]);
        }

        return groups;
    }
}
