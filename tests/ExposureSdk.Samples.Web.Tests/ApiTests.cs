using System.Net;
using System.Text.Json;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>
/// The JSON API: the CLI's shapes (contracts §2), text for text, for the demo tenant; the recommendation
/// filters as query parameters; 400 for bad values and 404 for unknown ids, each with a message.
/// </summary>
[Collection(DemoDashboardGroup.Name)]
public sealed class ApiTests(DemoDashboard dashboard)
{
    private HttpClient Client => dashboard.Client;

    [Fact]
    public async Task Report_IsExactlyTheClisReportJson_ForTheDemoTenant()
    {
        var api = await GetTextAsync("/api/report");
        var cli = await CliRun.JsonAsync("report");

        api.Should().Be(cli.TrimEnd());
        using var doc = JsonDocument.Parse(api);
        doc.RootElement.GetProperty("events").GetArrayLength().Should().BeGreaterThan(0, "the demo's past 7 days have events, so the comparison covers them");
        doc.RootElement.GetProperty("initiatives")[0].GetProperty("trend14Days").GetArrayLength().Should().Be(14);
    }

    [Fact]
    public async Task Events_IsExactlyTheClisEventsJson()
    {
        (await GetTextAsync("/api/events")).Should().Be((await CliRun.JsonAsync("events")).TrimEnd());
    }

    [Theory]
    [InlineData("/api/initiatives/identity-security", "explain", "--initiative", "identity-security")]
    [InlineData("/api/metrics/cloud-key-vaults", "explain", "--metric", "cloud-key-vaults")]
    [InlineData("/api/plan", "plan")]
    [InlineData("/api/plan?initiative=cloud-security&top=5", "plan", "--initiative", "cloud-security", "--top", "5")]
    public async Task ExplainAndPlan_AreExactlyTheClisJson(string route, params string[] cli)
    {
        (await GetTextAsync(route)).Should().Be((await CliRun.JsonAsync(cli)).TrimEnd());
    }

    [Theory]
    [InlineData("state=NotCompliant&impact=High", "--state", "NotCompliant", "--impact", "High")]
    [InlineData("state=NotCompliant&state=NotAvailable&domain=Cloud", "--state", "NotCompliant,NotAvailable", "--domain", "Cloud")]
    [InlineData("workload=entra&recommendation-source=Secure%20Score&top=3", "--workload", "entra", "--recommendation-source", "Secure Score", "--top", "3")]
    [InlineData("search=mfa", "--search", "mfa")]
    public async Task Report_FiltersAsQueryParameters_AreTheClisOptions(string query, params string[] options)
    {
        var api = await GetTextAsync("/api/report?" + query);

        api.Should().Be((await CliRun.JsonAsync(["report", .. options])).TrimEnd());
        using var doc = JsonDocument.Parse(api);
        doc.RootElement.GetProperty("recommendations").GetArrayLength().Should().BeGreaterThan(0, "each filter of this test matches something in the demo");
    }

    [Theory]
    [InlineData("/api/report?state=Bogus", "state: unknown value 'Bogus'")]
    [InlineData("/api/report?impact=Severe", "impact: unknown value 'Severe' (expected Low, Medium, High)")]
    [InlineData("/api/report?domain=Mars", "domain: unknown value 'Mars'")]
    [InlineData("/api/report?top=0", "top: must be at least 1 (got 0)")]
    [InlineData("/api/report?top=many", "top: 'many' is not a whole number")]
    [InlineData("/api/plan?top=-1", "top: must be a whole number of at least 1")]
    public async Task BadValues_Are400_WithAMessage(string route, string message)
    {
        using var response = await Client.GetAsync(new Uri(route, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        detail.Should().Contain(message);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("impact")]
    [InlineData("domain")]
    public async Task AnUnknownValue_IsQuotedShortAndHarmless_HoweverLongOrHostile(string parameter)
    {
        var value = "\u001b[2J" + new string('x', 4000) + "tail";
        using var response = await Client.GetAsync(new Uri($"/api/report?{parameter}={Uri.EscapeDataString(value)}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
        var opening = $"{parameter}: unknown value '";
        detail.Should().Contain(opening);
        var start = detail.IndexOf(opening, StringComparison.Ordinal) + opening.Length;
        var quoted = detail[start..detail.IndexOf("' (expected", start, StringComparison.Ordinal)];
        quoted.Should().HaveLength(80).And.EndWith("\u2026").And.NotContain("tail");
        quoted.Should().NotContain("\u001b", "an escape sequence from a query string never reaches a message");
    }

    [Theory]
    [InlineData("/api/initiatives/no-such-initiative", "no initiative 'no-such-initiative'")]
    [InlineData("/api/metrics/no-such-metric", "no metric 'no-such-metric'")]
    [InlineData("/api/plan?initiative=nope", "no initiative 'nope'")]
    public async Task UnknownIds_Are404_WithAMessage(string route, string message)
    {
        using var response = await Client.GetAsync(new Uri(route, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString().Should().Be(message);
    }

    [Fact]
    public async Task Healthz_ReportsEachSourcesCoverage_AndTheLastRefresh()
    {
        using var response = await Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        root.GetProperty("status").GetString().Should().Be("Healthy");
        var data = root.GetProperty("checks")[0].GetProperty("data");
        data.GetProperty("lastRefresh").GetProperty("asOf").GetDateTimeOffset().Should().Be(Demo.DemoTenantOptions.DefaultAsOf);
        var source = data.GetProperty("sources")[0];
        source.GetProperty("name").GetString().Should().Be("demo");
        source.GetProperty("status").GetString().Should().Be("Active");
        source.GetProperty("detail").GetString().Should().Be("demo tenant (seed 1729)");
        source.GetProperty("outcome").GetString().Should().Be("Succeeded");
        source.GetProperty("recommendations").GetInt64().Should().Be(156);
    }

    private async Task<string> GetTextAsync(string route)
    {
        using var response = await Client.GetAsync(new Uri(route, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return text;
    }
}
