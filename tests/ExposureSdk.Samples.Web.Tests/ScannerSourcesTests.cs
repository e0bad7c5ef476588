using System.Net;
using System.Text.Json;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>Sources other than the demo come from configuration: the OCSF and Maester scanner files of the repository's fixtures, read in one refresh.</summary>
public sealed class ScannerSourcesTests
{
    [Fact]
    public async Task OcsfAndMaesterFromConfiguration_AreReadAndReportedPerSource()
    {
        var fixtures = Path.Combine(RepositoryRoot(), "tests", "fixtures");
        using var factory = new DashboardFactory(new Dictionary<string, string?>
        {
            ["Dashboard:Sources"] = "ocsf, maester",
            ["Dashboard:Ocsf:Paths:0"] = Path.Combine(fixtures, "prowler", "example_output_azure.ocsf.json"),
            ["Dashboard:Maester:Paths:0"] = Path.Combine(fixtures, "maester"),
        });
        using var client = await factory.StartAsync();

        var report = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/report", UriKind.Relative))).RootElement;

        report.GetProperty("source").GetString().Should().Be("ocsf + maester");
        var sources = report.GetProperty("sources").EnumerateArray().ToList();
        sources.Select(s => s.GetProperty("name").GetString()).Should().Equal("ocsf", "maester");
        sources.Should().OnlyContain(s => s.GetProperty("status").GetString() != "Failed" && s.GetProperty("recommendations").GetInt64() > 0);
        report.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("source").GetString()).Should().Contain(s => s!.StartsWith("CIS", StringComparison.Ordinal));
        var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative))).RootElement;
        health.GetProperty("checks")[0].GetProperty("data").GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("outcome").GetString()).Should().Equal("Succeeded", "Succeeded");
        using var overview = await client.GetAsync(new Uri("/", UriKind.Relative));
        overview.StatusCode.Should().Be(HttpStatusCode.OK);
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

        throw new DirectoryNotFoundException("The repository's root (ExposureSdk.sln) is not above " + AppContext.BaseDirectory);
    }
}
