using System.Text.Json;
using AngleSharp.Html.Parser;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>
/// Untrusted text is neutralised in the web sample's HTML too (issue 17): a snapshot whose names, ids,
/// descriptions, steps and workloads hold terminal sequences, bidi overrides, invisible characters, HTML and
/// very long text is served by every page without any of it getting through as markup, a control or a bidi
/// trick, and the window title is bounded with an ellipsis.
/// </summary>
public sealed class HostileTextTests
{
    private static readonly string[] Texts =
    [
        "Red \u001b[31mALERT\u001b[0m",
        "OSC \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007",
        "C1 \u009b31m and \u0085 NEL",
        "Bidi \u202Eexe.txt\u202C and \u2066isolate\u2069",
        "Zero\u200Bwidth\u200D\uFEFF joiners",
        "<img src=x onerror=alert(1)> <script>alert(1)</script> &amp; \" '",
        "[click](http://evil.example) **bold**",
        new string('A', 512),
    ];

    [Fact]
    public async Task EveryPage_ShowsHostileText_AsInertText()
    {
        var directory = Directory.CreateTempSubdirectory("exposuresdk-web-hostile-").FullName;
        var path = Path.Combine(directory, "hostile.json");
        await File.WriteAllTextAsync(path, Snapshot());
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Sources"] = "file", ["Dashboard:Snapshot:Path"] = path });
        using var client = await factory.StartAsync();

        var routes = new List<string> { "/", "/recommendations?size=100", "/events" };
        routes.AddRange(Enumerable.Range(0, Texts.Length).Select(i => "/recommendations/r" + i));
        routes.Add("/metrics/m-hostile");
        routes.Add("/initiatives/i-hostile");
        foreach (var route in routes)
        {
            using var response = await client.GetAsync(new Uri(route, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, route);
            html.Should().NotContain("<script").And.NotContain("<img", route);
            var dom = new HtmlParser().ParseDocument(html);
            dom.QuerySelectorAll("script, img, [onerror]").Should().BeEmpty(route);
            html.Should().NotContainAny(["\u001b", "\u0007", "\u009b", "\u0085", "\u202E", "\u2066", "\u200B", "\uFEFF"], route);
        }

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/recommendations/r0", UriKind.Relative)));
        page.QuerySelector("h1")!.TextContent.Should().Be("Red ␛[31mALERT␛[0m", "controls are shown as Control Pictures");
        var script = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/recommendations/r5", UriKind.Relative)));
        script.QuerySelector("h1")!.TextContent.Should().Be(Texts[5], "HTML is shown as text");
        var longName = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/recommendations/r7", UriKind.Relative)));
        longName.QuerySelector("h1")!.TextContent.Should().Be(Texts[7], "a name at the model's 512-character limit is shown whole");
        longName.QuerySelector("title")!.TextContent.Should().Be(new string('A', 119) + "… · Exposure insights", "the window title is bounded, with an ellipsis");
    }

    private static string Snapshot()
    {
        var recommendations = Texts.Select((t, i) => new Dictionary<string, object>
        {
            ["id"] = "r" + i,
            ["name"] = t,
            ["source"] = "CIS " + t[..Math.Min(t.Length, 40)],
            ["workload"] = t[..Math.Min(t.Length, 60)],
            ["domain"] = "Cloud",
            ["impact"] = "High",
            ["description"] = t,
            ["remediationSteps"] = new[] { t },
            ["counts"] = new { affected = 3, total = 10 },
        });
        var document = new
        {
            schemaVersion = 1,
            tenantId = "hostile",
            asOf = "2026-11-21T06:00:00Z",
            recommendations,
            metrics = new[] { new { id = "m-hostile", name = Texts[0] + Texts[5], weight = "High", recommendationIds = Enumerable.Range(0, Texts.Length).Select(i => "r" + i).ToArray() } },
            initiatives = new[] { new { id = "i-hostile", name = Texts[3] + Texts[5], kind = "Workload", metricIds = new[] { "m-hostile" }, targetScore = 80 } },
        };
        return JsonSerializer.Serialize(document);
    }
}
