using System.Globalization;

namespace ExposureSdk.Samples.Common;

/// <summary>Formatting shared by the table, markdown and HTML outputs: scores with two decimals (domain rules §3), signed movements, sparklines.</summary>
public static class Display
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>The mark beside an approximate score (rules §3), explained by <see cref="ApproximateFootnote"/>.</summary>
    public const string ApproximateMark = "≈";

    /// <summary>The footnote under a table that shows <see cref="ApproximateMark"/>.</summary>
    public const string ApproximateFootnote = "≈ approximate: the score sums result counts that can count one asset more than once (several count-only recommendations, or counts mixed with per-asset results).";

    /// <summary>A score with the approximate mark when <paramref name="approximate"/>.</summary>
    public static string Score(double? score, bool approximate) => approximate && score is not null ? Score(score) + " " + ApproximateMark : Score(score);

    /// <summary>A score with two decimals, or "n/a" when absent.</summary>
    public static string Score(double? score) => score is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A signed change with two decimals ("+1.25", "-2.49", "0.00"), or empty when unknown.</summary>
    public static string Movement(double? change) => change switch
    {
        null => string.Empty,
        > 0.005 => "+" + change.Value.ToString("0.00", CultureInfo.InvariantCulture),
        < -0.005 => change.Value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => "0.00",
    };

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A sparkline of the scores, one bar per point, scaled between the series' minimum and maximum (a flat series is drawn at mid height).</summary>
    public static string Sparkline(IEnumerable<double> scores)
    {
        var values = scores.ToArray();
        if (values.Length == 0)
        {
            return string.Empty;
        }

        var min = values.Min();
        var range = values.Max() - min;
        return string.Concat(values.Select(v => Bars[range < 1e-9 ? 3 : (int)Math.Round((v - min) / range * (Bars.Length - 1))]));
    }

    /// <summary>A date and time in ISO 8601 UTC without seconds fractions.</summary>
    public static string Instant(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
