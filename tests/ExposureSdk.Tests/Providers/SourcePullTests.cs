using System.Runtime.CompilerServices;
using ExposureSdk.Providers;
using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Providers;

/// <summary>The pull unit: <see cref="ExposureSourceProvider.PullAsync"/>, <see cref="SourceBatch"/> and <see cref="SourcePullContext"/>.</summary>
public sealed class SourcePullTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    /// <summary>A provider written against the per-list hooks only, as before the pull unit; counts hook calls.</summary>
    private sealed class HookProvider : ExposureSourceProvider
    {
        public HookProvider() : base("hooks") { }

        public List<string> Calls { get; } = [];

        protected override async IAsyncEnumerable<Recommendation> GetRecommendationsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Calls.Add("recommendations");
            await Task.Yield();
            yield return SampleData.Recommendation("r1");
        }

        protected override IAsyncEnumerable<Assessment> GetAssessmentsCoreAsync(CancellationToken cancellationToken)
        {
            Calls.Add("assessments");
            return SampleData.Results("r1", 1, 1).ToAsyncEnumerable();
        }
    }

    /// <summary>A provider that overrides the pull and hands its batch to the test.</summary>
    private sealed class PullProvider(Func<SourcePullContext, CancellationToken, Task<SourceBatch>> pull) : ExposureSourceProvider("pull")
    {
        protected override Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken) => pull(context, cancellationToken);
    }

    private sealed class NoHookProvider() : ExposureSourceProvider("nothing");

    private sealed class AsyncResource(List<string> log, string name) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            log.Add(name);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Resource(List<string> log, string name) : IDisposable
    {
        public void Dispose() => log.Add(name + " (sync)");
    }

    [Fact]
    public async Task PullAsync_ProviderWithHooksOnly_ComposesTheHooksAndCallsEachWhenItsListIsRead()
    {
        var provider = new HookProvider();
        await using var context = new SourcePullContext(At);

        var batch = await provider.PullAsync(context);
        provider.Calls.Should().BeEmpty("a hook runs when its list is read, as before");
        var read = await Generations.ReadAsync(batch);

        provider.Calls.Should().Equal("recommendations", "assessments");
        read.Recommendations.Should().ContainSingle().Which.Id.Value.Should().Be("r1");
        read.Assessments.Should().HaveCount(2);
        read.Assets.Should().BeEmpty();
        read.Metrics.Should().BeEmpty();
    }

    [Fact]
    public async Task PullAsync_ProviderOverridingNothing_FailsSayingWhatToOverride()
    {
        await using var context = new SourcePullContext(At);
        var batch = await new NoHookProvider().PullAsync(context);

        var error = (await FluentActions.Awaiting(() => batch.Recommendations.ToListAsync().AsTask()).Should().ThrowAsync<ExposureSourceException>()).Which;

        error.ProviderName.Should().Be("nothing");
        error.Message.Should().Contain("PullCoreAsync").And.Contain("GetRecommendationsCoreAsync");
    }

    [Fact]
    public async Task PullAsync_ContextUsedTwice_ThrowsArgumentException()
    {
        var provider = new HookProvider();
        await using var context = new SourcePullContext(At);
        await provider.PullAsync(context);

        (await FluentActions.Awaiting(() => provider.PullAsync(context)).Should().ThrowAsync<ArgumentException>())
            .Which.ParamName.Should().Be("context");
    }

    [Fact]
    public async Task PullAsync_DisposedOrNullContext_Throws()
    {
        var provider = new HookProvider();
        var context = new SourcePullContext(At);
        await context.DisposeAsync();

        await FluentActions.Awaiting(() => provider.PullAsync(context)).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => provider.PullAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task PullAsync_CoreThrows_WrapsInExposureSourceExceptionWithoutTheMessage()
    {
        var provider = new PullProvider((_, _) => throw new InvalidOperationException("secret-token-123"));
        await using var context = new SourcePullContext(At);

        var error = (await FluentActions.Awaiting(() => provider.PullAsync(context)).Should().ThrowAsync<ExposureSourceException>()).Which;

        error.ProviderName.Should().Be("pull");
        error.Message.Should().Contain("InvalidOperationException").And.NotContain("secret-token-123");
        error.InnerException.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public async Task PullAsync_CoreReturnsNoBatch_ThrowsExposureSourceException()
    {
        var provider = new PullProvider((_, _) => Task.FromResult<SourceBatch>(null!));
        await using var context = new SourcePullContext(At);

        (await FluentActions.Awaiting(() => provider.PullAsync(context)).Should().ThrowAsync<ExposureSourceException>())
            .Which.Message.Should().Contain("no batch");
    }

    [Fact]
    public async Task PullAsync_BatchYieldsNullOrFails_StreamsWrapNamingProviderAndList()
    {
        var provider = new PullProvider((_, _) => Task.FromResult(new SourceBatch(
            new[] { SampleData.Recommendation("r1") }.ToAsyncEnumerable(),
            assets: new Asset[] { new("a", AssetKind.Device), null! }.ToAsyncEnumerable(),
            metrics: Fail<Metric>(new IOException("connection reset")))));
        await using var context = new SourcePullContext(At);
        var batch = await provider.PullAsync(context);

        (await batch.Recommendations.ToListAsync()).Should().ContainSingle();
        (await FluentActions.Awaiting(() => batch.Assets.ToListAsync().AsTask()).Should().ThrowAsync<ExposureSourceException>())
            .Which.Message.Should().Contain("assets[1]");
        (await FluentActions.Awaiting(() => batch.Metrics.ToListAsync().AsTask()).Should().ThrowAsync<ExposureSourceException>())
            .Which.Message.Should().EndWith("Reading metrics failed: IOException.");
    }

    [Fact]
    public async Task PullAsync_Cancelled_ThrowsOperationCanceledUnwrapped()
    {
        using var cts = new CancellationTokenSource();
        var provider = new PullProvider(async (_, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return new SourceBatch(AsyncEnumerable.Empty<Recommendation>());
        });
        await using var context = new SourcePullContext(At);

        var thrown = await FluentActions.Awaiting(() => provider.PullAsync(context, cts.Token)).Should().ThrowAsync<OperationCanceledException>();
        thrown.Which.Should().NotBeOfType<ExposureSourceException>();
    }

    [Fact]
    public async Task PullAsync_BatchReadAfterCancellation_StreamsThrowOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var provider = new InMemoryExposureSourceProvider("memory", Generations.Snapshot(1));
        await using var context = new SourcePullContext(At);
        var batch = await provider.PullAsync(context, cts.Token);
        await cts.CancelAsync();

        await FluentActions.Awaiting(() => batch.Assessments.ToListAsync().AsTask()).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task PullAsync_ResourcesRegisteredByThePull_AreDisposedWhenTheContextEnds_InReverseOrder()
    {
        var log = new List<string>();
        var provider = new PullProvider((context, _) =>
        {
            context.RegisterForDispose(new AsyncResource(log, "first"));
            context.RegisterForDispose(new Resource(log, "second"));
            return Task.FromResult(new SourceBatch(AsyncEnumerable.Empty<Recommendation>()));
        });
        var context = new SourcePullContext(At);
        await Generations.ReadAsync(await provider.PullAsync(context));
        log.Should().BeEmpty("resources live until the pull ends");

        await context.DisposeAsync();
        await context.DisposeAsync();

        log.Should().Equal("second (sync)", "first");
        FluentActions.Invoking(() => context.RegisterForDispose(new Resource(log, "late"))).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public async Task DisposeAsync_OneResourceThrows_StillDisposesTheOthersThenRethrows()
    {
        var log = new List<string>();
        var context = new SourcePullContext(At);
        context.RegisterForDispose(new Resource(log, "a"));
        context.RegisterForDispose(new ThrowingResource());
        context.RegisterForDispose(new Resource(log, "c"));

        await FluentActions.Awaiting(() => context.DisposeAsync().AsTask()).Should().ThrowAsync<IOException>();
        log.Should().Equal("c (sync)", "a (sync)");
    }

    [Fact]
    public void Context_StartedAt_IsUtc()
    {
        new SourcePullContext(new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(2))).StartedAt
            .Should().Be(At).And.Subject!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task FromSnapshot_ServesEveryListOfTheSnapshot()
    {
        var snapshot = Generations.Snapshot(3);

        var read = await Generations.ReadAsync(SourceBatch.FromSnapshot(snapshot));

        read.Recommendations.Should().Equal(snapshot.Recommendations);
        read.Assets.Should().Equal(snapshot.Assets);
        read.Assessments.Should().Equal(snapshot.Assessments);
        read.Metrics.Should().Equal(snapshot.Metrics);
        read.Initiatives.Should().Equal(snapshot.Initiatives);
        FluentActions.Invoking(() => SourceBatch.FromSnapshot(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new SourceBatch(null!)).Should().Throw<ArgumentNullException>();
    }

    private sealed class ThrowingResource : IDisposable
    {
        public void Dispose() => throw new IOException("close failed");
    }

    private static async IAsyncEnumerable<T> Fail<T>(Exception ex)
    {
        await Task.Yield();
        throw ex;
#pragma warning disable CS0162 // An iterator needs a yield.
        yield break;
#pragma warning restore CS0162
    }
}
