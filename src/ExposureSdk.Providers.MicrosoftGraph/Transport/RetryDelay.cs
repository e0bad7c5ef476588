using System.Globalization;

namespace ExposureSdk.Providers.MicrosoftGraph.Transport;

/// <summary>How long to wait before retrying a throttled or transiently failed Graph request (domain rules §5).</summary>
internal static class RetryDelay
{
    /// <summary>
    /// Reads <c>Retry-After</c>: a whole number of seconds (<c>Retry-After: 5</c>) or an HTTP date
    /// (<c>Retry-After: Wed, 21 Oct 2026 07:28:00 GMT</c>, waited until, never negative). Returns
    /// <see langword="null"/> when the header is absent or unreadable.
    /// </summary>
    public static TimeSpan? FromRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds > TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// The exponential backoff for the <paramref name="retry"/>-th retry (1-based):
    /// <c>baseDelay × 2^(retry−1)</c>, capped at <paramref name="maxDelay"/>.
    /// </summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var factor = Math.Pow(2, Math.Min(retry - 1, 30));
        var ticks = baseDelay.Ticks * factor;
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
