using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace ExposureSdk.Samples.Web.Charts;

/// <summary>One point of a score chart: a day, its score (0 to 100), and an optional note (why it changed).</summary>
/// <param name="Date">The day.</param>
/// <param name="Score">The score that day.</param>
/// <param name="Note">Why the score changed that day (shown as a marked point, in its tooltip and in the table), or null.</param>
public sealed record ChartPoint(DateOnly Date, double Score, string? Note = null);

/// <summary>What to draw.</summary>
/// <param name="Id">A prefix for the element ids, unique on the page (letters, digits and dashes).</param>
/// <param name="Title">The chart's title (its accessible name).</param>
/// <param name="Description">One sentence that says what the chart shows (its accessible description).</param>
/// <param name="Points">The points, oldest first.</param>
/// <param name="Target">A target score drawn as a dashed line, or null.</param>
/// <param name="Compact">A small trend chart (no axes, the range fitted to the values) instead of a full chart on a 0–100 scale.</param>
public sealed record ChartSpec(string Id, string Title, string Description, IReadOnlyList<ChartPoint> Points, double? Target = null, bool Compact = false);

/// <summary>
/// Score charts drawn on the server as SVG: no script, nothing fetched at run time. Every chart is accessible:
/// the SVG is an image (<c>role="img"</c>) named by its <c>&lt;title&gt;</c> and described by its <c>&lt;desc&gt;</c>,
/// each point has its own tooltip, and <see cref="Render"/> puts a data table beside it (in a <c>&lt;details&gt;</c>)
/// for readers who do not see the picture. The colours are the Okabe–Ito palette, which stays distinct under
/// the common forms of colour blindness, and no meaning rests on colour alone: the target is dashed, and a
/// point with a note is a larger diamond. Text is neutralised (<see cref="SafeText.Neutralize"/>) and
/// HTML-encoded; numbers are written with the invariant culture, so the output is the same on every machine.
/// </summary>
public static class SvgChart
{
    /// <summary>The score line's colour (Okabe–Ito blue).</summary>
    public const string LineColour = "#0072B2";

    /// <summary>The target line's colour (Okabe–Ito orange).</summary>
    public const string TargetColour = "#E69F00";

    /// <summary>A noted point's colour (Okabe–Ito vermillion).</summary>
    public const string NoteColour = "#D55E00";

    private const int FullWidth = 640;
    private const int FullHeight = 220;
    private const int CompactWidth = 160;
    private const int CompactHeight = 40;
    private const double Left = 36, Right = 12, Top = 12, Bottom = 28;

    /// <summary>The chart with its table alternative, as one <c>&lt;figure&gt;</c>.</summary>
    /// <param name="spec">What to draw.</param>
    /// <returns>HTML.</returns>
    public static string Render(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sb = new StringBuilder();
        sb.Append("<figure class=\"chart").Append(spec.Compact ? " chart-compact" : string.Empty).Append("\">");
        sb.Append(Svg(spec));
        sb.Append("<details class=\"chart-table\"><summary>Table: ").Append(Text(spec.Title)).Append("</summary>");
        sb.Append(Table(spec)).Append("</details></figure>");
        return sb.ToString();
    }

