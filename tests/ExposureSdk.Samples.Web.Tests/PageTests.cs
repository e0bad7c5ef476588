using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>Every page of the demo dashboard, its links and its bad inputs (400 with a message, 404 for unknown ids).</summary>
[Collection(DemoDashboardGroup.Name)]
public sealed class PageTests(DemoDashboard dashboard)
{
    private HttpClient Client => dashboard.Client;

    [Fact]
    public async Task Overview_ShowsSecureScore_InitiativesFavoritesFirstWithTrendCharts_TopMetrics_AndRecentEvents()
    {
        var page = await GetPageAsync("/");
        var api = await ApiAsync("/api/report");

        page.QuerySelector("h1")!.TextContent.Should().Be("Overview");
        page.QuerySelector(".score-card .big")!.TextContent.Should().Be(api.GetProperty("secureScore").GetProperty("percentage").GetDouble().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%");
        var rows = page.QuerySelectorAll("section[aria-labelledby=initiatives] table.data > tbody > tr");
        rows.Select(r => r.QuerySelector("a")!.TextContent).Should().Equal(api.GetProperty("initiatives").EnumerateArray().Select(i => i.GetProperty("name").GetString()), "the order of the CLI: favorites first");
        rows[0].QuerySelector(".fav").Should().NotBeNull();
        foreach (var (row, initiative) in rows.Zip(api.GetProperty("initiatives").EnumerateArray()))
        {
            var svg = row.QuerySelector("svg[role=img]")!;
            svg.QuerySelector("title")!.TextContent.Should().EndWith(": 14-day trend");
            var days = initiative.GetProperty("trend14Days").GetArrayLength();
            row.QuerySelectorAll("details table tbody tr").Should().HaveCount(Math.Max(days, 1), "the table alternative lists the trend's days");
            if (initiative.GetProperty("favorite").GetBoolean())
            {
                days.Should().Be(14);
            }
        }

        page.QuerySelectorAll("section[aria-labelledby=metrics] table.data > tbody > tr").Should().HaveCount(10);
        page.QuerySelectorAll("section[aria-labelledby=events] li").Should().NotBeEmpty();
        page.QuerySelector("form[action='/refresh'] input[name=__RequestVerificationToken]").Should().NotBeNull("the refresh button posts with an antiforgery token");
    }

    [Fact]
    public async Task EveryLinkOfTheOverview_Resolves()
    {
        var page = await GetPageAsync("/");
        var links = page.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();

        links.Should().Contain(l => l.StartsWith("/initiatives/", StringComparison.Ordinal)).And.Contain(l => l.StartsWith("/metrics/", StringComparison.Ordinal));
        foreach (var link in links)
        {
            using var response = await Client.GetAsync(new Uri(link, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, link);
        }
    }

    [Fact]
    public async Task Recommendations_ListsEveryField_AndEveryRecommendation_AcrossPages()
    {
        var page = await GetPageAsync("/recommendations?size=100");

        page.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim().TrimEnd('▲', '▼', ' ')).Should().Equal(
            "Name", "State", "Impact", "Last calculated", "Last state change", "Related initiatives", "Related metrics", "Source", "Workload", "Domain");
        page.QuerySelector("#count")!.TextContent.Should().StartWith("156 recommendations · page 1 of 2");
        page.QuerySelectorAll("tbody tr").Should().HaveCount(100);
        var second = await GetPageAsync(page.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        second.QuerySelectorAll("tbody tr").Should().HaveCount(56);
        page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent)
            .Concat(second.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Recommendations_FiltersOnTwoFields_AgreeWithTheApi_AndStayInTheUrl()
    {
        var page = await GetPageAsync("/recommendations?state=NotCompliant&domain=Cloud&size=500");
        var api = await ApiAsync("/api/report?state=NotCompliant&domain=Cloud");

        var rows = page.QuerySelectorAll("tbody tr");
        rows.Should().HaveCount(api.GetProperty("recommendations").GetArrayLength()).And.NotBeEmpty();
        rows.Should().OnlyContain(r => r.Children[1].TextContent == "Not compliant" && r.Children[9].TextContent == "Cloud");
        page.QuerySelector("select[name=state] option[selected]")!.GetAttribute("value").Should().Be("NotCompliant");
        page.QuerySelector("select[name=domain] option[selected]")!.GetAttribute("value").Should().Be("Cloud");
        page.QuerySelector("thead th a")!.GetAttribute("href").Should().Contain("state=NotCompliant").And.Contain("domain=Cloud");
    }

    [Theory]
    [InlineData("impact", "desc", 2, "High")]
    [InlineData("impact", "asc", 2, "Low")]
    [InlineData("domain", "asc", 9, "Apps")]
    public async Task Recommendations_Sort(string sort, string dir, int column, string first)
    {
        var page = await GetPageAsync($"/recommendations?sort={sort}&dir={dir}");

        page.QuerySelector("tbody tr")!.Children[column].TextContent.Should().Be(first);
        page.QuerySelector($"th[aria-sort]")!.GetAttribute("aria-sort").Should().Be(dir == "desc" ? "descending" : "ascending");
    }

    [Fact]
    public async Task Recommendations_SearchAndRelationAndDateFilters()
    {
        var search = await GetPageAsync("/recommendations?q=MFA&size=500");
        search.QuerySelectorAll("tbody tr").Should().NotBeEmpty();

        var metric = await GetPageAsync("/recommendations?metric=cloud-key-vaults&size=500");
        metric.QuerySelectorAll("tbody tr").Should().NotBeEmpty().And.OnlyContain(r => r.Children[6].TextContent.Contains("Key Vault", StringComparison.OrdinalIgnoreCase));

        var dated = await GetPageAsync("/recommendations?calculated-from=2026-11-21&calculated-to=2026-11-21&size=500");
        dated.QuerySelectorAll("tbody tr").Should().NotBeEmpty().And.OnlyContain(r => r.Children[3].TextContent.StartsWith("2026-11-21", StringComparison.Ordinal));
        var none = await GetPageAsync("/recommendations?changed-from=2030-01-01");
        none.QuerySelector("#count")!.TextContent.Should().StartWith("0 recommendations");
    }

    [Theory]
    [InlineData("/recommendations?state=Bogus", "state: 'Bogus' is not valid (expected NotAvailable, Compliant, NotCompliant, MitigatedByOrganization).")]
    [InlineData("/recommendations?impact=1", "impact: '1' is not valid")]
    [InlineData("/recommendations?domain=Mars", "domain: 'Mars' is not valid")]
    [InlineData("/recommendations?initiative=nope", "initiative: 'nope' is not valid (expected an initiative id of this tenant).")]
    [InlineData("/recommendations?calculated-from=2026-13-01", "calculated-from: '2026-13-01' is not valid (expected a day as yyyy-MM-dd).")]
    [InlineData("/recommendations?sort=colour", "sort: 'colour' is not valid")]
    [InlineData("/recommendations?dir=up", "dir: 'up' is not valid (expected asc, desc).")]
    [InlineData("/recommendations?page=0", "page: '0' is not valid (expected a whole number of at least 1).")]
    [InlineData("/recommendations?size=100000", "size: '100000' is not valid (expected a whole number from 1 to 500).")]
    [InlineData("/events?from=yesterday", "from, to: 'yesterday' is not valid (expected a day as yyyy-MM-dd).")]
    [InlineData("/events?from=2026-11-20&to=2026-11-01", "from (2026-11-20) is after to (2026-11-01).")]
    [InlineData("/events?kind=Fire", "kind: 'Fire' is not valid")]
    [InlineData("/recommendations/okta-phishing-resistant?page=x", "page: 'x' is not valid")]
    public async Task BadValues_Are400Pages_WithTheMessage(string route, string message)
    {
        using var response = await Client.GetAsync(new Uri(route, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".problem p")!.TextContent.Should().Contain(message);
    }

    [Theory]
    [InlineData("/recommendations/no-such-thing", "There is no recommendation 'no-such-thing' in the latest refresh.")]
    [InlineData("/metrics/no-such-thing", "There is no metric 'no-such-thing' in the latest refresh.")]
    [InlineData("/initiatives/no-such-thing", "There is no initiative 'no-such-thing' in the latest refresh.")]
    [InlineData("/no/such/page", "There is no page at this address.")]
    public async Task UnknownIds_Are404Pages(string route, string message)
    {
        using var response = await Client.GetAsync(new Uri(route, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".problem p")!.TextContent.Should().Be(message);
        page.QuerySelector("nav a[href='/']").Should().NotBeNull("a 404 page keeps the layout");
    }

    [Fact]
    public async Task Recommendation_ShowsDescriptionStepsManageLinkPagedAssetsAndRelations()
    {
        var api = await ApiAsync("/api/report?state=NotCompliant");
        IDocument? page = null;
        var id = string.Empty;
        foreach (var candidate in api.GetProperty("recommendations").EnumerateArray().Where(r => r.GetProperty("unhealthy").GetInt64() > 25 && r.GetProperty("relatedMetrics").GetInt32() > 0))
        {
            id = candidate.GetProperty("id").GetString()!;
            page = await GetPageAsync("/recommendations/" + Uri.EscapeDataString(id));
            if (page.QuerySelector("section[aria-labelledby=assets] table") is not null)
            {
                break;
            }
        }

        page.Should().NotBeNull("the demo has recommendations with more than 25 exposed assets");
        ArgumentNullException.ThrowIfNull(page);

        page.QuerySelector("section[aria-labelledby=description] p")!.TextContent.Should().NotBeNullOrWhiteSpace();
        page.QuerySelectorAll("section[aria-labelledby=steps] ol li").Should().NotBeEmpty();
        var manage = page.QuerySelector("a.button")!;
        manage.GetAttribute("href").Should().StartWith("https://");
        manage.GetAttribute("rel").Should().Contain("noopener");
        page.QuerySelectorAll("section[aria-labelledby=assets] tbody tr").Should().HaveCount(25);
        page.QuerySelectorAll("section[aria-labelledby=related-metrics] li a").Should().NotBeEmpty();
        var next = page.QuerySelector("section[aria-labelledby=assets] a[rel=next]")!.GetAttribute("href")!;
        var second = await GetPageAsync("/recommendations/" + Uri.EscapeDataString(id) + next);
        second.QuerySelector("section[aria-labelledby=assets] .pager span")!.TextContent.Should().StartWith("Page 2 of");
    }

    [Fact]
    public async Task Metric_ShowsScoreHistoryChartContributionsWhatIfAndPlan()
    {
        var page = await GetPageAsync("/metrics/cloud-key-vaults");
        var explain = await ApiAsync("/api/metrics/cloud-key-vaults");

        page.QuerySelector("h1")!.TextContent.Should().Be(explain.GetProperty("name").GetString());
        page.QuerySelector("dd.big")!.TextContent.Should().Be(explain.GetProperty("score").GetDouble().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        var chart = page.QuerySelector("section[aria-labelledby=history] svg[role=img]")!;
        chart.QuerySelector("desc")!.TextContent.Should().Contain("Daily score of the metric");
        page.QuerySelectorAll("section[aria-labelledby=history] details tbody tr").Should().HaveCount(15, "14 imported days and today");
        page.QuerySelectorAll("section[aria-labelledby=contributions] tbody tr").Should().HaveCount(explain.GetProperty("initiatives").GetArrayLength());
        page.QuerySelector("section[aria-labelledby=whatif] tbody tr td:nth-child(3)")!.TextContent.Should().Be("100.00", "with every recommendation fixed the metric is whole");
        page.QuerySelectorAll("section[aria-labelledby=plan] li").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Initiatives_ShowHistoryWithTargetAndReasons_ContributionsWhatIfAndPlan()
    {
        var api = await ApiAsync("/api/report");
        var withReasons = 0;
        foreach (var initiative in api.GetProperty("initiatives").EnumerateArray().Where(i => i.GetProperty("available").GetBoolean()))
        {
            var page = await GetPageAsync("/initiatives/" + initiative.GetProperty("id").GetString());
            page.QuerySelector("h1")!.TextContent.Should().Be(initiative.GetProperty("name").GetString());
            page.QuerySelector("section[aria-labelledby=history] svg[role=img]").Should().NotBeNull();
            if (initiative.GetProperty("targetScore").ValueKind == JsonValueKind.Number)
            {
                page.QuerySelector("section[aria-labelledby=history] line.target").Should().NotBeNull();
            }

            withReasons += page.QuerySelectorAll("ul.changes li").Length;
            page.QuerySelector("section[aria-labelledby=whatif] p").Should().NotBeNull();
        }

        withReasons.Should().BeGreaterThan(0, "the demo's regressions move some initiative by more than 2.5 points in 14 days");
        var identity = await GetPageAsync("/initiatives/identity-security");
        identity.QuerySelectorAll("section[aria-labelledby=contributions] tbody tr").Should().NotBeEmpty();
        identity.QuerySelectorAll("section[aria-labelledby=plan] li").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Events_DateRangeAndKind_EachLinkingToItsSubject()
    {
        var all = await GetPageAsync("/events");
        var rows = all.QuerySelectorAll("tbody tr");
        rows.Should().NotBeEmpty();
        all.QuerySelector("input[name=from]")!.GetAttribute("value").Should().Be("2026-10-23", "30 days up to the refresh");

        var drops = await GetPageAsync("/events?kind=MetricScoreDrop&from=2026-11-21&to=2026-11-21");
        var today = drops.QuerySelectorAll("tbody tr");
        today.Should().NotBeEmpty().And.OnlyContain(r => r.Children[1].TextContent == "Metric score drop" && r.Children[0].TextContent.StartsWith("2026-11-21", StringComparison.Ordinal));
        foreach (var link in rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")!).Distinct().Take(6))
        {
            link.Should().MatchRegex("^/(metrics|initiatives)/");
            using var response = await Client.GetAsync(new Uri(link, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, link);
        }
    }

    private async Task<IDocument> GetPageAsync(string route)
    {
        using var response = await Client.GetAsync(new Uri(route, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, route + "\n" + html);
        return new HtmlParser().ParseDocument(html);
    }

    private async Task<JsonElement> ApiAsync(string route) =>
        JsonDocument.Parse(await Client.GetStringAsync(new Uri(route, UriKind.Relative))).RootElement;
}
