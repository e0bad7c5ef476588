using Azure.Core;
using ExposureSdk.Providers.MicrosoftGraph;
using ExposureSdk.Providers.MicrosoftGraph.Tests;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Authentication.Azure;

namespace ExposureSdk.Consumer.Tests;

/// <summary>
/// An app that uses the Microsoft Graph .NET SDK (Microsoft.Graph 6.10.0, built on Kiota 2.0) and the Graph
/// provider (built on Kiota 2.1.6) in one process (issue 11 §7): both read the loopback Graph server, the
/// provider also through the Graph client's own request adapter.
/// </summary>
public sealed class GraphSdkConsumerTests
{
    private const string Profiles = "security/secureScoreControlProfiles";
    private const string Scores = "security/secureScores";
    private const string SdkToken = "graph-sdk-token";
    private const string ProviderToken = "provider-token";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(2);

    private static string Fixture(string name) => File.ReadAllText(TestPaths.Fixture("graph", name));

    private static LoopbackGraphServer FixtureServer() => new(LoopbackGraphServer.Routes(
        (Profiles, Fixture("secureScoreControlProfiles.v1.example.json")),
        (Scores, Fixture("secureScores.v1.example.json"))));

    /// <summary>
    /// A Graph client authenticating the way Microsoft.Graph does with a credential (Kiota's
    /// <c>AzureIdentityAuthenticationProvider</c>), with the loopback host allowed: the client's default
    /// allow-list holds only the Graph cloud hosts, so it would send no token to 127.0.0.1.
    /// </summary>
    private static GraphServiceClient GraphClient(LoopbackGraphServer server)
        => new(new AzureIdentityAuthenticationProvider(new StaticCredential(SdkToken), ["127.0.0.1"], scopes: ["https://graph.microsoft.com/.default"]), server.BaseUrl.AbsoluteUri);

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
    public async Task Provider_OverTheGraphClientsRequestAdapter_ReadsTheLoopbackServer()
    {
        await using var server = FixtureServer();
        using var graph = GraphClient(server);
        using var provider = new MicrosoftGraphSecureScoreProvider(graph.RequestAdapter, new MicrosoftGraphProviderOptions { BaseUrl = server.BaseUrl });

        var recommendations = await ReadAll(provider);

        var dlp = recommendations.Should().ContainSingle().Which;
        dlp.Id.Value.Should().Be("DLPEnabled");
        dlp.Domain.Should().Be(SecurityDomain.Data);
        dlp.Counts.Should().Be(new ResultCounts(0, 1), "score 20 of maxScore 20 is fully scored");
        server.Requests.Select(r => r.Path).Should().BeEquivalentTo(["/v1.0/" + Profiles, "/v1.0/" + Scores]);
        server.Requests.Should().OnlyContain(r => r.Header("Authorization") == "Bearer " + SdkToken, "the Graph client's authentication provider signs the provider's requests");
    }

    [Fact]
    public async Task GraphSdkAndProvider_OneProcess_ReadTheSameSecureScores()
    {
        await using var server = FixtureServer();
        using var graph = GraphClient(server);
        using var provider = MicrosoftGraphSecureScoreProvider.Create(server.BaseUrl, new StaticCredential(ProviderToken));

        var fromSdk = await graph.Security.SecureScores.GetAsync().WaitAsync(TestTimeout);
        var fromProvider = await provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout);

        var sdkScore = fromSdk!.Value.Should().ContainSingle().Which;
        var entry = fromProvider.Should().ContainSingle().Which;
        entry.CreatedAt.Should().Be(sdkScore.CreatedDateTime!.Value);
        entry.CurrentScore.Should().Be(sdkScore.CurrentScore!.Value);
        entry.MaxScore.Should().Be(sdkScore.MaxScore!.Value);
        server.Requests.Where(r => r.Header("Authorization") == "Bearer " + SdkToken).Should().ContainSingle("the SDK's own read");
        server.Requests.Where(r => r.Header("Authorization") == "Bearer " + ProviderToken).Should().ContainSingle("the provider's read, with its own credential");
    }

    [Fact]
    public void KiotaAssemblies_OneLineForBoth_TheProvidersLine()
    {
        var abstractions = typeof(IRequestAdapter).Assembly.GetName();
        var graphCore = typeof(Microsoft.Graph.BaseGraphServiceClient).Assembly;

        abstractions.Version!.Major.Should().Be(2);
        abstractions.Version.Minor.Should().BeGreaterThanOrEqualTo(1, "the provider is built on Kiota 2.1");
        graphCore.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.Kiota.", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(a => a.Version!.Major == 2, "Microsoft.Graph 6.x is built on Kiota 2");
        AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == "Microsoft.Kiota.Abstractions").Should().Be(1, "one Kiota in the process");
        typeof(MicrosoftGraphSecureScoreProvider).Assembly.GetReferencedAssemblies().Single(a => a.Name == "Microsoft.Kiota.Abstractions").Version!.Major.Should().Be(2);
    }

    /// <summary>A credential with a fixed token (no Azure call).</summary>
    private sealed class StaticCredential(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => new(token, DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
            => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