    /// <summary>The SVG image alone.</summary>
    /// <param name="spec">What to draw.</param>
    /// <returns>SVG markup.</returns>
    public static string Svg(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var id = Id(spec.Id);
        var (width, height) = spec.Compact ? (CompactWidth, CompactHeight) : (FullWidth, FullHeight);
        var (left, right, top, bottom) = spec.Compact ? (3d, 3d, 3d, 3d) : (Left, Right, Top, Bottom);
        var (min, max) = Range(spec);
        var points = spec.Points;
        var first = points.Count > 0 ? points[0].Date.DayNumber : 0;
        var days = points.Count > 0 ? Math.Max(1, points[^1].Date.DayNumber - first) : 1;
        double X(ChartPoint p) => points.Count == 1 ? left + ((width - left - right) / 2) : left + ((p.Date.DayNumber - first) * (width - left - right) / days);
        double Y(double score) => top + ((max - Math.Clamp(score, min, max)) * (height - top - bottom) / (max - min));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Text(spec.Title)}</title>");
        sb.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Text(spec.Description)} {Text(Summary(spec))}</desc>");
        if (!spec.Compact)
        {
            foreach (var tick in new[] { 0d, 25, 50, 75, 100 })
            {
                var y = N(Y(tick));
                sb.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(left)}\" x2=\"{N(width - right)}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left - 6)}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\">{N(tick)}</text>");
            }

            if (points.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left)}\" y=\"{height - 8}\" font-size=\"11\" fill=\"#333\">{Day(points[0].Date)}</text>");
                if (points.Count > 1)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(width - right)}\" y=\"{height - 8}\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\">{Day(points[^1].Date)}</text>");
                }
            }
        }

        if (spec.Target is { } target && target >= min && target <= max)
        {
            var y = N(Y(target));
            sb.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"{N(left)}\" x2=\"{N(width - right)}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{TargetColour}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>Target {N2(target)}</title></line>");
        }

        if (points.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(width / 2d)}\" y=\"{N(height / 2d)}\" text-anchor=\"middle\" font-size=\"{(spec.Compact ? 10 : 13)}\" fill=\"#333\">No score in this period</text>");
        }
        else
        {
            if (points.Count > 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" fill=\"none\" stroke=\"{LineColour}\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"");
                sb.AppendJoin(' ', points.Select(p => N(X(p)) + "," + N(Y(p.Score))));
                sb.Append("\"/>");
            }

            foreach (var p in points)
            {
                var (x, y) = (X(p), Y(p.Score));
                var tip = $"{Day(p.Date)}: {N2(p.Score)}" + (p.Note is null ? string.Empty : " — " + p.Note);
                if (p.Note is not null)
                {
                    var r = spec.Compact ? 3.5 : 6;
                    sb.Append(CultureInfo.InvariantCulture, $"<path class=\"note\" d=\"M{N(x)} {N(y - r)} L{N(x + r)} {N(y)} L{N(x)} {N(y + r)} L{N(x - r)} {N(y)} Z\" fill=\"{NoteColour}\"><title>{Text(tip)}</title></path>");
                }
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{(spec.Compact ? 1.5 : 3)}\" fill=\"{LineColour}\"><title>{Text(tip)}</title></circle>");
                }
            }
        }

        return sb.Append("</svg>").ToString();
    }

    /// <summary>The table alternative: one row per point (day, score, note).</summary>
    /// <param name="spec">What to draw.</param>
    /// <returns>An HTML table.</returns>
    public static string Table(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sb = new StringBuilder("<table><caption>").Append(Text(spec.Title)).Append("</caption><thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Score</th>");
        var notes = spec.Points.Any(p => p.Note is not null);
        if (notes)
        {
            sb.Append("<th scope=\"col\">Why it changed</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var p in spec.Points)
        {
            sb.Append("<tr><td>").Append(Day(p.Date)).Append("</td><td>").Append(N2(p.Score)).Append("</td>");
            if (notes)
            {
                sb.Append("<td>").Append(Text(p.Note)).Append("</td>");
            }

            sb.Append("</tr>");
        }

        if (spec.Points.Count == 0)
        {
            sb.Append("<tr><td colspan=\"2\">No score in this period</td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    /// <summary>The sentence that ends the description: the period and the first and last scores.</summary>
    private static string Summary(ChartSpec spec) => spec.Points switch
    {
        [] => "No score in this period.",
        [var only] => $"One score: {N2(only.Score)} on {Day(only.Date)}.",
        [var first, .., var last] => $"From {N2(first.Score)} on {Day(first.Date)} to {N2(last.Score)} on {Day(last.Date)}"
            + (spec.Target is { } t ? $"; target {N2(t)}." : "."),
    };

    private static (double Min, double Max) Range(ChartSpec spec)
    {
        if (!spec.Compact || spec.Points.Count == 0)
        {
            return (0, 100);
        }

        var min = spec.Points.Min(p => p.Score);
        var max = spec.Points.Max(p => p.Score);
        if (spec.Target is { } t && t >= min - 5 && t <= max + 5)
        {
            (min, max) = (Math.Min(min, t), Math.Max(max, t));
        }

        var pad = Math.Max(1, (max - min) * 0.1);
        var (low, high) = (Math.Max(0, min - pad), Math.Min(100, max + pad));
        return high - low >= 1 ? (low, high) : (Math.Max(0, high - 1), Math.Max(0, high - 1) + 1);
    }

    private static string Id(string id)
    {
        var safe = new string([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]);
        return safe.Length == 0 || !char.IsAsciiLetter(safe[0]) ? "c-" + safe : safe;
    }

    private static string Text(string? text) => HtmlEncoder.Default.Encode(SafeText.Neutralize(text));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string N2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
