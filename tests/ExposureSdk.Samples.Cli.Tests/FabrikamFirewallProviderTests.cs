using System.Net;
using System.Text;
using ExposureSdk.Providers;
using ExposureSdk.Scoring;
using Fabrikam.ExposureSdk;

namespace ExposureSdk.Samples.Cli.Tests;

/// <summary>The partner sample (samples/CustomProvider): what a partner tests for their provider.</summary>
public sealed class FabrikamFirewallProviderTests
{
    private const string Appliances = """
        [
          { "serial": "FW-001", "hostname": "fw-paris-edge", "site": "paris", "internetFacing": true,
            "checks": [ { "id": "fabrikam-admin-https", "result": "pass" }, { "id": "fabrikam-firmware", "result": "fail" },
                        { "id": "fabrikam-any-any", "result": "pass" }, { "id": "fabrikam-log-forwarding", "result": "n/a" },
                        { "id": "fabrikam-future-check", "result": "pass" } ] },
          { "serial": "FW-002", "hostname": "fw-oslo-core", "site": "oslo", "internetFacing": false,
            "checks": [ { "id": "fabrikam-admin-https", "result": "pass" }, { "id": "fabrikam-firmware", "result": "pass" },
                        { "id": "fabrikam-any-any", "result": "pass" }, { "id": "fabrikam-log-forwarding", "result": "pass" } ] }
        ]
        """;

    [Fact]
    public async Task Provider_MapsAppliancesChecksAndResults_AndScores()
    {
        var provider = new FabrikamFirewallProvider(Client(HttpStatusCode.OK, Appliances));

        var snapshot = new ExposureSnapshot(
            "fabrikam",
            new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero),
            await provider.GetRecommendationsAsync().ToListAsync(),
            await provider.GetAssetsAsync().ToListAsync(),
            await provider.GetAssessmentsAsync().ToListAsync(),
            await provider.GetMetricsAsync().ToListAsync());
        var report = ExposureScorer.Score(snapshot);

        provider.Name.Should().Be("Fabrikam Firewall");
        snapshot.Recommendations.Should().HaveCount(4).And.OnlyContain(r => r.Workload.Name == "Fabrikam Firewall");
        snapshot.Assets.Select(a => a.Name).Should().Equal("fw-paris-edge", "fw-oslo-core");
        snapshot.Assessments.Should().HaveCount(8, "unknown checks are skipped");
        var metric = report.FindMetric("fabrikam-unsafe-firewalls")!;
        (metric.Affected, metric.Scope, metric.Score).Should().Be((1L, 2L, 50.0));
        report.FindRecommendation("fabrikam-firmware")!.State.Should().Be(ComplianceState.NotCompliant);
        report.FindRecommendation("fabrikam-log-forwarding")!.State.Should().Be(ComplianceState.Compliant);
    }

    [Fact]
    public async Task Provider_ReadAgain_SeesTheAppliancesAsTheyAreNow()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Appliances);
        var provider = new FabrikamFirewallProvider(new HttpClient(handler) { BaseAddress = new Uri("https://firewall.fabrikam.example/") });
        var before = await provider.GetAssessmentsAsync().ToListAsync();

        handler.Body = Appliances.Replace("\"fail\"", "\"pass\"", StringComparison.Ordinal);
        var after = await provider.GetAssessmentsAsync().ToListAsync();

        before.Should().Contain(a => a.Status == AssessmentStatus.Unhealthy);
        after.Should().NotContain(a => a.Status == AssessmentStatus.Unhealthy, "each refresh reads the appliances again, not a cached first answer");
    }

    [Fact]
    public async Task Provider_ServerError_RaisesTheSdkSourceExceptionWithStatus()
    {
        var provider = new FabrikamFirewallProvider(Client(HttpStatusCode.InternalServerError, "oops"));

        var act = async () => await provider.GetAssetsAsync().ToListAsync();

        var error = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        error.ProviderName.Should().Be("Fabrikam Firewall");
        error.StatusCode.Should().Be(500);
    }

    [Fact]
    public async Task Provider_UnknownResult_RaisesTheSdkSourceExceptionNamingTheRecord()
    {
        var provider = new FabrikamFirewallProvider(Client(HttpStatusCode.OK, """[ { "serial": "FW-9", "hostname": "x", "site": "s", "internetFacing": false, "checks": [ { "id": "fabrikam-firmware", "result": "maybe" } ] } ]"""));

        var act = async () => await provider.GetAssessmentsAsync().ToListAsync();

        var error = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        error.RecordId.Should().Be("FW-9");
        error.Message.Should().Contain("maybe");
    }

    private static HttpClient Client(HttpStatusCode status, string body) =>
        new(new StubHandler(status, body)) { BaseAddress = new Uri("https://firewall.fabrikam.example/") };

    private sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public string Body { get; set; } = body;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri!.AbsolutePath.Should().Be("/api/v2/appliances");
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(Body, Encoding.UTF8, "application/json") });
        }
    }
}
