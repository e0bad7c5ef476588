namespace ExposureSdk.Scoring;

/// <summary>
/// A columnar, scalable form of one tenant's snapshot with its scores kept up to date: the fast path of
/// the scoring engine for large tenants (millions of assets, tens of millions of assessments) and for
/// incremental updates. It gives the same <see cref="ScoreReport"/> as <see cref="ExposureScorer.Score"/>,
/// bit for bit.
/// </summary>
/// <remarks>
/// <para><b>Layout.</b> Asset and recommendation ids are interned to integers in ordinal id order. The
/// assessments are compressed sparse rows: per recommendation, a segment of asset indices in ascending
/// order and a parallel status byte (5 bytes per assessment). Each metric keeps two bitsets over the
/// assets (in scope, affected). For incremental updates each asset also keeps its own rows (recommendation
/// index and a copy of the status, 3 bytes per assessment) and an open-addressing table finds an asset by
/// id. There is no object per assessment.</para>
/// <para><b>Rollup.</b> <see cref="Recompute"/> splits the assets into ranges and rolls every range up in
/// parallel into a partial result (per metric: exact integer counts of assets in scope and affected, and
/// the first 100 affected assets). Partial results merge with an associative, commutative merge whose
/// identity is the empty result; since every asset belongs to exactly one range, any partitioning gives
/// the counts of a single pass, and scores are computed once from the merged counts.</para>
/// <para><b>Incremental updates.</b> <see cref="SetAssessmentStatus"/>, <see cref="SetRecommendationState"/>
/// and <see cref="SetMetricWeight"/> update the affected counts, bits and scores without a rollup.</para>
/// <para><b>Files.</b> This file builds the dataset and reads it (scores, report); the rollup, incremental
/// changes and the remediation plan are in <c>ExposureDataset.Rollup.cs</c>, <c>ExposureDataset.Incremental.cs</c>
/// and <c>ExposureDataset.Remediation.cs</c>. Who belongs to whom is a <see cref="ScoringTopology"/> (the
/// reference rollup's too); the asset id table, the metric bitsets and the mergeable partial result are
/// <see cref="AssetIdTable"/>, <see cref="MetricBitsets"/> and <see cref="MetricPartial"/>.</para>
/// <para>Pure computation: no I/O, clock or logging. Not thread-safe: do not call a Set method or
/// <see cref="Recompute"/> while another call is running; reads may run concurrently with each other.</para>
/// </remarks>
public sealed partial class ExposureDataset
{
    private readonly ScoringOptions _options;

    // Who belongs to whom: metrics, initiatives, their members and the reverse maps (fixed at build).
    private readonly ScoringTopology _topology;

    // The topology's compressed rows, held directly for the rollup's and the updates' inner loops:
    // metric -> member recommendations, recommendation -> metrics.
    private readonly int[] _memberStart;
    private readonly int[] _members;
    private readonly int[] _recMetricStart;
    private readonly int[] _recMetrics;

    // Recommendations (ordinal id order; SetRecommendationState replaces entries) and the assessments as CSR:
    // per recommendation, a segment of ascending asset indices with a parallel status byte.
    private readonly Recommendation[] _recs;
    private readonly string[] _assetIds;
    private readonly AssetIdTable _assetTable;
    private readonly int[] _recStart;
    private readonly int[] _assets;
    private readonly byte[] _status;

    // Per asset, its rows (assessments) in recommendation order: the recommendation (16-bit when there are at
    // most 65,536 recommendations, else 32-bit) and a copy of the status, so that an update re-derives the
    // asset's membership of a metric without searching segments.
    private readonly int[] _assetRowStart;
    private readonly ushort[]? _rowRec16;
    private readonly int[]? _rowRec32;
    private readonly byte[] _rowStatus;

    // Per recommendation: result counts and points.
    private readonly long[] _healthy;
    private readonly long[] _unhealthy;
    private readonly long[] _notApplicable;
    private readonly double[] _achieved;
    private readonly double[] _max;

    // Per metric: current weight, count-only and total counts, score, first affected assets, and the bitsets.
    private readonly MetricWeight[] _metricWeights;
    private readonly double[] _weights;
    private readonly long[] _countScope;
    private readonly int[] _countMembers; // per metric: count-only members that add to its scope (approximate when summed)
    private readonly long[] _countAffected;
    private readonly long[] _scope;
    private readonly long[] _affected;
    private readonly double?[] _scores;
    private readonly int[][] _top;
    private readonly bool[] _topDirty;
    private readonly MetricBitsets _bits;

