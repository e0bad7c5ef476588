using ExposureSdk.History;
using ExposureSdk.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

/// <summary>
/// Secrets (issue 17 §6), the Defender for Cloud provider through the refresh pipeline, on both read paths: every
/// log record (the provider's and the pipeline's, captured with <see cref="FakeLogger"/>), every error message, the
/// coverage parts and the refresh result are free of the access token, also when the server repeats it in its
/// error message; a <c>nextLink</c> to another host is refused before any request is made to that host.
/// </summary>
public sealed class SecretsInLogsTests
{
    [Theory]
    [InlineData(DefenderForCloudReadPath.Rest, 401)]
    [InlineData(DefenderForCloudReadPath.Rest, 403)]
    [InlineData(DefenderForCloudReadPath.Rest, 503)]
    [InlineData(DefenderForCloudReadPath.ResourceGraph, 401)]
    [InlineData(DefenderForCloudReadPath.ResourceGraph, 400)]
    public async Task ErrorThatEchoesTheToken_TheTokenIsInNoLogNoMessageNoResult(DefenderForCloudReadPath path, int status)
    {
        await using var arm = new LoopbackArmServer((request, _) => Task.FromResult(Echo(request, status)));

        var (result, logs) = await RefreshAsync(arm, path, [Arm.Sub1]);

        var outcome = result.FindOutcome(DefenderForCloudProvider.ProviderName)!;
        outcome.Kind.Should().Be(ProviderOutcomeKind.Failed);
        outcome.ErrorMessage.Should().Contain("[redacted]", "the server's message is kept, without the token");
        AssertNoToken(result, logs);
        arm.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Header("Authorization") == "Bearer " + Arm.Token);
    }

    [Fact]
    public async Task OneSubscriptionFailsWithAnEchoOfTheToken_TheCoveragePartNamesTheStatusWithoutTheToken()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 10), new GeneratedSubscription(Arm.Sub2, "B", 10))
        {
            Intercept = r => r.Path.StartsWith($"/subscriptions/{Arm.Sub2}/", StringComparison.Ordinal) ? Echo(r, 403) : null,
        };
        await using var arm = new LoopbackArmServer(tenant.HandleAsync);

        var (result, logs) = await RefreshAsync(arm, DefenderForCloudReadPath.Rest, [Arm.Sub1, Arm.Sub2]);

        var outcome = result.FindOutcome(DefenderForCloudProvider.ProviderName)!;
        outcome.Kind.Should().Be(ProviderOutcomeKind.Succeeded);
        outcome.Coverage.Parts.Should().Contain(p => p.Name == Arm.Sub2 && p.Status == SourceStatus.Failed && p.Detail.Contains("403", StringComparison.Ordinal));
        AssertNoToken(result, logs);
    }

    [Fact]
    public async Task NextLinkToAnotherHost_IsRefusedBeforeAnyRequestToIt_AndTheTokenIsInNoLog()
    {
        await using var foreign = new LoopbackArmServer((_, _) => Task.FromResult(ArmResponse.Json("""{"value":[]}""")));
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 10))
        {
            Intercept = r => r.Path.EndsWith("/providers/Microsoft.Security/assessments", StringComparison.Ordinal)
                ? ArmResponse.Json("{\"value\":[],\"nextLink\":\"http://localhost:" + foreign.Port + "/subscriptions/" + Arm.Sub1 + "/providers/Microsoft.Security/assessments?$skiptoken=2\"}")
                : null,
        };
        await using var arm = new LoopbackArmServer(tenant.HandleAsync);

        var (result, logs) = await RefreshAsync(arm, DefenderForCloudReadPath.Rest, [Arm.Sub1]);

        var outcome = result.FindOutcome(DefenderForCloudProvider.ProviderName)!;
        (outcome.ErrorMessage + " " + string.Join(" ", outcome.Coverage.Parts.Select(p => p.Detail))).Should().Contain("localhost");
        foreign.Requests.Should().BeEmpty("the nextLink's host is checked before any request is made to it");
        AssertNoToken(result, logs);
    }

    /// <summary>A misbehaving server (or proxy) that repeats the request's Authorization header in its error message.</summary>
    private static ArmResponse Echo(ArmRequest request, int status) => new(
        status,
        "{\"error\":{\"code\":\"Echo" + status + "\",\"message\":\"Header " + request.Header("Authorization") + " refused; token " + Arm.Token + ".\"}}",
        new Dictionary<string, string> { ["Retry-After"] = "0", ["x-ms-request-id"] = "req-echo" });

    private static async Task<(RefreshResult Result, IReadOnlyList<FakeLogRecord> Logs)> RefreshAsync(LoopbackArmServer arm, DefenderForCloudReadPath path, string[] subscriptions)
    {
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Trace));
        using var provider = Arm.Provider(
            arm,
            o =>
            {
                o.ReadPath = path;
                o.MaxRetries = 1;
                foreach (var s in subscriptions)
                {
                    o.Subscriptions.Add(s);
                }
            },
            logger: factory.CreateLogger("ExposureSdk.Providers.DefenderForCloud"));
        var options = new ExposureRefreshPipelineOptions { TenantId = "contoso", SeedHistoryFromSources = false, ProviderTimeout = Arm.Bound };
        var pipeline = new ExposureRefreshPipeline([provider], new InMemoryScoreHistoryStore(), options, logger: factory.CreateLogger<ExposureRefreshPipeline>());
        var result = await pipeline.RefreshAsync().WaitAsync(Arm.Bound);
        return (result, collector.GetSnapshot());
    }

    private static void AssertNoToken(RefreshResult result, IReadOnlyList<FakeLogRecord> logs)
    {
        logs.Should().NotBeEmpty("the pipeline logs every refresh");
        logs.Should().OnlyContain(r => !r.Message.Contains(Arm.Token, StringComparison.Ordinal) && (r.Exception == null || !r.Exception.ToString().Contains(Arm.Token, StringComparison.Ordinal)));
        logs.SelectMany(r => r.StructuredState ?? []).Should().NotContain(p => p.Value != null && p.Value.Contains(Arm.Token, StringComparison.Ordinal));
        result.Outcomes.Should().NotContain(o => o.ErrorMessage != null && o.ErrorMessage.Contains(Arm.Token, StringComparison.Ordinal));
        result.Outcomes.Should().NotContain(o => o.Coverage.Detail.Contains(Arm.Token, StringComparison.Ordinal) || o.Coverage.Parts.Any(p => p.Detail.Contains(Arm.Token, StringComparison.Ordinal)));
        result.Warnings.Should().NotContain(w => w.Contains(Arm.Token, StringComparison.Ordinal));
    }
}
