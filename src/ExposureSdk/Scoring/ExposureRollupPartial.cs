using System.Text;

namespace ExposureSdk.Scoring;

/// <summary>
/// The mergeable partial result of the engine's rollup over some of a tenant's assets, for a rollup split
/// across processes (a partitioned tenant in a cluster): per metric, the exact number of assets in scope and
/// affected through per-asset results, and the first affected asset ids (at most
/// <see cref="MetricScore.TopAffectedLimit"/>, in ordinal order); per recommendation, its healthy, unhealthy
/// and not-applicable per-asset results.
/// </summary>
/// <remarks>
/// <para><b>Use.</b> Give every process (a partition) an <see cref="ExposureDataset"/> with the same definitions
/// (recommendations, metrics, initiatives, weights) and a disjoint share of the assets with all their
/// assessments; take each one's <see cref="ExposureDataset.ToPartial"/>, <see cref="Merge"/> them in any order and
/// grouping, and finish with <see cref="ExposureDataset.ToReport(ExposureRollupPartial)"/> on a dataset with the
/// same definitions (a coordinator's, possibly without assessments). The report equals
/// <see cref="ExposureScorer.Score"/> over the union bit for bit: every count is an exact integer sum, and every
/// score is computed once, from the merged counts, in the engine's order.</para>
/// <para><b>Definitions must match.</b> A partial carries a fingerprint of the definitions it was computed over
/// (recommendation ids, metric ids and members); merging or finishing partials of other definitions throws.</para>
/// <para><b>Transport.</b> <see cref="ToBytes"/> and <see cref="FromBytes"/> give a compact, versioned binary
/// form (7-bit encoded counts, UTF-8 ids), independent of any serializer. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ExposureRollupPartial
{
    private const uint Magic = 0x50525845; // "EXRP"
    private const byte FormatVersion = 1;
    private const int MaxCount = 100_000_000;

    private readonly long[] _scope;
    private readonly long[] _affected;
    private readonly string[][] _top;
    private readonly long[] _healthy;
    private readonly long[] _unhealthy;
    private readonly long[] _notApplicable;

    internal ExposureRollupPartial(ulong layout, long assetCount, long[] scope, long[] affected, string[][] top, long[] healthy, long[] unhealthy, long[] notApplicable)
    {
        Layout = layout;
        AssetCount = assetCount;
        _scope = scope;
        _affected = affected;
        _top = top;
        _healthy = healthy;
        _unhealthy = unhealthy;
        _notApplicable = notApplicable;
    }

    /// <summary>The number of assets the partial covers.</summary>
    public long AssetCount { get; }

    /// <summary>The number of metrics of its definitions.</summary>
    public int MetricCount => _scope.Length;

    /// <summary>The number of recommendations of its definitions.</summary>
    public int RecommendationCount => _healthy.Length;

    internal ulong Layout { get; }

    internal long[] Scope => _scope;

    internal long[] Affected => _affected;

    internal string[][] Top => _top;

    internal long[] Healthy => _healthy;

    internal long[] Unhealthy => _unhealthy;

    internal long[] NotApplicable => _notApplicable;

    /// <summary>
    /// Merges two partials over disjoint sets of assets: counts add up, the first affected asset ids are
    /// merged in ordinal order. Associative and commutative.
    /// </summary>
    /// <param name="first">A partial.</param>
    /// <param name="second">Another partial of the same definitions.</param>
    /// <returns>The merged partial.</returns>
    /// <exception cref="ArgumentNullException">A partial is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The partials were computed over different definitions.</exception>
    public static ExposureRollupPartial Merge(ExposureRollupPartial first, ExposureRollupPartial second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Layout != second.Layout || first.MetricCount != second.MetricCount || first.RecommendationCount != second.RecommendationCount)
        {
            throw new ArgumentException("The partials were computed over different definitions (recommendations, metrics or their members differ).", nameof(second));
        }

        var m = first.MetricCount;
        var scope = new long[m];
        var affected = new long[m];
        var top = new string[m][];
        for (var i = 0; i < m; i++)
        {
            scope[i] = first._scope[i] + second._scope[i];
            affected[i] = first._affected[i] + second._affected[i];
            top[i] = MergeTop(first._top[i], second._top[i]);
        }

        var r = first.RecommendationCount;
        var healthy = new long[r];
        var unhealthy = new long[r];
        var notApplicable = new long[r];
        for (var i = 0; i < r; i++)
        {
            healthy[i] = first._healthy[i] + second._healthy[i];
            unhealthy[i] = first._unhealthy[i] + second._unhealthy[i];
            notApplicable[i] = first._notApplicable[i] + second._notApplicable[i];
        }

        return new ExposureRollupPartial(first.Layout, first.AssetCount + second.AssetCount, scope, affected, top, healthy, unhealthy, notApplicable);
    }

    /// <summary>The partial's binary form (format version 1): what a partition sends its coordinator.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Layout);
            writer.Write7BitEncodedInt64(AssetCount);
            writer.Write7BitEncodedInt(MetricCount);
            writer.Write7BitEncodedInt(RecommendationCount);
            for (var m = 0; m < MetricCount; m++)
            {
                writer.Write7BitEncodedInt64(_scope[m]);
                writer.Write7BitEncodedInt64(_affected[m]);
                writer.Write7BitEncodedInt(_top[m].Length);
                foreach (var id in _top[m])
                {
                    writer.Write(id);
                }
            }

            for (var r = 0; r < RecommendationCount; r++)
            {
                writer.Write7BitEncodedInt64(_healthy[r]);
                writer.Write7BitEncodedInt64(_unhealthy[r]);
                writer.Write7BitEncodedInt64(_notApplicable[r]);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads a partial from its binary form, checking it.</summary>
    /// <param name="bytes">The bytes written by <see cref="ToBytes"/>.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentException">The bytes are not a partial of this format version, are cut short, have trailing bytes, or hold an impossible value (a negative count, more affected than in scope, more than 100 or unordered asset ids); the message says which.</exception>
    public static ExposureRollupPartial FromBytes(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadUInt32() != Magic)
            {
                throw new FormatException("it does not start with the partial's magic number");
            }

            var version = reader.ReadByte();
            if (version != FormatVersion)
            {
                throw new FormatException($"format version {version} is not supported (this SDK reads version {FormatVersion})");
            }

            var layout = reader.ReadUInt64();
            var assets = NonNegative(reader.Read7BitEncodedInt64(), "the asset count");
            var metricCount = (int)Count(reader.Read7BitEncodedInt(), "the metric count");
            var recCount = (int)Count(reader.Read7BitEncodedInt(), "the recommendation count");
            var scope = new long[metricCount];
            var affected = new long[metricCount];
            var top = new string[metricCount][];
            for (var m = 0; m < metricCount; m++)
            {
                scope[m] = NonNegative(reader.Read7BitEncodedInt64(), $"metric {m}'s scope");
                affected[m] = NonNegative(reader.Read7BitEncodedInt64(), $"metric {m}'s affected count");
                if (affected[m] > scope[m])
                {
                    throw new FormatException($"metric {m} has more affected assets ({affected[m]}) than in scope ({scope[m]})");
                }

                var n = reader.Read7BitEncodedInt();
                if (n < 0 || n > MetricScore.TopAffectedLimit || n > affected[m])
                {
                    throw new FormatException($"metric {m} lists {n} affected asset ids (at most {MetricScore.TopAffectedLimit}, and no more than its affected count)");
                }

                top[m] = new string[n];
                for (var k = 0; k < n; k++)
                {
                    top[m][k] = new AssetId(reader.ReadString()).Value;
                    if (k > 0 && string.CompareOrdinal(top[m][k - 1], top[m][k]) >= 0)
                    {
                        throw new FormatException($"metric {m}'s affected asset ids are not in ascending ordinal order");
                    }
                }
            }

            var healthy = new long[recCount];
            var unhealthy = new long[recCount];
            var notApplicable = new long[recCount];
            for (var r = 0; r < recCount; r++)
            {
                healthy[r] = NonNegative(reader.Read7BitEncodedInt64(), $"recommendation {r}'s healthy count");
                unhealthy[r] = NonNegative(reader.Read7BitEncodedInt64(), $"recommendation {r}'s unhealthy count");
                notApplicable[r] = NonNegative(reader.Read7BitEncodedInt64(), $"recommendation {r}'s not-applicable count");
            }

            if (stream.Position != stream.Length)
            {
                throw new FormatException($"{stream.Length - stream.Position} byte(s) follow the partial");
            }

            return new ExposureRollupPartial(layout, assets, scope, affected, top, healthy, unhealthy, notApplicable);
        }
        catch (Exception ex) when (ex is FormatException or EndOfStreamException or ArgumentException or IOException)
        {
            throw new ArgumentException($"Not a valid rollup partial: {ex.Message}.", nameof(bytes), ex);
        }
    }

    private static long NonNegative(long value, string what) => value >= 0 ? value : throw new FormatException($"{what} is negative");

    private static long Count(int value, string what) => value is >= 0 and <= MaxCount ? value : throw new FormatException($"{what} ({value}) is out of range");

    private static string[] MergeTop(string[] x, string[] y)
    {
        if (y.Length == 0)
        {
            return x;
        }

        if (x.Length == 0)
        {
            return y;
        }

        var result = new List<string>(Math.Min(MetricScore.TopAffectedLimit, x.Length + y.Length));
        int i = 0, j = 0;
        while (result.Count < MetricScore.TopAffectedLimit && (i < x.Length || j < y.Length))
        {
            var c = i >= x.Length ? 1 : j >= y.Length ? -1 : string.CompareOrdinal(x[i], y[j]);
            if (c < 0)
            {
                result.Add(x[i++]);
            }
            else if (c > 0)
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
