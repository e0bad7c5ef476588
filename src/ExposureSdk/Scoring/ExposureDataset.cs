using System.Collections.ObjectModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
/// <para>Pure computation: no I/O, clock or logging. Not thread-safe: do not call a Set method or
/// <see cref="Recompute"/> while another call is running; reads may run concurrently with each other.</para>
/// </remarks>
public sealed class ExposureDataset
{
    private readonly ScoringOptions _options;

    // Recommendations (ordinal id order) and the assessments as CSR.
    private readonly Recommendation[] _recs;
    private readonly Dictionary<RecommendationId, int> _recIndex;
    private readonly string[] _assetIds;
    private readonly int[] _recStart;
    private readonly int[] _assets;
    private readonly byte[] _status;
    // Per asset, its rows (assessments) in recommendation order: the recommendation (16-bit when there are at
    // most 65,536 recommendations, else 32-bit) and a copy of the status, so that an update re-derives the
    // asset's membership of a metric without searching segments; and an open-addressing table from asset id
    // to index.
    private readonly int[] _assetRowStart;
    private readonly ushort[]? _rowRec16;
    private readonly int[]? _rowRec32;
    private readonly byte[] _rowStatus;
    private readonly int[] _assetTable;
    private readonly long[] _healthy;
    private readonly long[] _unhealthy;
    private readonly long[] _notApplicable;
    private readonly double[] _achieved;
    private readonly double[] _max;
    private readonly ReadOnlyCollection<MetricId>[] _recMetricIds;
    private readonly ReadOnlyCollection<InitiativeId>[] _recInitiativeIds;

    // Metrics.
    private readonly Metric[] _metrics; // definitions as added; the current weight is _metricWeights
    private readonly Dictionary<MetricId, int> _metricIndex;
    private readonly MetricWeight[] _metricWeights;
    private readonly double[] _weights;
    private readonly int[] _memberStart;
    private readonly int[] _members;
    private readonly int[] _recMetricStart;
    private readonly int[] _recMetrics;
    private readonly long[] _countScope;
    private readonly long[] _countAffected;
    private readonly long[] _scope;
    private readonly long[] _affected;
    private readonly double?[] _scores;
    private readonly int[][] _top;
    private readonly bool[] _topDirty;
    private readonly int _words;
    private readonly ulong[] _scopeBits;
    private readonly ulong[] _affectedBits;
    private readonly ReadOnlyCollection<RecommendationId>[] _metricRecIds;
    private readonly ReadOnlyCollection<InitiativeId>[] _metricInitiativeIds;

    // Initiatives.
    private readonly Initiative[] _initiatives;
    private readonly Dictionary<InitiativeId, int> _initiativeIndex;
    private readonly int[][] _initiativeMetrics;
    private readonly int[][] _initiativeRecs;

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
        var recCount = recs.Length;
        _recIndex = new Dictionary<RecommendationId, int>(recCount);
        for (var r = 0; r < recCount; r++)
        {
            _recIndex.Add(recs[r].Id, r);
        }

        // Metrics and their members.
        _metrics = metrics.OrderBy(m => m.Id.Value, StringComparer.Ordinal).ToArray();
        var metricCount = _metrics.Length;
        _metricIndex = new Dictionary<MetricId, int>(metricCount);
        for (var m = 0; m < metricCount; m++)
        {
            if (!_metricIndex.TryAdd(_metrics[m].Id, m))
            {
                throw new ArgumentException($"The metric id '{_metrics[m].Id}' is added twice.", nameof(metrics));
            }

            foreach (var id in _metrics[m].RecommendationIds)
            {
                if (!_recIndex.ContainsKey(id))
                {
                    throw new ArgumentException($"Metric '{_metrics[m].Id}' names recommendation '{id}', which was not added.", nameof(metrics));
                }
            }
        }

        _metricWeights = _metrics.Select(m => m.Weight).ToArray();
        _weights = _metrics.Select(m => options.ValueOf(m.Weight)).ToArray();
        var memberLists = new List<int>[metricCount];
        var recMetricLists = new List<int>[recCount];
        for (var r = 0; r < recCount; r++)
        {
            recMetricLists[r] = [];
        }

        for (var m = 0; m < metricCount; m++)
        {
            var listed = new HashSet<RecommendationId>(_metrics[m].RecommendationIds);
            var selector = _metrics[m].Selector;
            memberLists[m] = [];
            for (var r = 0; r < recCount; r++)
            {
                if (listed.Contains(recs[r].Id) || (selector?.Matches(recs[r]) ?? false))
                {
                    memberLists[m].Add(r);
                    recMetricLists[r].Add(m);
                }
            }
        }

