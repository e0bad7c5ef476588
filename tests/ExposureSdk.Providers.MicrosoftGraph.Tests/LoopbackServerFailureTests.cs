namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>
/// Issue 17: a test whose loopback server fails must fail at once, naming why, never wait. The server answers a
/// failing handler with a 500 naming the failure (so the read fails at once instead of waiting for the client's
/// timeout and retries), and disposing it throws, so the test fails even if the read's error were swallowed.
/// </summary>
public sealed class LoopbackServerFailureTests
{
    [Fact]
    public async Task HandlerThatFails_TheReadFailsAtOnceNamingIt_AndDisposingTheServerThrows()
    {
        var server = new LoopbackGraphServer((_, _) => throw new FileNotFoundException("secureScores.v1.example.json is missing"));
        using var provider = MicrosoftGraphSecureScoreProvider.Create(server.BaseUrl, _ => ValueTask.FromResult("t0ken-value"), new MicrosoftGraphProviderOptions { RetryBaseDelay = TimeSpan.Zero });

        var read = async () =>
        {
            await foreach (var _ in provider.GetRecommendationsAsync().WithCancellation(CancellationToken.None))
            {
            }
        };

        var failure = (await read.Should().ThrowAsync<ExposureSourceException>().WaitAsync(TimeSpan.FromSeconds(60))).Which;
        failure.Message.Should().Contain("secureScores.v1.example.json is missing");
        failure.StatusCode.Should().Be(500);
        var dispose = async () => await server.DisposeAsync();
        (await dispose.Should().ThrowAsync<AggregateException>()).WithMessage("*secureScores.v1.example.json is missing*");
    }
}
