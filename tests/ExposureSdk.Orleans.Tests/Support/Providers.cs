using ExposureSdk.Providers;

namespace ExposureSdk.Orleans.Tests.Support;

/// <summary>A source whose every pull fails (an expired credential, a source that is down).</summary>
internal sealed class FailingProvider(string name = "failing") : ExposureSourceProvider(name)
{
    protected override Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken) =>
        throw new ExposureSourceException($"Provider '{Name}': the source answered 401 Unauthorized (test).");
}

/// <summary>A source that takes its time (honouring cancellation) before serving nothing.</summary>
internal sealed class SlowProvider(TimeSpan delay, string name = "slow") : ExposureSourceProvider(name)
{
    protected override async Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return new SourceBatch(AsyncEnumerable.Empty<Recommendation>());
    }
}