        (_memberStart, _members) = Csr(memberLists);
        (_recMetricStart, _recMetrics) = Csr(recMetricLists);

        // Initiatives.
        _initiatives = initiatives.OrderBy(i => i.Id.Value, StringComparer.Ordinal).ToArray();
        _initiativeIndex = new Dictionary<InitiativeId, int>(_initiatives.Length);
        _initiativeMetrics = new int[_initiatives.Length][];
        _initiativeRecs = new int[_initiatives.Length][];
        var recInitiatives = new SortedSet<int>[recCount];
        var metricInitiatives = new List<int>[metricCount];
        for (var r = 0; r < recCount; r++)
        {
            recInitiatives[r] = [];
        }

        for (var m = 0; m < metricCount; m++)
        {
            metricInitiatives[m] = [];
        }

        for (var i = 0; i < _initiatives.Length; i++)
        {
            var initiative = _initiatives[i];
            if (!_initiativeIndex.TryAdd(initiative.Id, i))
            {
                throw new ArgumentException($"The initiative id '{initiative.Id}' is added twice.", nameof(initiatives));
            }

            _initiativeMetrics[i] = initiative.MetricIds
                .Select(id => _metricIndex.TryGetValue(id, out var m) ? m : throw new ArgumentException($"Initiative '{initiative.Id}' names metric '{id}', which was not added.", nameof(initiatives)))
                .Order().ToArray();
            _initiativeRecs[i] = initiative.RecommendationIds
                .Select(id => _recIndex.TryGetValue(id, out var r) ? r : throw new ArgumentException($"Initiative '{initiative.Id}' names recommendation '{id}', which was not added.", nameof(initiatives)))
                .Order().ToArray();
            foreach (var m in _initiativeMetrics[i])
            {
                metricInitiatives[m].Add(i);
                foreach (var r in memberLists[m])
                {
                    recInitiatives[r].Add(i);
                }
            }

            foreach (var r in _initiativeRecs[i])
            {
                recInitiatives[r].Add(i);
            }
        }

        _recMetricIds = recMetricLists.Select(l => l.Select(m => _metrics[m].Id).ToArray().AsReadOnly()).ToArray();
        _recInitiativeIds = recInitiatives.Select(s => s.Select(i => _initiatives[i].Id).ToArray().AsReadOnly()).ToArray();
        _metricRecIds = memberLists.Select(l => l.Select(r => recs[r].Id).ToArray().AsReadOnly()).ToArray();
        _metricInitiativeIds = metricInitiatives.Select(l => l.Select(i => _initiatives[i].Id).ToArray().AsReadOnly()).ToArray();

        (_assetRowStart, _rowRec16, _rowRec32, _rowStatus) = AssetRows(assetIds.Length, recStart, assets, status);
        _assetTable = AssetTable(assetIds);

        // Per-recommendation counts and points.
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
        _words = (assetIds.Length + 63) >> 6;
        _scopeBits = new ulong[(long)metricCount * _words];
        _affectedBits = new ulong[(long)metricCount * _words];
        _countScope = new long[metricCount];
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
    public int MetricCount => _metrics.Length;

    /// <summary>The number of initiatives.</summary>
    public int InitiativeCount => _initiatives.Length;

    /// <summary>
    /// The approximate bytes held by the per-assessment and per-asset arrays: 8 bytes per assessment (asset
    /// index and status by recommendation; recommendation and status by asset, with 2-byte recommendation
    /// indices up to 65,536 recommendations, 4-byte beyond), two bits per asset per metric, and 12 to 20 bytes
    /// per asset (where its rows start, and the id table, at most half full); asset id strings not included.
    /// </summary>
    public long ColumnarBytes =>
        (_assets.LongLength * sizeof(int)) + _status.LongLength
        + ((_rowRec16?.LongLength ?? 0) * sizeof(ushort)) + ((_rowRec32?.LongLength ?? 0) * sizeof(int)) + _rowStatus.LongLength
        + ((_assetRowStart.LongLength + _assetTable.LongLength) * sizeof(int))
        + ((_scopeBits.LongLength + _affectedBits.LongLength) * sizeof(ulong));

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

