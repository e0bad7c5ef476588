using ExposureSdk.Scoring;

namespace ExposureSdk.Benchmarks.Dataset;

/// <summary>
/// Loads a <see cref="RollupDataset"/> into the SDK's fast path, <see cref="ExposureDataset"/>, through
/// the streaming <see cref="ExposureDatasetBuilder"/> (one <c>AddAssessment</c> per row; no
/// <see cref="ExposureSnapshot"/> and no per-assessment object), and reads its scores back.
/// </summary>
public static class FastPath
{
    /// <summary>Builds the SDK's columnar dataset (rolled up once by <c>Build</c>).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the initial rollup; 0 for all cores.</param>
    /// <returns>The SDK dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static ExposureDataset Build(RollupDataset dataset, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var builder = new ExposureDatasetBuilder(DatasetSnapshots.TenantId, DatasetSnapshots.AsOf);
        var recommendations = DatasetSnapshots.Recommendations(dataset);
        foreach (var recommendation in recommendations)
        {
            builder.AddRecommendation(recommendation);
        }

        foreach (var metric in DatasetSnapshots.Metrics(dataset))
        {
            builder.AddMetric(metric);
        }

        foreach (var initiative in DatasetSnapshots.Initiatives(dataset))
        {
            builder.AddInitiative(initiative);
        }

        var recIds = recommendations.Select(r => r.Id.Value).ToArray();
        var assetIds = new string[dataset.AssetCount];
        for (var a = 0; a < assetIds.Length; a++)
        {
            assetIds[a] = DatasetSnapshots.AssetId(a);
        }

        var recs = dataset.AssessmentRecommendation;
        var assets = dataset.AssessmentAsset;
        var status = dataset.AssessmentStatus;
        for (var i = 0; i < recs.Length; i++)
        {
            builder.AddAssessment(recIds[recs[i]], assetIds[assets[i]], (AssessmentStatus)status[i]);
        }

        return builder.Build(maxDegreeOfParallelism: maxDegreeOfParallelism);
    }

    /// <summary>The ids of the dataset's metrics and initiatives, for reading scores without formatting ids in a timed loop.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>Metric ids by dense index, initiative ids by dense index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static (MetricId[] Metrics, InitiativeId[] Initiatives) Ids(RollupDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var metrics = new MetricId[dataset.MetricCount];
        for (var m = 0; m < metrics.Length; m++)
        {
            metrics[m] = DatasetSnapshots.MetricId(m);
        }

        var initiatives = new InitiativeId[dataset.InitiativeCount];
        for (var i = 0; i < initiatives.Length; i++)
        {
            initiatives[i] = DatasetSnapshots.InitiativeId(i);
        }

        return (metrics, initiatives);
    }

    /// <summary>The scores and counts of a report, in the dataset's dense order.</summary>
    /// <param name="report">The SDK's report.</param>
    /// <param name="dataset">The dataset it was computed from.</param>
    /// <param name="engine">The engine name to record.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The report lacks a metric or an initiative of the dataset.</exception>
    public static RollupResult ToResult(ScoreReport report, RollupDataset dataset, string engine)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(dataset);
        var scope = new long[dataset.MetricCount];
        var affected = new long[dataset.MetricCount];
        var metricScores = new double?[dataset.MetricCount];
        for (var m = 0; m < dataset.MetricCount; m++)
        {
            var metric = report.FindMetric(DatasetSnapshots.MetricId(m)) ?? throw new InvalidOperationException($"The report has no metric {DatasetSnapshots.MetricId(m)}.");
            scope[m] = metric.Scope;
            affected[m] = metric.Affected;
            metricScores[m] = metric.Score;
        }

        var initiativeScores = new double?[dataset.InitiativeCount];
        for (var i = 0; i < dataset.InitiativeCount; i++)
        {
            var initiative = report.FindInitiative(DatasetSnapshots.InitiativeId(i)) ?? throw new InvalidOperationException($"The report has no initiative {DatasetSnapshots.InitiativeId(i)}.");
            initiativeScores[i] = initiative.Score;
        }

        return new RollupResult(engine, scope, affected, metricScores, initiativeScores);
    }
}
