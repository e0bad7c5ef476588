using System.Numerics;
using System.Runtime.InteropServices;

namespace ExposureSdk.Benchmarks.Dataset;

/// <summary>
/// The physical-limit row: one sequential, vectorised pass over the same assessment columns every
/// engine reads (rec int32, asset int32, status byte: 9 bytes per assessment), only summing them. No
/// rollup can read its input faster on one core; the ratio to it says how close an engine is to
/// the memory bandwidth.
/// </summary>
public static class SequentialScan
{
    /// <summary>Bytes read per assessment: rec (4) + asset (4) + status (1).</summary>
    public const int BytesPerAssessment = 9;

    /// <summary>Reads every byte of the three assessment columns once and returns their 64-bit word sum (a checksum that keeps the pass from being optimised away).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <returns>The checksum.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataset"/> is null.</exception>
    public static ulong Sum(RollupDataset dataset) =>
        Sum(MemoryMarshal.AsBytes((dataset ?? throw new ArgumentNullException(nameof(dataset))).AssessmentRecommendation.AsSpan()))
        + Sum(MemoryMarshal.AsBytes(dataset.AssessmentAsset.AsSpan()))
        + Sum(dataset.AssessmentStatus);

    private static ulong Sum(ReadOnlySpan<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        var vectors = MemoryMarshal.Cast<ulong, Vector<ulong>>(words);
        var acc0 = Vector<ulong>.Zero;
        var acc1 = Vector<ulong>.Zero;
        var i = 0;
        for (; i + 1 < vectors.Length; i += 2)
        {
            acc0 += vectors[i];
            acc1 += vectors[i + 1];
        }

        for (; i < vectors.Length; i++)
        {
            acc0 += vectors[i];
        }

        var total = Vector.Sum(acc0 + acc1);
        for (var j = vectors.Length * Vector<ulong>.Count; j < words.Length; j++)
        {
            total += words[j];
        }

        for (var j = words.Length * sizeof(ulong); j < bytes.Length; j++)
        {
            total += bytes[j];
        }

        return total;
    }
}
