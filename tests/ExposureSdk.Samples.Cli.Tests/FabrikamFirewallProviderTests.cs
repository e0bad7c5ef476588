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

    [Fact]
    public async Task PullAsync_ReadsTheApplianceListOncePerPull_AndServesAssetsAndAssessmentsFromThatAnswer()
    {
        var handler = new StubHandler(HttpStatusCode.OK, Appliances);
        var provider = new FabrikamFirewallProvider(new HttpClient(handler) { BaseAddress = new Uri("https://firewall.fabrikam.example/") });

        await using (var context = new SourcePullContext(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero)))
        {
            var batch = await provider.PullAsync(context);
            (await batch.Recommendations.ToListAsync()).Should().HaveCount(4);
            var assets = await batch.Assets.ToListAsync();

            // The appliances change after the pull read them: this pull still describes the answer it got.
            handler.Body = "[]";
            var assessments = await batch.Assessments.ToListAsync();
            (await batch.Metrics.ToListAsync()).Should().ContainSingle();

            assets.Should().HaveCount(2);
            assessments.Should().HaveCount(8);
        }

        handler.Requests.Should().Be(1, "one pull reads the appliance list once");

        var pipeline = new ExposureSdk.Pipeline.ExposureRefreshPipeline([provider], new ExposureSdk.History.InMemoryScoreHistoryStore(), new ExposureManagementOptions { TenantId = "fabrikam" });
        var result = await pipeline.RefreshAsync().WaitAsync(TimeSpan.FromMinutes(2));
        result.Outcomes.Should().ContainSingle().Which.Succeeded.Should().BeTrue();
        handler.Requests.Should().Be(2, "a refresh pulls the provider once");
    }

    private static HttpClient Client(HttpStatusCode status, string body) =>
        new(new StubHandler(status, body)) { BaseAddress = new Uri("https://firewall.fabrikam.example/") };

    private sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        private int _requests;

        public string Body { get; set; } = body;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            request.RequestUri!.AbsolutePath.Should().Be("/api/v2/appliances");
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(Body, Encoding.UTF8, "application/json") });
        }
    }
}
