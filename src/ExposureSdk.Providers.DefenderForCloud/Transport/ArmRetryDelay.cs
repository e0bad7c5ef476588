using System.Globalization;

namespace ExposureSdk.Providers.DefenderForCloud.Transport;

/// <summary>How long to wait before retrying a throttled or failed ARM request, and before the next Resource Graph query (domain rules §6).</summary>
internal static class ArmRetryDelay
{
    /// <summary>
    /// Reads <c>Retry-After</c>: whole seconds (<c>Retry-After: 5</c>) or an HTTP date (waited until, never
    /// negative). <see langword="null"/> when absent or unreadable.
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

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// Reads Resource Graph's <c>x-ms-user-quota-resets-after</c> (<c>hh:mm:ss</c>). <see langword="null"/> when
    /// absent or unreadable.
    /// </summary>
    public static TimeSpan? FromQuotaReset(string? value)
        => !string.IsNullOrWhiteSpace(value)
            && TimeSpan.TryParseExact(value.Trim(), @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var reset)
            && reset >= TimeSpan.Zero
                ? reset
                : null;

    /// <summary>The exponential backoff for the <paramref name="retry"/>-th retry (1-based), capped at <paramref name="maxDelay"/>.</summary>
    public static TimeSpan Backoff(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ticks = baseDelay.Ticks * Math.Pow(2, Math.Min(retry - 1, 30));
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
