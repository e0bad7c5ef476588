using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ExposureSdk.Scoring;

/// <summary>The rollup: every metric rolled up from the assessments, in parallel over ranges of assets whose partial results merge (<see cref="MetricPartial"/>).</summary>
public sealed partial class ExposureDataset
{
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
        for (var m = 0; m < _topology.Metrics.Length; m++)
        {
            RecomputeCountOnly(m);
        }

        // Ranges aligned to 64 assets (one bitset word) so that ranges never share a word.
        var wordsPerRange = Math.Max(64, (_bits.Words + (threads * 16) - 1) / (threads * 16));
        var ranges = Math.Max(1, (_bits.Words + wordsPerRange - 1) / wordsPerRange);
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

        var total = MetricPartial.Empty(_topology.Metrics.Length);
        foreach (var partial in partials)
        {
            total = MetricPartial.Merge(total, partial);
        }

        Apply(total);
    }

    /// <summary>Rolls the asset range [lo, hi) up into a partial result. The range's bits must be clear, or <paramref name="clear"/> set with a word-aligned range.</summary>
    internal MetricPartial RollUp(int lo, int hi, bool clear)
    {
        var metricCount = _topology.Metrics.Length;
        var partial = MetricPartial.Empty(metricCount);
        if (clear && hi > lo)
        {
            var w0 = lo >> 6;
            var w1 = (hi + 63) >> 6;
            _bits.ClearWords(w0, w1);
        }

        ref var scopeBits = ref MemoryMarshal.GetArrayDataReference(_bits.Scope);
        ref var affectedBits = ref MemoryMarshal.GetArrayDataReference(_bits.Affected);
        ref var assets = ref MemoryMarshal.GetArrayDataReference(_assets);
        ref var status = ref MemoryMarshal.GetArrayDataReference(_status);
        ref var recMetrics = ref MemoryMarshal.GetArrayDataReference(_recMetrics);
        var words = _bits.Words;
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
            partial.Scope[m] = _bits.CountScope(m, lo, hi);
            partial.Affected[m] = _bits.CountAffected(m, lo, hi);
        }

        for (var m = 0; m < metricCount; m++)
        {
            partial.Top[m] = _bits.FirstAffected(m, lo, hi);
        }

        return partial;
    }

    /// <summary>Applies a merged partial result: totals, scores, first affected assets.</summary>
    internal void Apply(MetricPartial total)
    {
        for (var m = 0; m < _topology.Metrics.Length; m++)
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
        _bits.ClearAll();
        for (var m = 0; m < _topology.Metrics.Length; m++)
        {
            RecomputeCountOnly(m);
        }
    }

    private void RecomputeCountOnly(int m)
    {
        long scope = 0, affected = 0;
        var members = 0;
        for (var j = _memberStart[m]; j < _memberStart[m + 1]; j++)
        {
            var r = _members[j];

            // A plain nullable rather than a pattern variable in the condition: a mutation tool can then flip the
            // condition's operators and still compile (see docs/quality.md, Mutation testing).
            var counts = _recs[r].IsRiskAccepted || _recStart[r + 1] > _recStart[r] ? null : _recs[r].Counts;
            if (counts is null)
            {
                continue;
            }

            var c = counts.Value;
            scope += c.Total;
            affected += _recs[r].State == ComplianceState.MitigatedByOrganization ? 0 : c.Affected;
            members += c.Total > 0 ? 1 : 0;
        }

        _countScope[m] = scope;
        _countMembers[m] = members;
        _countAffected[m] = affected;
    }

    /// <summary>The first affected assets: kept from the last rollup, or found again (without storing, so reads never write) after an update touched them.</summary>
    private int[] TopAffected(int m) => _topDirty[m] ? _bits.FirstAffected(m, 0, _assetIds.Length) : _top[m];

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
}
