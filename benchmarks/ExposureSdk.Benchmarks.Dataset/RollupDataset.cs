namespace ExposureSdk.Benchmarks.Dataset;

/// <summary>
/// A generated tenant in columnar form: the four tables every engine of the comparison reads.
/// Recommendations, assets, metrics and initiatives are dense integer ids (0-based). Status codes
/// are those of <see cref="AssessmentStatus"/>: 0 NotApplicable, 1 Healthy, 2 Unhealthy.
/// </summary>
/// <remarks>
/// <para>How it is generated (seeded, <see cref="Generate"/>): assets belong to one of
/// <see cref="DatasetShape.AssetKinds"/> kinds; each kind has a pool of recommendations
/// (recommendation r belongs to kind r / (recommendations / kinds)); an asset draws its assessments
/// from its kind's pool without repetition, except the last 10 recommendations, which are never
/// assessed. Each recommendation has its own failure rate (2% to 40% of the assessed results are
/// Unhealthy); 10% of all results are NotApplicable. Most metrics take their members from one kind's
/// pool (similar assets), every tenth from all recommendations; the last metric holds only
/// never-assessed recommendations, so it is unavailable (scope 0). Metric weights: 10% RiskAccepted
/// (0), 25% Low, 35% Medium, 30% High. Initiatives hold 8 to 20 metrics; the last one holds only the
/// unavailable metric and a risk-accepted one, so its score is absent.</para>
/// <para>Assessments are stored asset by asset (the order of a per-device export).</para>
/// </remarks>
public sealed class RollupDataset
{
    /// <summary>The number of trailing recommendations that no asset is assessed against.</summary>
    public const int NeverAssessedRecommendations = 10;

    /// <summary>The seed used when none is given.</summary>
    public const ulong DefaultSeed = 20261121;

    /// <summary>Creates a dataset from its columns (used by the CSV reader; no copy is made).</summary>
    /// <param name="assetCount">Number of assets (asset ids are 0 to assetCount − 1).</param>
    /// <param name="recommendationCount">Number of recommendations.</param>
    /// <param name="assessmentRecommendation">Recommendation of each assessment.</param>
    /// <param name="assessmentAsset">Asset of each assessment.</param>
    /// <param name="assessmentStatus">Status code of each assessment (0, 1 or 2).</param>
    /// <param name="metricRecommendationMetric">Metric of each metric-recommendation row.</param>
    /// <param name="metricRecommendationRecommendation">Recommendation of each metric-recommendation row.</param>
    /// <param name="metricWeights">Numeric weight of each metric (0 = RiskAccepted, 1 Low, 2 Medium, 3 High).</param>
    /// <param name="initiativeMetricInitiative">Initiative of each initiative-metric row.</param>
    /// <param name="initiativeMetricMetric">Metric of each initiative-metric row.</param>
    /// <param name="initiativeCount">Number of initiatives.</param>
    /// <exception cref="ArgumentException">Columns of one table differ in length, or an id is out of range.</exception>
    public RollupDataset(
        int assetCount,
        int recommendationCount,
        int[] assessmentRecommendation,
        int[] assessmentAsset,
        byte[] assessmentStatus,
        int[] metricRecommendationMetric,
        int[] metricRecommendationRecommendation,
        int[] metricWeights,
        int[] initiativeMetricInitiative,
        int[] initiativeMetricMetric,
        int initiativeCount)
    {
        ArgumentNullException.ThrowIfNull(assessmentRecommendation);
        ArgumentNullException.ThrowIfNull(assessmentAsset);
        ArgumentNullException.ThrowIfNull(assessmentStatus);
        ArgumentNullException.ThrowIfNull(metricRecommendationMetric);
        ArgumentNullException.ThrowIfNull(metricRecommendationRecommendation);
        ArgumentNullException.ThrowIfNull(metricWeights);
        ArgumentNullException.ThrowIfNull(initiativeMetricInitiative);
        ArgumentNullException.ThrowIfNull(initiativeMetricMetric);
        if (assessmentRecommendation.Length != assessmentAsset.Length || assessmentAsset.Length != assessmentStatus.Length)
        {
            throw new ArgumentException("The assessment columns differ in length.", nameof(assessmentAsset));
        }

        if (metricRecommendationMetric.Length != metricRecommendationRecommendation.Length)
        {
            throw new ArgumentException("The metric-recommendation columns differ in length.", nameof(metricRecommendationRecommendation));
        }

        if (initiativeMetricInitiative.Length != initiativeMetricMetric.Length)
        {
            throw new ArgumentException("The initiative-metric columns differ in length.", nameof(initiativeMetricMetric));
        }

        CheckRange(assessmentRecommendation, recommendationCount, "assessments.rec");
        CheckRange(assessmentAsset, assetCount, "assessments.asset");
        for (var i = 0; i < assessmentStatus.Length; i++)
        {
            if (assessmentStatus[i] > 2)
            {
                throw new ArgumentException($"assessments[{i}].status is {assessmentStatus[i]}; expected 0, 1 or 2.", nameof(assessmentStatus));
            }
        }

        CheckRange(metricRecommendationMetric, metricWeights.Length, "metric_recs.metric");
        CheckRange(metricRecommendationRecommendation, recommendationCount, "metric_recs.rec");
        CheckRange(initiativeMetricInitiative, initiativeCount, "initiative_metrics.initiative");
        CheckRange(initiativeMetricMetric, metricWeights.Length, "initiative_metrics.metric");
        CheckRange(metricWeights, 4, "metrics.weight");

        AssetCount = assetCount;
        RecommendationCount = recommendationCount;
        AssessmentRecommendation = assessmentRecommendation;
        AssessmentAsset = assessmentAsset;
        AssessmentStatus = assessmentStatus;
        MetricRecommendationMetric = metricRecommendationMetric;
        MetricRecommendationRecommendation = metricRecommendationRecommendation;
        MetricWeights = metricWeights;
        InitiativeMetricInitiative = initiativeMetricInitiative;
        InitiativeMetricMetric = initiativeMetricMetric;
        InitiativeCount = initiativeCount;
    }