    /// <summary>
    /// Rolls every metric up again from the assessments, in parallel over ranges of assets, and merges
    /// the partial results. Scores equal a single pass bit for bit, whatever the degree of parallelism.
    /// </summary>
    /// <param name="maxDegreeOfParallelism">Threads to use; 0 for <see cref="Environment.ProcessorCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is negative.</exception>
    public void Recompute(int maxDegreeOfParallelism = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        var threads = maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism;
        for (var m = 0; m < _metrics.Length; m++)
        {
            RecomputeCountOnly(m);
        }

        // Ranges aligned to 64 assets (one bitset word) so that ranges never share a word.
        var wordsPerRange = Math.Max(64, (_words + (threads * 16) - 1) / (threads * 16));
        var ranges = Math.Max(1, (_words + wordsPerRange - 1) / wordsPerRange);
        var partials = new MetricPartial[ranges];
        if (threads == 1 || ranges == 1)
        {
            for (var p = 0; p < ranges; p++)
            {
                partials[p] = RollUp(p * wordsPerRange * 64, Math.Min(_assetIds.Length, (p + 1) * wordsPerRange * 64), clear: true);
            }
        }
        else
        {
            Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
                partials[p] = RollUp(p * wordsPerRange * 64, Math.Min(_assetIds.Length, (p + 1) * wordsPerRange * 64), clear: true));
        }

        var total = MetricPartial.Empty(_metrics.Length);
        foreach (var partial in partials)
        {
            total = MetricPartial.Merge(total, partial);
        }

