namespace ExposureSdk.Benchmarks.Dataset;

/// <summary>
/// A plain, obviously-correct rollup of a <see cref="RollupDataset"/> used to check the harness
/// itself (the SQL of the peers and the dataset files) independently of the engine under test.
/// Rules (domain-rules §3): scope = distinct assets with a Healthy or Unhealthy result for any member
/// recommendation; affected = distinct assets in scope with an Unhealthy one; score = 100 − 100 ×
/// affected / scope, unavailable when scope is 0; initiative = Σ w·p / Σ w over its available metrics
/// with w &gt; 0, absent when there is none.
/// </summary>
public static class ReferenceRollup
{
    /// <summary>Computes the rollup.</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The result, named "reference".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static RollupResult Compute(RollupDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var metricCount = dataset.MetricCount;

        // Metrics of each recommendation.
        var recMetrics = new List<int>[dataset.RecommendationCount];
        for (var r = 0; r < recMetrics.Length; r++)
        {
            recMetrics[r] = [];
        }

        for (var i = 0; i < dataset.MetricRecommendationMetric.Length; i++)
        {
            recMetrics[dataset.MetricRecommendationRecommendation[i]].Add(dataset.MetricRecommendationMetric[i]);
        }

        // The distinct (metric, asset) pairs in scope and affected.
        var inScope = new HashSet<long>();
        var isAffected = new HashSet<long>();
        for (var i = 0; i < dataset.AssessmentCount; i++)
        {
            var status = dataset.AssessmentStatus[i];
            if (status == 0)
            {
                continue;
            }

            foreach (var m in recMetrics[dataset.AssessmentRecommendation[i]])
            {
                var key = ((long)m * dataset.AssetCount) + dataset.AssessmentAsset[i];
                inScope.Add(key);
                if (status == 2)
                {
                    isAffected.Add(key);
                }
            }
        }

        var scope = new long[metricCount];
        var affected = new long[metricCount];
        foreach (var key in inScope)
        {
            scope[key / dataset.AssetCount]++;
        }

        foreach (var key in isAffected)
        {
            affected[key / dataset.AssetCount]++;
        }

        var metricScores = new double?[metricCount];
        for (var m = 0; m < metricCount; m++)
        {
            metricScores[m] = scope[m] == 0 ? null : 100.0 - (100.0 * affected[m] / scope[m]);
        }

        var weighted = new double[dataset.InitiativeCount];
        var weights = new double[dataset.InitiativeCount];
        for (var i = 0; i < dataset.InitiativeMetricInitiative.Length; i++)
        {
            var m = dataset.InitiativeMetricMetric[i];
            var w = dataset.MetricWeights[m];
            if (w > 0 && metricScores[m] is { } p)
            {
                weighted[dataset.InitiativeMetricInitiative[i]] += w * p;
                weights[dataset.InitiativeMetricInitiative[i]] += w;
            }
        }

        var initiativeScores = new double?[dataset.InitiativeCount];
        for (var i = 0; i < initiativeScores.Length; i++)
        {
            initiativeScores[i] = weights[i] > 0 ? weighted[i] / weights[i] : null;
        }

        return new RollupResult("reference", scope, affected, metricScores, initiativeScores);
    }
}