    /// <summary>Number of assets.</summary>
    public int AssetCount { get; }

    /// <summary>Number of recommendations.</summary>
    public int RecommendationCount { get; }

    /// <summary>Number of metrics.</summary>
    public int MetricCount => MetricWeights.Length;

    /// <summary>Number of initiatives.</summary>
    public int InitiativeCount { get; }

    /// <summary>Number of assessment rows.</summary>
    public int AssessmentCount => AssessmentAsset.Length;

    /// <summary>assessments.rec: the recommendation of each assessment.</summary>
    public int[] AssessmentRecommendation { get; }

    /// <summary>assessments.asset: the asset of each assessment.</summary>
    public int[] AssessmentAsset { get; }

    /// <summary>assessments.status: 0 NotApplicable, 1 Healthy, 2 Unhealthy.</summary>
    public byte[] AssessmentStatus { get; }

    /// <summary>metric_recs.metric.</summary>
    public int[] MetricRecommendationMetric { get; }

    /// <summary>metric_recs.rec.</summary>
    public int[] MetricRecommendationRecommendation { get; }

    /// <summary>metrics.weight, indexed by metric: 0 RiskAccepted, 1 Low, 2 Medium, 3 High.</summary>
    public int[] MetricWeights { get; }

    /// <summary>initiative_metrics.initiative.</summary>
    public int[] InitiativeMetricInitiative { get; }

    /// <summary>initiative_metrics.metric.</summary>
    public int[] InitiativeMetricMetric { get; }