        Apply(total);
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
        var i = _initiativeIndex.TryGetValue(initiativeId, out var index) ? index : throw new ArgumentException($"The dataset has no initiative '{initiativeId}'.", nameof(initiativeId));
        return _initiatives[i].IsRecommendationOnly
            ? ReferenceRollup.SumPoints(_initiativeRecs[i], _achieved, _max).Percentage
            : ReferenceRollup.WeightedScore(_initiativeMetrics[i], _weights, _scores, out _);
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
            recommendations[r] = new RecommendationScore(rec, state, derived, rec.State is not null, kind, _healthy[r], _unhealthy[r], _notApplicable[r], points, counts, _recMetricIds[r], _recInitiativeIds[r]);
        }

        var metrics = new MetricScore[_metrics.Length];
        for (var m = 0; m < metrics.Length; m++)
        {
            var top = TopAffected(m).Select(a => AssetId.From(_assetIds[a])).ToArray().AsReadOnly();
            metrics[m] = new MetricScore(_metrics[m], _metricWeights[m], _weights[m], _scope[m], _affected[m], _metricRecIds[m], _metricInitiativeIds[m], top);
        }

        return ReferenceRollup.Assemble(TenantId, AsOf, recommendations, metrics, _initiatives, _initiativeMetrics, _initiativeRecs);
    }

    /// <summary>
    /// Ranks the recommendations by the initiative-score gain remediating each one alone would bring, as
    /// <see cref="ExposureScorer.PlanRemediation"/> does (same candidates, gains and order, bit for bit), but
    /// without rescoring the tenant per candidate: only the candidate's metrics and initiatives are
    /// recomputed, in time proportional to its unhealthy results × its metrics' member counts.
    /// </summary>
    /// <returns>The plan; its baseline is <see cref="ToReport"/>.</returns>
    public RemediationPlan PlanRemediation()
    {
        var baseline = ToReport();
        var scores = (double?[])_scores.Clone();
        var achieved = (double[])_achieved.Clone();
        var all = Enumerable.Range(0, _recs.Length).ToArray();
        var secureBefore = baseline.SecureScore.Percentage;
        var steps = new List<RemediationStep>();
        for (var r = 0; r < _recs.Length; r++)
        {
            var rec = baseline.Recommendations[r];
            if (rec.Unhealthy == 0 || rec.IsRiskAccepted || rec.State == ComplianceState.MitigatedByOrganization)
            {
                continue;
            }

            // Remediated: every result healthy, explicit state dropped (a candidate is never mitigated).
            var assessed = _healthy[r] + _unhealthy[r];
            achieved[r] = ReferenceRollup.Points(_recs[r], ReferenceRollup.Derive(assessed, 0), assessed, 0, out _).AchievedPoints;
            for (var j = _recMetricStart[r]; j < _recMetricStart[r + 1]; j++)
            {
                var m = _recMetrics[j];
                long leaving = 0;
                if (_recStart[r + 1] > _recStart[r])
                {
                    for (var k = _recStart[r]; k < _recStart[r + 1]; k++)
                    {
                        if (_status[k] == (byte)AssessmentStatus.Unhealthy && !AffectedByOtherMembers(m, r, _assets[k]))
                        {
                            leaving++;
                        }
                    }
                }
                else
                {
                    leaving = _unhealthy[r];
                }

                scores[m] = MetricScore.Compute(_scope[m], _affected[m] - leaving, out _);
            }

            var gains = new InitiativeGain[rec.InitiativeIds.Count];
            for (var g = 0; g < gains.Length; g++)
            {
                var i = _initiativeIndex[rec.InitiativeIds[g]];
                var after = _initiatives[i].IsRecommendationOnly
                    ? ReferenceRollup.SumPoints(_initiativeRecs[i], achieved, _max).Percentage
                    : ReferenceRollup.WeightedScore(_initiativeMetrics[i], _weights, scores, out _);
                gains[g] = new InitiativeGain(rec.InitiativeIds[g], baseline.Initiatives[i].Score, after);
            }

            var secure = secureBefore is { } b && ReferenceRollup.SumPoints(all, achieved, _max).Percentage is { } a ? a - b : 0;
            steps.Add(new RemediationStep(rec, secure, gains));

            achieved[r] = _achieved[r];
            for (var j = _recMetricStart[r]; j < _recMetricStart[r + 1]; j++)
            {
                scores[_recMetrics[j]] = _scores[_recMetrics[j]];
            }
        }

        return new RemediationPlan(baseline, RemediationPlan.Rank(steps));
    }

    /// <summary>
    /// Changes one existing assessment's status and updates the recommendation's counts, state and points
    /// and the scope, affected count and score of every metric containing it, in time proportional to the
    /// asset's assessments and the metrics' member counts (about a microsecond), not to the dataset: the
    /// asset is found by hashing its id, its membership of each metric by merging the metric's members with
    /// the asset's own assessments.
    /// </summary>
    /// <param name="recommendationId">The recommendation.</param>
    /// <param name="assetId">The asset.</param>
    /// <param name="status">The new status.</param>
    /// <exception cref="ArgumentException">The dataset has no such recommendation, or no assessment of that asset against it (adding assessments needs a new dataset).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public void SetAssessmentStatus(RecommendationId recommendationId, AssetId assetId, AssessmentStatus status)
    {
        if (status is not (AssessmentStatus.Healthy or AssessmentStatus.Unhealthy or AssessmentStatus.NotApplicable))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined AssessmentStatus.");
        }

        var r = RecIndex(recommendationId);
        var a = AssetIndex(assetId.Value);
        var row = a < 0 ? -1 : AssetRow(a, r);
        if (row < 0)
        {
            throw new ArgumentException($"The dataset has no assessment of asset '{assetId}' against recommendation '{recommendationId}'; adding assessments needs a new dataset.", nameof(assetId));
        }

        var old = (AssessmentStatus)_rowStatus[row];
        if (old == status)
        {
            return;
        }

        _status[SegmentPosition(r, a)] = (byte)status;
        _rowStatus[row] = (byte)status;
        Count(r, old, -1);
        Count(r, status, +1);
        RescorePoints(r);
        if (!_recs[r].IsRiskAccepted)
        {
            for (var j = _recMetricStart[r]; j < _recMetricStart[r + 1]; j++)
            {
                UpdateMembership(_recMetrics[j], a);
            }
        }
    }

    /// <summary>
    /// Changes a recommendation's explicit state and risk acceptance, and updates its points and, when
    /// whether it counts as healthy (MitigatedByOrganization) or counts at all (risk accepted) changes,
    /// every metric containing it (in time proportional to its assessments).
    /// </summary>
    /// <param name="recommendationId">The recommendation.</param>
    /// <param name="state">The explicit state, or <see langword="null"/> to derive it.</param>
    /// <param name="isRiskAccepted">Whether the organization accepted the risk.</param>
    /// <exception cref="ArgumentException">The dataset has no such recommendation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not defined.</exception>
    public void SetRecommendationState(RecommendationId recommendationId, ComplianceState? state, bool isRiskAccepted)
    {
        var r = RecIndex(recommendationId);
        var old = _recs[r];
        _recs[r] = With(old, state, isRiskAccepted);
        RescorePoints(r);
        var wasMitigated = old.State == ComplianceState.MitigatedByOrganization;
        var isMitigated = state == ComplianceState.MitigatedByOrganization;
        if (wasMitigated == isMitigated && old.IsRiskAccepted == isRiskAccepted)
        {
            return;
        }

        for (var j = _recMetricStart[r]; j < _recMetricStart[r + 1]; j++)
        {
            var m = _recMetrics[j];
            var before = _countScope[m];
            var beforeAffected = _countAffected[m];
            RecomputeCountOnly(m);
            _scope[m] += _countScope[m] - before;
            _affected[m] += _countAffected[m] - beforeAffected;
            for (var k = _recStart[r]; k < _recStart[r + 1]; k++)
            {
                if (_status[k] != (byte)AssessmentStatus.NotApplicable)
                {
                    UpdateMembership(m, _assets[k]);
                }
            }

            _scores[m] = MetricScore.Compute(_scope[m], _affected[m], out _);
        }
    }

    /// <summary>Changes a metric's weight; the initiatives containing it are rescored when read.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="weight">The new weight.</param>
    /// <exception cref="ArgumentException">The dataset has no such metric.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not defined.</exception>
    public void SetMetricWeight(MetricId metricId, MetricWeight weight)
    {
        var m = MetricIndex(metricId);
        _weights[m] = _options.ValueOf(weight);
        _metricWeights[m] = weight;
    }

    /// <summary>Rolls the asset range [lo, hi) up into a partial result. The range's bits must be clear, or <paramref name="clear"/> set with a word-aligned range.</summary>
    internal MetricPartial RollUp(int lo, int hi, bool clear)
    {
        var metricCount = _metrics.Length;
        var partial = MetricPartial.Empty(metricCount);
        if (clear && hi > lo)
        {
            var w0 = lo >> 6;
            var w1 = (hi + 63) >> 6;
            for (var m = 0; m < metricCount; m++)
            {
                Array.Clear(_scopeBits, (m * _words) + w0, w1 - w0);
                Array.Clear(_affectedBits, (m * _words) + w0, w1 - w0);
            }
        }

        ref var scopeBits = ref MemoryMarshal.GetArrayDataReference(_scopeBits);
        ref var affectedBits = ref MemoryMarshal.GetArrayDataReference(_affectedBits);
        ref var assets = ref MemoryMarshal.GetArrayDataReference(_assets);
        ref var status = ref MemoryMarshal.GetArrayDataReference(_status);
        ref var recMetrics = ref MemoryMarshal.GetArrayDataReference(_recMetrics);
        var words = _words;
        for (var r = 0; r < _recs.Length; r++)
        {
            var m0 = _recMetricStart[r];
            var m1 = _recMetricStart[r + 1];
            var segStart = _recStart[r];
            var segEnd = _recStart[r + 1];
            if (m0 == m1 || segStart == segEnd || _recs[r].IsRiskAccepted)
            {
                continue;
            }

            var k0 = LowerBound(_assets, segStart, segEnd, lo);
            var k1 = LowerBound(_assets, k0, segEnd, hi);
            var notMitigated = _recs[r].State == ComplianceState.MitigatedByOrganization ? 0 : 1;

            // Branch-free: status 0 (not applicable) sets nothing, 1 (healthy) the scope bit, 2 (unhealthy) both
            // (the affected bit only when the recommendation is not mitigated). Counts come from popcounts below.
            if (m1 - m0 == 1)
            {
                var row = Unsafe.Add(ref recMetrics, m0) * words;
                ref var scopeRow = ref Unsafe.Add(ref scopeBits, row);
                ref var affectedRow = ref Unsafe.Add(ref affectedBits, row);
                for (var k = k0; k < k1; k++)
                {
                    int st = Unsafe.Add(ref status, k);
                    var asset = Unsafe.Add(ref assets, k);
                    var bit = 1UL << asset;
                    var word = asset >> 6;
                    Unsafe.Add(ref scopeRow, word) |= bit & (0UL - (ulong)((st | (st >> 1)) & 1));
                    Unsafe.Add(ref affectedRow, word) |= bit & (0UL - (ulong)((st >> 1) & notMitigated));
                }
            }
            else
            {
                for (var k = k0; k < k1; k++)
                {
                    int st = Unsafe.Add(ref status, k);
                    var asset = Unsafe.Add(ref assets, k);
                    var word = asset >> 6;
                    var scopeBit = (1UL << asset) & (0UL - (ulong)((st | (st >> 1)) & 1));
                    var affectedBit = (1UL << asset) & (0UL - (ulong)((st >> 1) & notMitigated));
                    for (var j = m0; j < m1; j++)
                    {
                        var index = (Unsafe.Add(ref recMetrics, j) * words) + word;
                        Unsafe.Add(ref scopeBits, index) |= scopeBit;
                        Unsafe.Add(ref affectedBits, index) |= affectedBit;
                    }
                }
            }
        }

        for (var m = 0; m < metricCount; m++)
        {
            partial.Scope[m] = PopCount(_scopeBits, m * words, lo, hi);
            partial.Affected[m] = PopCount(_affectedBits, m * words, lo, hi);
        }

        for (var m = 0; m < metricCount; m++)
        {
            partial.Top[m] = FirstSetBits(m, lo, hi);
        }

        return partial;
    }

    /// <summary>Applies a merged partial result: totals, scores, first affected assets.</summary>
    internal void Apply(MetricPartial total)
    {
        for (var m = 0; m < _metrics.Length; m++)
        {
            _scope[m] = total.Scope[m] + _countScope[m];
            _affected[m] = total.Affected[m] + _countAffected[m];
            _scores[m] = MetricScore.Compute(_scope[m], _affected[m], out _);
            _top[m] = total.Top[m];
            _topDirty[m] = false;
        }
    }

    /// <summary>Clears every metric bit (for rolling up arbitrary, unaligned partitions in tests).</summary>
    internal void ClearBits()
    {
        Array.Clear(_scopeBits);
        Array.Clear(_affectedBits);
        for (var m = 0; m < _metrics.Length; m++)
        {
            RecomputeCountOnly(m);
        }
    }

    private static (int[] Start, int[] Items) Csr(List<int>[] lists)
    {
        var start = new int[lists.Length + 1];
        for (var i = 0; i < lists.Length; i++)
        {
            start[i + 1] = start[i] + lists[i].Count;
        }

        var items = new int[start[^1]];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i].CopyTo(items, start[i]);
        }

        return (start, items);
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

    /// <summary>An open-addressing table (linear probing, at most half full) of asset index + 1 by the id's hash; 0 is empty.</summary>
    private static int[] AssetTable(string[] assetIds)
    {
        var size = (int)Math.Max(16, BitOperations.RoundUpToPowerOf2((uint)assetIds.Length * 2));
        var table = new int[size];
        var mask = size - 1;
        for (var a = 0; a < assetIds.Length; a++)
        {
            var slot = assetIds[a].GetHashCode() & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = a + 1;
        }

        return table;
    }

    /// <summary>The index of an asset id, or -1. The table is at most half full, so a probe sequence ends at an empty slot.</summary>
    private int AssetIndex(string? id)
    {
        if (id is null)
        {
            return -1;
        }

        var table = _assetTable;
        var mask = table.Length - 1;
        var slot = id.GetHashCode() & mask;
        for (var probes = 0; probes < table.Length; probes++)
        {
            var entry = table[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (string.Equals(_assetIds[entry - 1], id, StringComparison.Ordinal))
            {
                return entry - 1;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    private int RowRec(int row) => _rowRec16 is { } rec16 ? rec16[row] : _rowRec32![row];

    /// <summary>The asset's row for recommendation <paramref name="r"/>, or -1 (a scan of the asset's few rows).</summary>
    private int AssetRow(int a, int r)
    {
        for (var row = _assetRowStart[a]; row < _assetRowStart[a + 1]; row++)
        {
            var rec = RowRec(row);
            if (rec >= r)
            {
                return rec == r ? row : -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The position of asset <paramref name="a"/> in recommendation <paramref name="r"/>'s segment, which holds it:
    /// a few interpolation steps (asset indices spread evenly over a segment land next to the guess), then a
    /// binary search of what is left.
    /// </summary>
    private int SegmentPosition(int r, int a)
    {
        int lo = _recStart[r], hi = _recStart[r + 1] - 1;
        for (var step = 0; step < 3 && lo < hi; step++)
        {
            int first = _assets[lo], last = _assets[hi];
            var guess = lo + (int)((long)(a - first) * (hi - lo) / Math.Max(1, last - first));
            guess = Math.Clamp(guess, lo, hi);
            var value = _assets[guess];
            if (value == a)
            {
                return guess;
            }

            if (value < a)
            {
                lo = guess + 1;
            }
            else
            {
                hi = guess - 1;
            }
        }

        var k = Array.BinarySearch(_assets, lo, hi - lo + 1, a);
        return k >= 0 ? k : throw new InvalidOperationException($"The dataset's per-asset rows and recommendation segments disagree for asset '{_assetIds[a]}' (internal error).");
    }

    private static int LowerBound(int[] values, int from, int to, int value)
    {
        while (from < to)
        {
            var mid = (int)(((uint)from + (uint)to) >> 1);
            if (values[mid] < value)
            {
                from = mid + 1;
            }
            else
            {
                to = mid;
            }
        }

        return from;
    }

    private static Recommendation With(Recommendation r, ComplianceState? state, bool riskAccepted) =>
        new(r.Id, r.Name, r.Source, r.Workload, r.Domain, r.Impact, r.Description, r.RemediationSteps, r.ManageUrl, r.MaxPoints, state, riskAccepted, r.LastCalculated, r.LastStateChange, r.Threats, r.Tags, r.Counts);

    private int RecIndex(RecommendationId id) =>
        _recIndex.TryGetValue(id, out var r) ? r : throw new ArgumentException($"The dataset has no recommendation '{id}'.", nameof(id));

    private int MetricIndex(MetricId id) =>
        _metricIndex.TryGetValue(id, out var m) ? m : throw new ArgumentException($"The dataset has no metric '{id}'.", nameof(id));

    private void Count(int r, AssessmentStatus status, int delta)
    {
        switch (status)
        {
            case AssessmentStatus.Healthy: _healthy[r] += delta; break;
            case AssessmentStatus.Unhealthy: _unhealthy[r] += delta; break;
            default: _notApplicable[r] += delta; break;
        }
    }

    private void RescorePoints(int r)
    {
        var rec = _recs[r];
        var state = rec.State ?? ReferenceRollup.Derive(_healthy[r], _unhealthy[r]);
        var points = ReferenceRollup.Points(rec, state, _healthy[r], _unhealthy[r], out _);
        _achieved[r] = points.AchievedPoints;
        _max[r] = points.MaxPoints;
    }

    private void RecomputeCountOnly(int m)
    {
        long scope = 0, affected = 0;
        for (var j = _memberStart[m]; j < _memberStart[m + 1]; j++)
        {
            var r = _members[j];
            if (_recs[r].IsRiskAccepted || _recStart[r + 1] > _recStart[r] || _recs[r].Counts is not { } c)
            {
                continue;
            }

            scope += c.Total;
            affected += _recs[r].State == ComplianceState.MitigatedByOrganization ? 0 : c.Affected;
        }

        _countScope[m] = scope;
        _countAffected[m] = affected;
    }

    /// <summary>Whether asset <paramref name="a"/> is affected in metric <paramref name="m"/> through a member other than <paramref name="r"/>.</summary>
    private bool AffectedByOtherMembers(int m, int r, int a)
    {
        for (var j = _memberStart[m]; j < _memberStart[m + 1]; j++)
        {
            var k = _members[j];
            if (k == r || _recs[k].IsRiskAccepted || _recs[k].State == ComplianceState.MitigatedByOrganization)
            {
                continue;
            }

            var index = Array.BinarySearch(_assets, _recStart[k], _recStart[k + 1] - _recStart[k], a);
            if (index >= 0 && _status[index] == (byte)AssessmentStatus.Unhealthy)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Re-derives whether asset <paramref name="a"/> is in scope of / affected in metric <paramref name="m"/> and fixes bits, counts and score.</summary>
    private void UpdateMembership(int m, int a)
    {
        // Merge join: the metric's members and the asset's rows are both in recommendation order.
        bool inScope = false, isAffected = false;
        var row = _assetRowStart[a];
        var rowEnd = _assetRowStart[a + 1];
        for (var j = _memberStart[m]; j < _memberStart[m + 1] && !isAffected && row < rowEnd; j++)
        {
            var r = _members[j];
            while (row < rowEnd && RowRec(row) < r)
            {
                row++;
            }

            if (row == rowEnd || RowRec(row) != r || _recs[r].IsRiskAccepted)
            {
                continue;
            }

            var st = _rowStatus[row];
            if (st == (byte)AssessmentStatus.NotApplicable)
            {
                continue;
            }

            inScope = true;
            isAffected = st == (byte)AssessmentStatus.Unhealthy && _recs[r].State != ComplianceState.MitigatedByOrganization;
        }

        var index = (m * _words) + (a >> 6);
        var bit = 1UL << a;
        var wasInScope = (_scopeBits[index] & bit) != 0;
        var wasAffected = (_affectedBits[index] & bit) != 0;
        if (wasInScope != inScope)
        {
            _scopeBits[index] ^= bit;
            _scope[m] += inScope ? 1 : -1;
        }

        if (wasAffected != isAffected)
        {
            _affectedBits[index] ^= bit;
            _affected[m] += isAffected ? 1 : -1;
            var top = _top[m];
            if (top.Length < MetricScore.TopAffectedLimit || a <= top[^1])
            {
                _topDirty[m] = true;
            }
        }

        _scores[m] = MetricScore.Compute(_scope[m], _affected[m], out _);
    }

    /// <summary>The first affected assets: kept from the last rollup, or found again (without storing, so reads never write) after an update touched them.</summary>
    private int[] TopAffected(int m) => _topDirty[m] ? FirstSetBits(m, 0, _assetIds.Length) : _top[m];

    /// <summary>The set bits of one metric row within the asset range [lo, hi).</summary>
    private static long PopCount(ulong[] bits, int row, int lo, int hi)
    {
        if (hi <= lo)
        {
            return 0;
        }

        var w0 = lo >> 6;
        var w1 = (hi - 1) >> 6;
        var firstMask = ulong.MaxValue << (lo & 63);
        var lastMask = ulong.MaxValue >> (63 - ((hi - 1) & 63));
        if (w0 == w1)
        {
            return BitOperations.PopCount(bits[row + w0] & firstMask & lastMask);
        }

        long count = BitOperations.PopCount(bits[row + w0] & firstMask);
        for (var w = w0 + 1; w < w1; w++)
        {
            count += BitOperations.PopCount(bits[row + w]);
        }

        return count + BitOperations.PopCount(bits[row + w1] & lastMask);
    }

    private int[] FirstSetBits(int m, int lo, int hi)
    {
        var result = new List<int>();
        var baseIndex = m * _words;
        for (var word = lo >> 6; word < (hi + 63) >> 6 && result.Count < MetricScore.TopAffectedLimit; word++)
        {
            var bits = _affectedBits[baseIndex + word];
            while (bits != 0 && result.Count < MetricScore.TopAffectedLimit)
            {
                var a = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (a >= lo && a < hi)
                {
                    result.Add(a);
                }
            }
        }

        return [.. result];
    }
}

/// <summary>
/// A partial metric rollup over a set of assets: exact integer counts of assets in scope and affected
/// per metric, and the first affected asset indices. <see cref="Empty"/> is the identity of
/// <see cref="Merge"/>, which is associative and commutative for partials over disjoint asset sets.
/// </summary>
internal sealed class MetricPartial
{
    private MetricPartial(long[] scope, long[] affected, int[][] top)
    {
        Scope = scope;
        Affected = affected;
        Top = top;
    }

    public long[] Scope { get; }

    public long[] Affected { get; }

    public int[][] Top { get; }

    public static MetricPartial Empty(int metricCount)
    {
        var top = new int[metricCount][];
        Array.Fill(top, []);
        return new MetricPartial(new long[metricCount], new long[metricCount], top);
    }

    public static MetricPartial Merge(MetricPartial a, MetricPartial b)
    {
        var n = a.Scope.Length;
        var scope = new long[n];
        var affected = new long[n];
        var top = new int[n][];
        for (var m = 0; m < n; m++)
        {
            scope[m] = a.Scope[m] + b.Scope[m];
            affected[m] = a.Affected[m] + b.Affected[m];
            top[m] = MergeTop(a.Top[m], b.Top[m]);
        }

        return new MetricPartial(scope, affected, top);
    }

    private static int[] MergeTop(int[] x, int[] y)
    {
        if (y.Length == 0)
        {
            return x;
        }

        if (x.Length == 0)
        {
            return y;
        }

        var result = new List<int>(Math.Min(MetricScore.TopAffectedLimit, x.Length + y.Length));
        int i = 0, j = 0;
        while (result.Count < MetricScore.TopAffectedLimit && (i < x.Length || j < y.Length))
        {
            if (j >= y.Length || (i < x.Length && x[i] < y[j]))
            {
                result.Add(x[i++]);
            }
            else if (i >= x.Length || y[j] < x[i])
            {
                result.Add(y[j++]);
            }
            else
            {
                result.Add(x[i]);
                i++;
                j++;
            }
        }

        return [.. result];
    }
}
