namespace ExposureSdk.Benchmarks.Dataset;

/// <summary>
/// SplitMix64: a tiny, fast generator whose sequence for a seed is fixed forever (unlike
/// <see cref="Random"/>, whose algorithm may change between .NET versions), so a dataset is the same
/// on every machine and runtime.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>
    /// The seed of stream <paramref name="index"/> of <paramref name="seed"/>: the generator's output at that position,
    /// computed directly, so stream i never needs streams 0 to i − 1 (and two streams do not overlap in practice).
    /// </summary>
    public static ulong At(ulong seed, long index)
    {
        var z = seed + (((ulong)index + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, bound).</summary>
    public int NextInt(int bound) => (int)((Next() >> 33) * (ulong)bound >> 31);

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