    /// <summary>Generates the dataset of a shape; the same shape and seed always give the same data.</summary>
    /// <param name="shape">The size.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="shape"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The shape has too few recommendations per asset kind for its assessments per asset.</exception>
    public static RollupDataset Generate(DatasetShape shape, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var rng = new SplitMix64(seed);
        var recs = shape.RecommendationCount;
        var kinds = DatasetShape.AssetKinds;
        var poolSize = recs / kinds;
        var assessedRecs = recs - NeverAssessedRecommendations;
        if (shape.AssessmentsPerAsset > poolSize - NeverAssessedRecommendations)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), $"{shape.AssessmentsPerAsset} assessments per asset need at least {(shape.AssessmentsPerAsset + NeverAssessedRecommendations) * kinds} recommendations.");
        }

        var failureRate = new double[recs];
        for (var r = 0; r < recs; r++)
        {
            failureRate[r] = 0.02 + (0.38 * rng.NextDouble());
        }

        const double NotApplicableRate = 0.10;
        var perAsset = shape.AssessmentsPerAsset;
        var count = shape.AssessmentCount;
        var assessmentRec = new int[count];
        var assessmentAsset = new int[count];
        var assessmentStatus = new byte[count];
        var scratch = new int[poolSize];
        var row = 0;
        for (var asset = 0; asset < shape.AssetCount; asset++)
        {
            var kind = rng.NextInt(kinds);
            var first = kind * poolSize;
            var available = Math.Min(poolSize, assessedRecs - first);
            for (var i = 0; i < available; i++)
            {
                scratch[i] = first + i;
            }

            for (var i = 0; i < perAsset; i++)
            {
                var pick = i + rng.NextInt(available - i);
                (scratch[i], scratch[pick]) = (scratch[pick], scratch[i]);
                var rec = scratch[i];
                var u = rng.NextDouble();
                assessmentRec[row] = rec;
                assessmentAsset[row] = asset;
                assessmentStatus[row] = u < NotApplicableRate ? (byte)0
                    : u < NotApplicableRate + ((1 - NotApplicableRate) * failureRate[rec]) ? (byte)2
                    : (byte)1;
                row++;
            }
        }

        var metricCount = shape.MetricCount;
        var metricRecMetric = new List<int>(metricCount * shape.RecommendationsPerMetric);
        var metricRecRec = new List<int>(metricCount * shape.RecommendationsPerMetric);
        var weights = new int[metricCount];
        var members = new SortedSet<int>();
        for (var m = 0; m < metricCount; m++)
        {
            members.Clear();
            if (m == metricCount - 1)
            {
                for (var r = assessedRecs; r < recs; r++)
                {
                    members.Add(r);
                }
            }
            else
            {
                var size = shape.RecommendationsPerMetric - 2 + rng.NextInt(5);
                var crossKind = m % 10 == 9;
                var kind = m % kinds;
                while (members.Count < size)
                {
                    members.Add(crossKind ? rng.NextInt(recs) : (kind * poolSize) + rng.NextInt(poolSize));
                }
            }

            foreach (var r in members)
            {
                metricRecMetric.Add(m);
                metricRecRec.Add(r);
            }

            var w = rng.NextDouble();
            weights[m] = w < 0.10 ? 0 : w < 0.35 ? 1 : w < 0.70 ? 2 : 3;
        }

        weights[metricCount - 2] = 0;
        var initiativeMetricInitiative = new List<int>();
        var initiativeMetricMetric = new List<int>();
        var chosen = new SortedSet<int>();
        for (var i = 0; i < shape.InitiativeCount; i++)
        {
            chosen.Clear();
            if (i == shape.InitiativeCount - 1)
            {
                chosen.Add(metricCount - 2);
                chosen.Add(metricCount - 1);
            }
            else
            {
                var size = Math.Min(8 + rng.NextInt(13), metricCount);
                while (chosen.Count < size)
                {
                    chosen.Add(rng.NextInt(metricCount));
                }
            }

            foreach (var m in chosen)
            {
                initiativeMetricInitiative.Add(i);
                initiativeMetricMetric.Add(m);
            }
        }

        return new RollupDataset(
            shape.AssetCount,
            recs,
            assessmentRec,
            assessmentAsset,
            assessmentStatus,
            [.. metricRecMetric],
            [.. metricRecRec],
            weights,
            [.. initiativeMetricInitiative],
            [.. initiativeMetricMetric],
            shape.InitiativeCount);
    }

    /// <summary>The first <paramref name="assetCount"/> assets of this dataset with all their assessments, and the same metrics and initiatives.</summary>
    /// <param name="assetCount">Number of assets to keep (at most <see cref="AssetCount"/>).</param>
    /// <returns>The smaller dataset (this instance when nothing is cut).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="assetCount"/> is below 1 or above <see cref="AssetCount"/>.</exception>
    public RollupDataset TakeAssets(int assetCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(assetCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(assetCount, AssetCount);
        if (assetCount == AssetCount)
        {
            return this;
        }

        var keep = 0;
        for (var i = 0; i < AssessmentAsset.Length; i++)
        {
            if (AssessmentAsset[i] < assetCount)
            {
                keep++;
            }
        }

        var rec = new int[keep];
        var asset = new int[keep];
        var status = new byte[keep];
        var j = 0;
        for (var i = 0; i < AssessmentAsset.Length; i++)
        {
            if (AssessmentAsset[i] < assetCount)
            {
                rec[j] = AssessmentRecommendation[i];
                asset[j] = AssessmentAsset[i];
                status[j] = AssessmentStatus[i];
                j++;
            }
        }

        return new RollupDataset(
            assetCount,
            RecommendationCount,
            rec,
            asset,
            status,
            MetricRecommendationMetric,
            MetricRecommendationRecommendation,
            MetricWeights,
            InitiativeMetricInitiative,
            InitiativeMetricMetric,
            InitiativeCount);
    }

    private static void CheckRange(int[] column, int count, string name)
    {
        for (var i = 0; i < column.Length; i++)
        {
            if ((uint)column[i] >= (uint)count)
            {
                throw new ArgumentException($"{name}[{i}] is {column[i]}; expected 0 to {count - 1}.", name);
            }
        }
    }
}