    internal ExposureDataset(
        string tenantId,
        DateTimeOffset asOf,
        ScoringOptions options,
        Recommendation[] recs,
        string[] assetIds,
        int[] recStart,
        int[] assets,
        byte[] status,
        Metric[] metrics,
        Initiative[] initiatives,
        int maxDegreeOfParallelism)
    {
        TenantId = tenantId;
        AsOf = asOf;
        _options = options;
        _recs = recs;
        _assetIds = assetIds;
        _recStart = recStart;
        _assets = assets;
        _status = status;

        _topology = ScoringTopology.Build(recs, metrics, initiatives);
        _memberStart = _topology.MetricMemberStart;
        _members = _topology.MetricMembers;
        _recMetricStart = _topology.RecommendationMetricStart;
        _recMetrics = _topology.RecommendationMetrics;
        var metricCount = _topology.Metrics.Length;
        _metricWeights = _topology.Metrics.Select(m => m.Weight).ToArray();
        _weights = _topology.Metrics.Select(m => options.WeightOf(m.Weight)).ToArray();

        (_assetRowStart, _rowRec16, _rowRec32, _rowStatus) = AssetRows(assetIds.Length, recStart, assets, status);
        _assetTable = new AssetIdTable(assetIds);

        // Per-recommendation counts and points.
        var recCount = recs.Length;
        _healthy = new long[recCount];
        _unhealthy = new long[recCount];
        _notApplicable = new long[recCount];
        _achieved = new double[recCount];
        _max = new double[recCount];
        for (var r = 0; r < recCount; r++)
        {
            if (_recStart[r + 1] > _recStart[r])
            {
                for (var k = _recStart[r]; k < _recStart[r + 1]; k++)
                {
                    switch ((AssessmentStatus)_status[k])
                    {
                        case AssessmentStatus.Healthy: _healthy[r]++; break;
                        case AssessmentStatus.Unhealthy: _unhealthy[r]++; break;
                        default: _notApplicable[r]++; break;
                    }
                }
            }
            else if (recs[r].Counts is { } c)
            {
                _healthy[r] = c.Healthy;
                _unhealthy[r] = c.Affected;
            }

            RescorePoints(r);
        }

        // Metric state.
        _bits = new MetricBitsets(metricCount, assetIds.Length);
        _countScope = new long[metricCount];
        _countMembers = new int[metricCount];
        _countAffected = new long[metricCount];
        _scope = new long[metricCount];
        _affected = new long[metricCount];
        _scores = new double?[metricCount];
        _top = new int[metricCount][];
        _topDirty = new bool[metricCount];
        Recompute(maxDegreeOfParallelism);
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>When the sources were read, in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The number of distinct assessed assets.</summary>
    public int AssetCount => _assetIds.Length;

    /// <summary>The number of recommendations.</summary>
    public int RecommendationCount => _recs.Length;

    /// <summary>The number of assessments.</summary>
    public int AssessmentCount => _assets.Length;

    /// <summary>The number of metrics.</summary>
    public int MetricCount => _topology.Metrics.Length;

    /// <summary>The number of initiatives.</summary>
    public int InitiativeCount => _topology.Initiatives.Length;

    /// <summary>
    /// The approximate bytes held by the per-assessment and per-asset arrays: 8 bytes per assessment (asset
    /// index and status by recommendation; recommendation and status by asset, with 2-byte recommendation
    /// indices up to 65,536 recommendations, 4-byte beyond), two bits per asset per metric, and 12 to 20 bytes
    /// per asset (where its rows start, and the id table, at most half full); asset id strings not included.
    /// </summary>
    public long ColumnarBytes =>
        (_assets.LongLength * sizeof(int)) + _status.LongLength
        + ((_rowRec16?.LongLength ?? 0) * sizeof(ushort)) + ((_rowRec32?.LongLength ?? 0) * sizeof(int)) + _rowStatus.LongLength
        + (_assetRowStart.LongLength * sizeof(int)) + _assetTable.Bytes
        + _bits.Bytes;

    /// <summary>Creates a dataset from a snapshot (rolled up).</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">The weights; <see langword="null"/> for the defaults.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the rollup; 0 for <see cref="Environment.ProcessorCount"/>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is not finite and greater than 0, or <paramref name="maxDegreeOfParallelism"/> is negative.</exception>
    public static ExposureDataset FromSnapshot(ExposureSnapshot snapshot, ScoringOptions? options = null, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var builder = new ExposureDatasetBuilder(snapshot.TenantId, snapshot.AsOf);
        foreach (var r in snapshot.Recommendations)
        {
            builder.AddRecommendation(r);
        }

        foreach (var m in snapshot.Metrics)
        {
            builder.AddMetric(m);
        }

        foreach (var i in snapshot.Initiatives)
        {
            builder.AddInitiative(i);
        }

        builder.AddAssessments(snapshot.Assessments);
        return builder.Build(options, maxDegreeOfParallelism);
    }

    /// <summary>The current score of a metric.</summary>
    /// <param name="metricId">The metric.</param>
    /// <returns>The score in percent, or <see langword="null"/> when unavailable.</returns>
    /// <exception cref="ArgumentException">The dataset has no such metric.</exception>
    public double? GetMetricScore(MetricId metricId) => _scores[MetricIndex(metricId)];

    /// <summary>The current score of an initiative (computed from the current metric scores or points).</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <returns>The score in percent, or <see langword="null"/> when absent.</returns>
    /// <exception cref="ArgumentException">The dataset has no such initiative.</exception>
    public double? GetInitiativeScore(InitiativeId initiativeId)
    {
        var i = _topology.InitiativeIndex.TryGetValue(initiativeId, out var index) ? index : throw new ArgumentException($"The dataset has no initiative '{initiativeId}'.", nameof(initiativeId));
        return _topology.Initiatives[i].IsRecommendationOnly
            ? ReferenceRollup.SumPoints(_topology.InitiativeRecommendations[i], _achieved, _max).Percentage
            : ReferenceRollup.WeightedScore(_topology.InitiativeMetrics[i], _weights, _scores, out _);
    }

    /// <summary>The current Secure Score (points over every recommendation).</summary>
    /// <returns>The points; percentage absent when max is 0.</returns>
    public PointsScore GetSecureScore() => ReferenceRollup.SumPoints(Enumerable.Range(0, _recs.Length), _achieved, _max);

    /// <summary>Materializes the current scores as a report, equal bit for bit to <see cref="ExposureScorer.Score"/> on the same data.</summary>
    /// <returns>The report.</returns>
    public ScoreReport ToReport()
    {
        var recommendations = new RecommendationScore[_recs.Length];
        for (var r = 0; r < recommendations.Length; r++)
        {
            var rec = _recs[r];
            var derived = ReferenceRollup.Derive(_healthy[r], _unhealthy[r]);
            var state = rec.State ?? derived;
            var points = ReferenceRollup.Points(rec, state, _healthy[r], _unhealthy[r], out var counts);
            var kind = _recStart[r + 1] > _recStart[r] ? ResultKind.PerAsset : rec.Counts is null ? ResultKind.None : ResultKind.CountOnly;
            recommendations[r] = new RecommendationScore(rec, state, derived, rec.State is not null, kind, _healthy[r], _unhealthy[r], _notApplicable[r], points, counts, _topology.RecommendationMetricIds[r], _topology.RecommendationInitiativeIds[r]);
        }

        var metrics = new MetricScore[_topology.Metrics.Length];
        for (var m = 0; m < metrics.Length; m++)
        {
            var top = TopAffected(m).Select(a => AssetId.From(_assetIds[a])).ToArray().AsReadOnly();
            var approximate = MetricScore.IsSumApproximate(_countMembers[m], _scope[m] - _countScope[m]);
            metrics[m] = new MetricScore(_topology.Metrics[m], _metricWeights[m], _weights[m], _scope[m], _affected[m], _topology.MetricRecommendationIds[m], _topology.MetricInitiativeIds[m], top, approximate);
        }

        return ReferenceRollup.Assemble(TenantId, AsOf, recommendations, metrics, _topology.Initiatives, _topology.InitiativeMetrics, _topology.InitiativeRecommendations);
    }

    /// <summary>Builds the per-asset rows (transposed CSR): each asset's recommendations in ascending order, with their statuses.</summary>
    private static (int[] Start, ushort[]? Rec16, int[]? Rec32, byte[] Status) AssetRows(int assetCount, int[] recStart, int[] assets, byte[] status)
    {
        var start = new int[assetCount + 1];
        foreach (var a in assets)
        {
            start[a + 1]++;
        }

        for (var a = 0; a < assetCount; a++)
        {
            start[a + 1] += start[a];
        }

        var recCount = recStart.Length - 1;
        var rec16 = recCount <= ushort.MaxValue + 1 ? new ushort[assets.Length] : null;
        var rec32 = rec16 is null ? new int[assets.Length] : null;
        var rowStatus = new byte[assets.Length];
        var cursor = (int[])start.Clone();
        for (var r = 0; r < recCount; r++)
        {
            for (var k = recStart[r]; k < recStart[r + 1]; k++)
            {
                var row = cursor[assets[k]]++;
                if (rec16 is not null)
                {
                    rec16[row] = (ushort)r;
                }
                else
                {
                    rec32![row] = r;
                }

                rowStatus[row] = status[k];
            }
        }

        return (start, rec16, rec32, rowStatus);
    }

    private void RescorePoints(int r)
    {
        var rec = _recs[r];
        var state = rec.State ?? ReferenceRollup.Derive(_healthy[r], _unhealthy[r]);
        var points = ReferenceRollup.Points(rec, state, _healthy[r], _unhealthy[r], out _);
        _achieved[r] = points.AchievedPoints;
        _max[r] = points.MaxPoints;
    }

    private int RecIndex(RecommendationId id) =>
        _topology.RecommendationIndex.TryGetValue(id, out var r) ? r : throw new ArgumentException($"The dataset has no recommendation '{id}'.", nameof(id));

    private int MetricIndex(MetricId id) =>
        _topology.MetricIndex.TryGetValue(id, out var m) ? m : throw new ArgumentException($"The dataset has no metric '{id}'.", nameof(id));
}
