using AngleSharp.Html.Parser;
using ExposureSdk.Samples.Common;
using ExposureSdk.Samples.Web.Charts;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>The chart helper: accessible SVG (title, description, table alternative), the points where they belong, colour-blind-safe colours with shapes, untrusted text neutralised.</summary>
public sealed class SvgChartTests
{
    private static readonly DateOnly Day0 = new(2026, 11, 8);

    private static ChartSpec Spec(params double[] scores) =>
        new("c1", "Identity Security: daily score", "Daily score.", [.. scores.Select((s, i) => new ChartPoint(Day0.AddDays(i), s))]);

    [Fact]
    public void Svg_IsAnImageNamedByItsTitleAndDescribedByItsDescription()
    {
        var doc = new HtmlParser().ParseDocument("<body>" + SvgChart.Render(Spec(40, 60, 55) with { Target = 80 }) + "</body>");
        var svg = doc.QuerySelector("svg")!;

        svg.GetAttribute("role").Should().Be("img");
        svg.GetAttribute("aria-labelledby").Should().Be("c1-title c1-desc");
        doc.GetElementById("c1-title")!.TextContent.Should().Be("Identity Security: daily score");
        doc.GetElementById("c1-desc")!.TextContent.Should().Be("Daily score. From 40.00 on 2026-11-08 to 55.00 on 2026-11-10; target 80.00.");
        svg.QuerySelectorAll("circle.point").Select(c => c.QuerySelector("title")!.TextContent).Should().Equal("2026-11-08: 40.00", "2026-11-09: 60.00", "2026-11-10: 55.00");
    }

    [Fact]
    public void Table_IsTheAlternative_OneRowPerPoint_WithTheNotes()
    {
        var spec = new ChartSpec("c2", "T", "D", [new ChartPoint(Day0, 70), new ChartPoint(Day0.AddDays(1), 66, "metric scores changed: A 80.00 → 70.00")]);
        var doc = new HtmlParser().ParseDocument("<body>" + SvgChart.Render(spec) + "</body>");

        doc.QuerySelector("details summary")!.TextContent.Should().Be("Table: T");
        var rows = doc.QuerySelectorAll("details table tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        rows.Should().Equal("2026-11-08|70.00|", "2026-11-09|66.00|metric scores changed: A 80.00 → 70.00");
        doc.QuerySelectorAll("details table th").Select(th => th.TextContent).Should().Equal("Day", "Score", "Why it changed");
    }

    [Fact]
    public void FullChart_PutsTheScaleFrom0To100_AndTheDaysFromLeftToRight()
    {
        var svg = new HtmlParser().ParseDocument("<body>" + SvgChart.Svg(Spec(100, 0, 50)) + "</body>").QuerySelector("svg")!;

        svg.QuerySelector("polyline")!.GetAttribute("points").Should().Be("36,12 332,192 628,102", "left 36, right 640 − 12; 100 at the top (12), 0 at the bottom (220 − 28)");
        svg.QuerySelectorAll("text").Select(t => t.TextContent).Should().Contain(["0", "25", "50", "75", "100", "2026-11-08", "2026-11-10"]);
    }

    [Fact]
    public void TargetAndNotes_AreMarkedByShapeAndDash_NotByColourAlone_InTheOkabeItoPalette()
    {
        var spec = new ChartSpec("c3", "T", "D", [new ChartPoint(Day0, 90), new ChartPoint(Day0.AddDays(1), 80, "affected assets 10 → 20")], Target: 85);
        var svg = new HtmlParser().ParseDocument("<body>" + SvgChart.Svg(spec) + "</body>").QuerySelector("svg")!;

        var target = svg.QuerySelector("line.target")!;
        target.GetAttribute("stroke").Should().Be(SvgChart.TargetColour);
        target.GetAttribute("stroke-dasharray").Should().NotBeNullOrEmpty();
        var note = svg.QuerySelector("path.note")!;
        note.GetAttribute("fill").Should().Be(SvgChart.NoteColour);
        note.QuerySelector("title")!.TextContent.Should().Be("2026-11-09: 80.00 — affected assets 10 → 20");
        svg.QuerySelector("polyline")!.GetAttribute("stroke").Should().Be(SvgChart.LineColour);
        new[] { SvgChart.LineColour, SvgChart.TargetColour, SvgChart.NoteColour }.Should().Equal("#0072B2", "#E69F00", "#D55E00");
    }

    [Fact]
    public void NoPoints_SaysSo_AndDrawsNoLine()
    {
        var html = SvgChart.Render(Spec());

        html.Should().Contain("No score in this period").And.NotContain("<polyline").And.NotContain("<circle");
    }

    [Fact]
    public void OnePoint_IsCentred()
    {
        var svg = new HtmlParser().ParseDocument("<body>" + SvgChart.Svg(Spec(50)) + "</body>").QuerySelector("svg")!;

        svg.QuerySelector("polyline").Should().BeNull();
        svg.QuerySelector("circle")!.GetAttribute("cx").Should().Be("332");
    }

    [Fact]
    public void CompactChart_FitsTheRangeToTheValues_SoASmallMovementShows()
    {
        var svg = new HtmlParser().ParseDocument("<body>" + SvgChart.Svg(Spec(70, 72) with { Compact = true }) + "</body>").QuerySelector("svg")!;

        svg.GetAttribute("width").Should().Be("160");
        var ys = svg.QuerySelectorAll("circle").Select(c => double.Parse(c.GetAttribute("cy")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        (ys[0] - ys[1]).Should().BeGreaterThan(15, "a 2-point rise spans half of the 40-pixel height (0–100 would give under a pixel)");
        svg.QuerySelectorAll("text").Should().BeEmpty("a compact chart has no axes");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Red \u001b[31mALERT\u001b[0m \u202Eexe.txt")]
    public void UntrustedText_IsNeutralisedAndEncoded(string hostile)
    {
        var html = SvgChart.Render(new ChartSpec("x\"><script>", hostile, hostile, [new ChartPoint(Day0, 50, hostile)]));

        html.Should().NotContain("<script").And.NotContain("\u001b").And.NotContain("\u202E");
        var doc = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        doc.QuerySelector("svg title")!.TextContent.Should().Be(SafeText.Neutralize(hostile));
        doc.QuerySelector("svg")!.GetAttribute("aria-labelledby").Should().Be("x---script--title x---script--desc");
    }
}
