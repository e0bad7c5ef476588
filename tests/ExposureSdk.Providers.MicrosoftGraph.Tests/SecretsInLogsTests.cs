using ExposureSdk.History;
using ExposureSdk.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>
/// Secrets (issue 17 §6), the Graph provider through the refresh pipeline: every log record (the provider's and the
/// pipeline's, captured with <see cref="FakeLogger"/>), every error message and the refresh result are free of the
/// access token, on the paths where a server's answer ends up in a message: errors that echo the token, retries,
/// and a <c>@odata.nextLink</c> to another host, which is refused before any request is made to it.
/// </summary>
public sealed class SecretsInLogsTests
{
    /// <summary>A recognisable fake token: it must never show up in a log, a message or a result.</summary>
    private const string Token = "eyJhbGciOiJub25lIn0.c2VjcmV0cy1pbi1sb2dzLWdyYXBo.sig";

    private const string Profiles = "security/secureScoreControlProfiles";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    public static TheoryData<int, string> EchoingFailures => new()
    {
        { 401, "InvalidAuthenticationToken" },
        { 403, "Authorization_RequestDenied" },
        { 400, "BadRequest" },
        { 503, "ServiceUnavailable" },
    };

    [Theory]
    [MemberData(nameof(EchoingFailures))]
    public async Task ErrorThatEchoesTheToken_TheTokenIsInNoLogNoMessageNoResult(int status, string code)
    {
        // A misbehaving server (or proxy) that repeats the request's Authorization header in its error message.
        await using var graph = new LoopbackGraphServer((request, _) => Task.FromResult(new LoopbackResponse(
            status,
            "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Token " + request.Header("Authorization") + " was refused; again: " + Token + "\",\"innerError\":{\"request-id\":\"req-echo\"}}}",
            new Dictionary<string, string> { ["Retry-After"] = "0" })));
        var (result, logs) = await RefreshAsync(graph);

        var outcome = result.FindOutcome(MicrosoftGraphSecureScoreProvider.ProviderName)!;
        outcome.Kind.Should().Be(ProviderOutcomeKind.Failed);
        outcome.ErrorMessage.Should().Contain(code).And.Contain("[redacted]", "the server's message is kept, without the token").And.NotContain(Token);
        AssertNoToken(result, logs);
        graph.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Header("Authorization") == "Bearer " + Token);
    }

    [Fact]
    public async Task ReadWithRetries_TheTokenIsInNoLog()
    {
        var calls = 0;
        await using var graph = new LoopbackGraphServer((request, _) => Task.FromResult(
            Interlocked.Increment(ref calls) <= 2
                ? LoopbackResponse.Error(503, "ServiceUnavailable", "req-503", ("Retry-After", "0"))
                : LoopbackResponse.Json(request.Path.EndsWith(Profiles, StringComparison.Ordinal)
                    ? GraphTestAdapters.Fixture("secureScoreControlProfiles.v1.example.json")
                    : GraphTestAdapters.Fixture("secureScores.v1.example.json"))));

        var (result, logs) = await RefreshAsync(graph);

        result.FindOutcome(MicrosoftGraphSecureScoreProvider.ProviderName)!.Kind.Should().Be(ProviderOutcomeKind.Succeeded);
        logs.Should().Contain(r => r.Id.Id == 4150, "the retries are logged");
        AssertNoToken(result, logs);
    }

    [Fact]
    public async Task NextLinkToAnotherHost_IsRefusedBeforeAnyRequestToIt_AndTheTokenIsInNoLog()
    {
        await using var foreign = new LoopbackGraphServer((_, _) => Task.FromResult(LoopbackResponse.Json("""{"value":[]}""")));
        await using var graph = new LoopbackGraphServer((request, _) => Task.FromResult(LoopbackResponse.Json(
            request.Path.EndsWith(Profiles, StringComparison.Ordinal)
                ? $$"""{"@odata.nextLink":"http://localhost:{{foreign.Port}}/v1.0/{{Profiles}}?$skiptoken=2","value":[]}"""
                : """{"value":[]}""")));

        var (result, logs) = await RefreshAsync(graph);

        var outcome = result.FindOutcome(MicrosoftGraphSecureScoreProvider.ProviderName)!;
        outcome.Kind.Should().Be(ProviderOutcomeKind.Failed);
        outcome.ErrorMessage.Should().Contain("localhost");
        foreign.Requests.Should().BeEmpty("the nextLink's host is checked before any request is made to it");
        AssertNoToken(result, logs);
    }

    private static async Task<(RefreshResult Result, IReadOnlyList<FakeLogRecord> Logs)> RefreshAsync(LoopbackGraphServer graph)
    {
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Trace));
        using var provider = MicrosoftGraphSecureScoreProvider.Create(
            graph.BaseUrl,
            _ => ValueTask.FromResult(Token),
            new MicrosoftGraphProviderOptions { RetryBaseDelay = TimeSpan.Zero, MaxRetries = 2 },
            logger: factory.CreateLogger("ExposureSdk.Providers.MicrosoftGraph"));
        var options = new ExposureRefreshPipelineOptions { TenantId = "contoso", SeedHistoryFromSources = false, ProviderTimeout = Bound };
        var pipeline = new ExposureRefreshPipeline([provider], new InMemoryScoreHistoryStore(), options, logger: factory.CreateLogger<ExposureRefreshPipeline>());
        var result = await pipeline.RefreshAsync().WaitAsync(Bound);
        return (result, collector.GetSnapshot());
    }

    private static void AssertNoToken(RefreshResult result, IReadOnlyList<FakeLogRecord> logs)
    {
        logs.Should().NotBeEmpty("the pipeline logs every refresh");
        logs.Should().OnlyContain(r => !r.Message.Contains(Token, StringComparison.Ordinal) && (r.Exception == null || !r.Exception.ToString().Contains(Token, StringComparison.Ordinal)));
        logs.SelectMany(r => r.StructuredState ?? []).Should().OnlyContain(p => p.Value == null || !p.Value.Contains(Token, StringComparison.Ordinal));
        result.Outcomes.Should().NotContain(o => o.ErrorMessage != null && o.ErrorMessage.Contains(Token, StringComparison.Ordinal));
        result.Outcomes.Should().NotContain(o => o.Coverage.Detail.Contains(Token, StringComparison.Ordinal) || o.Coverage.Parts.Any(p => p.Detail.Contains(Token, StringComparison.Ordinal)));
        result.Warnings.Should().NotContain(w => w.Contains(Token, StringComparison.Ordinal));
    }
}
