using System.Numerics;

namespace ExposureSdk.Scoring;

/// <summary>
/// Two bitsets over the assets per metric: the assets in the metric's scope and the affected ones. Each
/// metric has a row of <see cref="Words"/> 64-bit words (bit <c>a</c> of the row is asset <c>a</c>), and the
/// rows are stored metric after metric, so a range of assets aligned to 64 is a range of words in every row.
/// </summary>
/// <remarks>The rollup's inner loop writes <see cref="Scope"/> and <see cref="Affected"/> directly; everything else goes through the methods.</remarks>
internal sealed class MetricBitsets
{
    /// <summary>Creates cleared bitsets for <paramref name="metricCount"/> metrics over <paramref name="assetCount"/> assets.</summary>
    public MetricBitsets(int metricCount, int assetCount)
    {
        MetricCount = metricCount;
        Words = (assetCount + 63) >> 6;
        Scope = new ulong[(long)metricCount * Words];
        Affected = new ulong[(long)metricCount * Words];
    }

    public int MetricCount { get; }

    /// <summary>Words per metric row.</summary>
    public int Words { get; }

    /// <summary>The in-scope bits, row after row.</summary>
    public ulong[] Scope { get; }

    /// <summary>The affected bits, row after row.</summary>
    public ulong[] Affected { get; }

    /// <summary>The bytes of both bitsets.</summary>
    public long Bytes => (Scope.LongLength + Affected.LongLength) * sizeof(ulong);

    /// <summary>Where asset <paramref name="a"/>'s word of metric <paramref name="m"/>'s row is.</summary>
    public int WordIndex(int m, int a) => (m * Words) + (a >> 6);

    /// <summary>Clears every bit.</summary>
    public void ClearAll()
    {
        Array.Clear(Scope);
        Array.Clear(Affected);
    }

    /// <summary>Clears the words [<paramref name="w0"/>, <paramref name="w1"/>) of every metric's row.</summary>
    public void ClearWords(int w0, int w1)
    {
        for (var m = 0; m < MetricCount; m++)
        {
            Array.Clear(Scope, (m * Words) + w0, w1 - w0);
            Array.Clear(Affected, (m * Words) + w0, w1 - w0);
        }
    }

    /// <summary>The assets in metric <paramref name="m"/>'s scope within the asset range [lo, hi).</summary>
    public long CountScope(int m, int lo, int hi) => PopCount(Scope, m * Words, lo, hi);

    /// <summary>The affected assets of metric <paramref name="m"/> within the asset range [lo, hi).</summary>
    public long CountAffected(int m, int lo, int hi) => PopCount(Affected, m * Words, lo, hi);

    /// <summary>The first <see cref="MetricScore.TopAffectedLimit"/> affected assets of metric <paramref name="m"/> within [lo, hi), ascending.</summary>
    public int[] FirstAffected(int m, int lo, int hi)
    {
        var result = new List<int>();
        var baseIndex = m * Words;
        for (var word = lo >> 6; word < (hi + 63) >> 6 && result.Count < MetricScore.TopAffectedLimit; word++)
        {
            var bits = Affected[baseIndex + word];
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
}
