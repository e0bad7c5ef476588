using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ExposureSdk.Samples.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>The host: the refresh button, the hosted service's interval, the history in SQLite, bad settings, pages without data.</summary>
public sealed partial class HostingTests
{
    [Fact]
    public async Task RefreshButton_RefreshesNow_WithItsAntiforgeryToken_AndGoesBack()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:Demo:HistoryDays"] = "1" });
        using var client = await factory.StartAsync();
        var before = factory.Services.GetRequiredService<DashboardData>().Current!.AsOf;
        var page = await client.GetStringAsync(new Uri("/events", UriKind.Relative));
        var token = new HtmlParser().ParseDocument(page).QuerySelector("form[action='/refresh'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        using var forged = await client.PostAsync(new Uri("/refresh", UriKind.Relative), new FormUrlEncodedContent([new("returnUrl", "/events")]));
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a post without the antiforgery token is refused");

        using var pressed = await client.PostAsync(new Uri("/refresh", UriKind.Relative), new FormUrlEncodedContent([new("returnUrl", "/events"), new("__RequestVerificationToken", token)]));
        pressed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        pressed.Headers.Location!.OriginalString.Should().Be("/events");
        factory.Services.GetRequiredService<DashboardData>().Current!.AsOf.Should().Be(before.AddMinutes(5));

        using var offsite = await client.PostAsync(new Uri("/refresh", UriKind.Relative), new FormUrlEncodedContent([new("returnUrl", "https://evil.example/"), new("__RequestVerificationToken", token)]));
        offsite.Headers.Location!.OriginalString.Should().Be("/", "only a local return address is followed");
    }

    [Fact]
    public async Task HostedService_RefreshesOnTheInterval_AndTheHistoryIsInSqlite()
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { ["Dashboard:RefreshInterval"] = "00:10:00", ["Dashboard:Demo:HistoryDays"] = "1" });
        using var client = await factory.StartAsync();
        var data = factory.Services.GetRequiredService<DashboardData>();
        var first = data.Current!.AsOf;

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (data.Current!.AsOf == first)
        {
            waited.Elapsed.Should().BeLessThan(DashboardFactory.StartTimeout, "the interval's refresh must come");
            await Task.Delay(50);
        }

        data.Current.AsOf.Should().Be(first.AddMinutes(10));
        File.Exists(Path.Combine(factory.Directory, "history.db")).Should().BeTrue();
        var cards = await data.CardsAsync(data.Current, 30, CancellationToken.None);
        cards.Should().HaveCount(3, "the imported day, the start's refresh and the interval's");
    }

    [Theory]
    [InlineData("Dashboard:Sources", "demo,nope", "Dashboard:Sources: unknown source 'nope'")]
    [InlineData("Dashboard:Sources", "file", "Dashboard:Snapshot:Path: required with the source 'file'.")]
    [InlineData("Dashboard:Sources", "ocsf", "Dashboard:Ocsf:Paths: give at least one file or folder with the source 'ocsf'.")]
    [InlineData("Dashboard:RefreshInterval", "00:00:05", "RefreshInterval")]
    [InlineData("Dashboard:Graph:BaseUrl", "graph.microsoft.com", "Dashboard:Graph:BaseUrl: 'graph.microsoft.com' is not an absolute http(s) URL.")]
    public void BadSettings_StopTheHostAtStart_NamingTheSetting(string key, string value, string message)
    {
        using var factory = new DashboardFactory(new Dictionary<string, string?> { [key] = value });

        var start = () => factory.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/recommendations")]
    [InlineData("/events")]
    [InlineData("/metrics/identity-admins-mfa")]
    public async Task BeforeTheFirstRefresh_PagesSaySo_With503(string route)
    {
        using var factory = new DashboardFactory(refresh: false);
        using var client = await factory.StartAsync();

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Contain("No refresh has been recorded yet.");
    }

    [Fact]
    public async Task AnEmptyTenant_ServesEveryPage()
    {
        using var factory = NoDataTests.EmptyTenant();
        using var client = await factory.StartAsync();
        var overview = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var initiative = Regex.Match(overview, "href=\"(/initiatives/[^\"]+)\"").Groups[1].Value;
        var metric = Regex.Match(await client.GetStringAsync(new Uri(initiative, UriKind.Relative)), "href=\"(/metrics/[^\"]+)\"").Groups[1].Value;

        foreach (var route in new[] { "/", "/recommendations", "/events", initiative, metric, "/healthz" })
        {
            using var response = await client.GetAsync(new Uri(route, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, route);
        }

        overview.Should().Contain("No score in this period").And.Contain("n/a");
    }
}
