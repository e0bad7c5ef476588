using ExposureSdk.Samples.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>
/// End to end in a real browser: Debian's headless Chromium (<c>/usr/bin/chromium</c>, or the file named by
/// <c>EXPOSURESDK_CHROMIUM</c>) driven by Microsoft.Playwright, against the sample served by Kestrel on a
/// loopback port. Opens the overview, filters the recommendations by two fields, opens a recommendation,
/// follows it to a metric, and takes a screenshot of each page (into <c>EXPOSURESDK_SCREENSHOTS</c>, by
/// default <c>artifacts/web-screenshots</c> at the repository's root; <c>EXPOSURESDK_README_SCREENSHOT=docs/images/web-overview.png</c>
/// also writes the README's picture of the overview). The test fails, never skips, when the
/// browser cannot start: <c>.ci/run</c> installs Chromium.
/// </summary>
public sealed class BrowserTests
{
    private const float Timeout = 30_000;

    [Fact(Timeout = 240_000)]
    public async Task Overview_FilterByTwoFields_OpenARecommendation_FollowItToAMetric_WithScreenshots()
    {
        var chromium = Environment.GetEnvironmentVariable("EXPOSURESDK_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        File.Exists(chromium).Should().BeTrue($"the browser test needs Chromium at {chromium} (apt-get install -y chromium; .ci/run installs it), and fails rather than skips without it");
        var screenshots = ScreenshotFolder();

        using var factory = new DashboardFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        await factory.Services.GetRequiredService<DashboardRefresher>().FirstAttempt.WaitAsync(DashboardFactory.StartTimeout);
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Timeout = 60_000 });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BaseURL = address });
        page.SetDefaultTimeout(Timeout);
        page.SetDefaultNavigationTimeout(Timeout);
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };

        // 1. The overview.
        await page.GotoAsync("/");
        (await page.TextContentAsync("h1")).Should().Be("Overview");
        (await page.Locator("section[aria-labelledby=initiatives] svg[role=img]").CountAsync()).Should().BeGreaterThan(5);
        (await page.EvaluateAsync<bool>("() => getComputedStyle(document.querySelector('header.top')).display === 'flex'")).Should().BeTrue("the stylesheet is served by the app itself");
        await Shot(page, screenshots, "overview");
        if (Environment.GetEnvironmentVariable("EXPOSURESDK_README_SCREENSHOT") is { Length: > 0 } readme)
        {
            // The README's picture of the overview: the first screen, as a visitor sees it.
            await page.ScreenshotAsync(new() { Path = Path.GetFullPath(readme, RepositoryRoot()), Timeout = Timeout });
        }

        // 2. The recommendations, filtered by two fields through the form; the filters land in the URL.
        await page.ClickAsync("nav a[href='/recommendations']");
        await page.SelectOptionAsync("select[name=state]", "NotCompliant");
        await page.SelectOptionAsync("select[name=domain]", "Identity");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("state=NotCompliant", StringComparison.Ordinal) && url.Contains("domain=Identity", StringComparison.Ordinal));
        var rows = page.Locator("table.data tbody tr");
        (await rows.CountAsync()).Should().BeGreaterThan(0);
        foreach (var row in await rows.AllAsync())
        {
            (await row.Locator("td").Nth(1).TextContentAsync()).Should().Be("Not compliant");
            (await row.Locator("td").Nth(9).TextContentAsync()).Should().Be("Identity");
        }

        await Shot(page, screenshots, "recommendations-filtered");

        // 3. A recommendation that belongs to a metric.
        var recommendation = page.Locator("table.data tbody tr").Filter(new() { Has = page.Locator("td:nth-child(7) a") }).First.Locator("td").First.Locator("a");
        var name = await recommendation.TextContentAsync();
        await recommendation.ClickAsync();
        await page.WaitForURLAsync("**/recommendations/*");
        (await page.TextContentAsync("h1")).Should().Be(name);
        (await page.Locator("section[aria-labelledby=steps] li").CountAsync()).Should().BeGreaterThan(0);
        await Shot(page, screenshots, "recommendation");

        // 4. Followed to its metric.
        var metric = page.Locator("section[aria-labelledby=related-metrics] a").First;
        var metricName = await metric.TextContentAsync();
        await metric.ClickAsync();
        await page.WaitForURLAsync("**/metrics/*");
        (await page.TextContentAsync("h1")).Should().Be(metricName);
        var chart = page.Locator("section[aria-labelledby=history] svg[role=img]");
        (await chart.IsVisibleAsync()).Should().BeTrue();
        (await chart.Locator("circle, path.note").CountAsync()).Should().Be(15, "14 imported days and today");
        await Shot(page, screenshots, "metric");

        failed.Should().BeEmpty("every request of the walk succeeds");
    }

    private static async Task Shot(IPage page, string folder, string name)
    {
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Timeout = Timeout });
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.Length.Should().BeGreaterThan(10_000, name);
        bytes.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "a PNG image");
    }

    private static string ScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("EXPOSURESDK_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot(), "artifacts", "web-screenshots");
        return Directory.CreateDirectory(Path.GetFullPath(folder, RepositoryRoot())).FullName;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExposureSdk.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
