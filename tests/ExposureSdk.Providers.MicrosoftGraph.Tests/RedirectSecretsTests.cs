namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>
/// Secrets (issue 17 §6): a redirect (302, 307) from the Graph host to another host never carries the
/// Authorization header. (A <c>@odata.nextLink</c> to another host is refused before any request: see
/// <c>MicrosoftGraphSecureScoreProviderTests</c>.)
/// </summary>
public sealed class RedirectSecretsTests
{
    private const string Token = "eyJhbGciOiJub25lIn0.cmVkaXJlY3QtdG9rZW4tbXVzdC1ub3QtbGVhaw.sig";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task RedirectToAnotherHost_NeverCarriesTheAuthorizationHeader(int status)
    {
        await using var foreign = new LoopbackGraphServer((_, _) => Task.FromResult(LoopbackResponse.Json("""{"value":[]}""")));
        await using var graph = new LoopbackGraphServer((request, _) => Task.FromResult(
            request.Path.EndsWith("secureScoreControlProfiles", StringComparison.Ordinal)
                ? new LoopbackResponse(status, string.Empty, new Dictionary<string, string> { ["Location"] = $"http://localhost:{foreign.Port}/v1.0/security/secureScoreControlProfiles" })
                : LoopbackResponse.Json("""{"value":[]}""")));
        using var provider = MicrosoftGraphSecureScoreProvider.Create(graph.BaseUrl, _ => ValueTask.FromResult(Token));

        using var timeout = new CancellationTokenSource(TestTimeout);
        Exception? failure = null;
        try
        {
            await foreach (var _ in provider.GetRecommendationsAsync(timeout.Token))
            {
            }
        }
        catch (ExposureSourceException ex)
        {
            failure = ex;
        }

        graph.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Header("Authorization") == "Bearer " + Token, "the Graph host gets the token");
        foreign.Requests.Should().OnlyContain(r => r.Header("Authorization") == null, "another host never gets the token, whether or not the redirect is followed");
        (failure is not null || !foreign.Requests.IsEmpty).Should().BeTrue("the redirect is either refused with an error or followed without the token");
        failure?.Message.Should().NotContain(Token);
    }
}
