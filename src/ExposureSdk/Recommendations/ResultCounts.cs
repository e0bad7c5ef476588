namespace ExposureSdk;

/// <summary>
/// A count-only result for a recommendation: how many of the assessed assets are affected, for
/// sources that report counts rather than per-asset results (for example a Secure Score control's
/// <c>count</c> of <c>total</c>).
/// </summary>
public readonly record struct ResultCounts
{
    /// <summary>Creates a count-only result.</summary>
    /// <param name="affected">The number of assessed assets that are unhealthy (0 or more, at most <paramref name="total"/>).</param>
    /// <param name="total">The number of assets assessed (0 or more).</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="affected"/> exceeds <paramref name="total"/>.</exception>
    public ResultCounts(long affected, long total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegative(affected);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(affected, total);
        Affected = affected;
        Total = total;
    }

    /// <summary>The number of assessed assets that are unhealthy.</summary>
    public long Affected { get; }

    /// <summary>The number of assets assessed.</summary>
    public long Total { get; }

    /// <summary>The number of assessed assets that are healthy: <see cref="Total"/> − <see cref="Affected"/>.</summary>
    public long Healthy => Total - Affected;
}
