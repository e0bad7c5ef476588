using Azure.Core;
using ExposureSdk.Providers.MicrosoftGraph.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>Authentication with an Azure.Core <see cref="TokenCredential"/> (issue 11 §7), against the loopback Graph server.</summary>
public sealed class TokenCredentialTests
{
    /// <summary>A recognisable fake token: it must never show up in a log or a message.</summary>
    private const string Token = "eyJhbGciOiJub25lIn0.c2VjcmV0LWdyYXBoLXRva2VuLW11c3Qtbm90LWxlYWs.sig";

    private const string Profiles = "security/secureScoreControlProfiles";
    private const string Scores = "security/secureScores";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(2);

    private static LoopbackGraphServer FixtureServer() => new(LoopbackGraphServer.Routes(
        (Profiles, GraphTestAdapters.Fixture("secureScoreControlProfiles.v1.example.json")),
        (Scores, GraphTestAdapters.Fixture("secureScores.v1.example.json"))));

    private static async Task<List<Recommendation>> ReadAll(MicrosoftGraphSecureScoreProvider provider)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var list = new List<Recommendation>();
        await foreach (var r in provider.GetRecommendationsAsync(timeout.Token))
        {
            list.Add(r);
        }

        return list;
    }

    [Fact]
    public async Task Create_TokenCredential_SendsItsTokenAndAsksForTheGraphDefaultScope()
    {
        await using var server = FixtureServer();
        var credential = new FakeCredential(Token);
        using var provider = MicrosoftGraphSecureScoreProvider.Create(server.BaseUrl, credential);

        var recommendations = await ReadAll(provider);

        recommendations.Should().ContainSingle().Which.Id.Value.Should().Be("DLPEnabled");
        server.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Header("Authorization") == "Bearer " + Token);
        credential.Scopes.Should().NotBeEmpty().And.OnlyContain(s => s == $"http://127.0.0.1:{server.Port}/.default", "the scope is the base URL's origin + /.default");
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/.default")]
    [InlineData("https://graph.microsoft.us/v1.0", "https://graph.microsoft.us/.default")]
    [InlineData("https://dod-graph.microsoft.us/v1.0", "https://dod-graph.microsoft.us/.default")]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/v1.0", "https://microsoftgraph.chinacloudapi.cn/.default")]
    public void Scope_NationalClouds_IsTheCloudsGraphDefaultScope(string baseUrl, string scope)
        => GraphSettings.From(new MicrosoftGraphProviderOptions { BaseUrl = new Uri(baseUrl) }).Scope.Should().Be(scope);

    [Fact]
    public async Task HostPinnedAccessTokenProvider_FromCredential_AsksTheCredentialOnlyForTheGraphOrigin()
    {
        var settings = GraphSettings.From(new MicrosoftGraphProviderOptions { AllowedHosts = { "graph.example" } });
        var credential = new FakeCredential(Token);
        var tokens = HostPinnedAccessTokenProvider.FromCredential(credential, settings.Scope, settings.AllowedHosts, settings.IsAllowed);

        (await tokens.GetAuthorizationTokenAsync(new Uri("https://evil.example/v1.0/security/secureScores"))).Should().BeEmpty();
        (await tokens.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com:8443/v1.0/security/secureScores"))).Should().BeEmpty("another port is another origin");
        (await tokens.GetAuthorizationTokenAsync(new Uri("http://graph.microsoft.com/v1.0/security/secureScores"))).Should().BeEmpty("another scheme is another origin");
        (await tokens.GetAuthorizationTokenAsync(new Uri("https://user@graph.microsoft.com/v1.0/security/secureScores"))).Should().BeEmpty("user information is refused");
        credential.Scopes.Should().BeEmpty("the credential is not even asked for a foreign URL");

        (await tokens.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com/v1.0/security/secureScores"))).Should().Be(Token);
        (await tokens.GetAuthorizationTokenAsync(new Uri("https://graph.example/v1.0/security/secureScores?page=2"))).Should().Be(Token, "an extra allowed host on its default port");
        credential.Scopes.Should().Equal("https://graph.microsoft.com/.default", "https://graph.microsoft.com/.default");
    }

    [Fact]
    public async Task Create_TokenCredentialWithRetriesAndRateLimit_NeverLogsTheToken()
    {
        var calls = 0;
        await using var server = new LoopbackGraphServer((request, _) => Task.FromResult(
            Interlocked.Increment(ref calls) == 1
                ? LoopbackResponse.Error(429, "TooManyRequests", "req-429", ("Retry-After", "0"))
                : LoopbackResponse.Json(request.Path.EndsWith(Scores, StringComparison.Ordinal)
                    ? GraphTestAdapters.Fixture("secureScores.v1.example.json")
                    : GraphTestAdapters.Fixture("secureScoreControlProfiles.v1.example.json"))));
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Trace));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero));
        using var provider = MicrosoftGraphSecureScoreProvider.Create(
            server.BaseUrl,
            new FakeCredential(Token),
            new MicrosoftGraphProviderOptions { MaxConcurrency = 1, MaxRequestsPerMinute = 2, RetryBaseDelay = TimeSpan.Zero },
            time,
            factory.CreateLogger("ExposureSdk.Providers.MicrosoftGraph"));

        var read = ReadAll(provider);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!read.IsCompleted && watch.Elapsed < TestTimeout)
        {
            await Task.WhenAny(read, Task.Delay(15));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        (await read.WaitAsync(TestTimeout)).Should().ContainSingle();
        var records = collector.GetSnapshot();
        records.Select(r => r.Id.Id).Should().Contain(4150, "the 429 was retried").And.Contain(4151, "the third request waited for a rate slot");
        records.Should().OnlyContain(r => !r.Message.Contains(Token, StringComparison.Ordinal) && (r.Exception == null || !r.Exception.ToString().Contains(Token, StringComparison.Ordinal)));
        records.SelectMany(r => r.StructuredState ?? []).Should().OnlyContain(p => p.Value == null || !p.Value.Contains(Token, StringComparison.Ordinal));
        server.Requests.Should().OnlyContain(r => r.Header("Authorization") == "Bearer " + Token);
    }

    [Fact]
    public async Task Create_CredentialFails_ReadFailsWithTheCredentialsErrorAndSendsNothing()
    {
        await using var server = FixtureServer();
        var credential = new FakeCredential(Token) { Failure = new InvalidOperationException("no Azure CLI login") };
        using var provider = MicrosoftGraphSecureScoreProvider.Create(server.BaseUrl, credential);

        var act = () => provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout);

        var failure = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        failure.InnerException.Should().BeSameAs(credential.Failure);
        server.Requests.Should().BeEmpty("no request goes out without a token");
    }

    [Fact]
    public void Create_NullCredential_Throws()
    {
        var act = () => MicrosoftGraphSecureScoreProvider.Create(MicrosoftGraphCloud.Global, (TokenCredential)null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("credential");
    }

    [Fact]
    public async Task AddMicrosoftGraphSecureScore_CredentialFactory_ReadsWithTheContainersCredentialAndLogger()
    {
        await using var server = FixtureServer();
        var collector = new FakeLogCollector();
        var credential = new FakeCredential(Token);
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new FakeLoggerProvider(collector)))
            .AddSingleton<TokenCredential>(credential);
        services.AddExposureManagement().AddMicrosoftGraphSecureScore(server.BaseUrl, sp => sp.GetRequiredService<TokenCredential>());
        await using var container = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var provider = container.GetServices<ExposureSourceProvider>().OfType<MicrosoftGraphSecureScoreProvider>().Single();

        var history = await provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout);

        history.Should().NotBeEmpty();
        server.Requests.Should().ContainSingle().Which.Header("Authorization").Should().Be("Bearer " + Token);
        credential.Scopes.Should().OnlyContain(s => s == $"http://127.0.0.1:{server.Port}/.default");
    }

    [Fact]
    public void AddMicrosoftGraphSecureScore_CredentialFactoryReturnsNull_FailsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddExposureManagement().AddMicrosoftGraphSecureScore(MicrosoftGraphCloud.Global, _ => (TokenCredential)null!);
        using var container = services.BuildServiceProvider();

        var act = () => container.GetServices<ExposureSourceProvider>().ToList();

        act.Should().Throw<InvalidOperationException>().WithMessage("*credentialFactory*");
    }

    /// <summary>A credential that returns a fixed token and records the scopes it was asked for (no Azure call).</summary>
    private sealed class FakeCredential(string token) : TokenCredential
    {
        private readonly List<string> _scopes = [];

        public Exception? Failure { get; init; }

        public IReadOnlyList<string> Scopes
        {
            get
            {
                lock (_scopes)
                {
                    return [.. _scopes];
                }
            }
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (_scopes)
            {
                _scopes.AddRange(requestContext.Scopes);
            }

            return Failure is null ? new AccessToken(token, DateTimeOffset.MaxValue) : throw Failure;
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
