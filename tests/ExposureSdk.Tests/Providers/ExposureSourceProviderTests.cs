using System.Runtime.CompilerServices;
using ExposureSdk.Providers;
using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Providers;

public sealed class ExposureSourceProviderTests
{
    private sealed class ScriptedProvider(Func<CancellationToken, IAsyncEnumerable<Recommendation>> recommendations) : ExposureSourceProvider("Scripted")
    {
        public Func<CancellationToken, IAsyncEnumerable<Asset>>? Assets { get; init; }

        protected override IAsyncEnumerable<Recommendation> GetRecommendationsCoreAsync(CancellationToken cancellationToken) => recommendations(cancellationToken);

        protected override IAsyncEnumerable<Asset> GetAssetsCoreAsync(CancellationToken cancellationToken)
            => Assets?.Invoke(cancellationToken) ?? base.GetAssetsCoreAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<T> Yield<T>(IEnumerable<T> items, Exception? thenThrow = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        if (thenThrow is not null)
        {
            throw thenThrow;
        }
    }

    private static async Task<List<T>> Drain<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken = default)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task GetRecommendationsAsync_HookSucceeds_StreamsItsRecords()
    {
        var provider = new ScriptedProvider(ct => Yield([SampleData.Recommendation("r1"), SampleData.Recommendation("r2")], cancellationToken: ct));
        (await Drain(provider.GetRecommendationsAsync())).Select(r => r.Id.Value).Should().Equal("r1", "r2");
        (await Drain(provider.GetAssetsAsync())).Should().BeEmpty("hooks other than recommendations yield nothing by default");
    }

    [Fact]
    public async Task GetRecommendationsAsync_HookThrowsMidStream_WrapsInExposureSourceException()
    {
        var boom = new InvalidOperationException("socket closed");
        var provider = new ScriptedProvider(ct => Yield([SampleData.Recommendation("r1")], boom, ct));

        var thrown = await FluentActions.Awaiting(() => Drain(provider.GetRecommendationsAsync())).Should().ThrowAsync<ExposureSourceException>();
        thrown.Which.ProviderName.Should().Be("Scripted");
        thrown.Which.InnerException.Should().BeSameAs(boom);
        thrown.Which.Message.Should().Contain("Scripted").And.Contain("recommendations");
    }

    [Fact]
    public async Task GetRecommendationsAsync_HookThrowsBeforeEnumerating_WrapsInExposureSourceException()
    {
        var provider = new ScriptedProvider(_ => throw new FormatException("bad"));
        (await FluentActions.Awaiting(() => Drain(provider.GetRecommendationsAsync())).Should().ThrowAsync<ExposureSourceException>())
            .Which.InnerException.Should().BeOfType<FormatException>();
    }

    [Fact]
    public async Task GetRecommendationsAsync_HookReturnsNull_WrapsInExposureSourceException()
    {
        var provider = new ScriptedProvider(_ => null!);
        await FluentActions.Awaiting(() => Drain(provider.GetRecommendationsAsync())).Should().ThrowAsync<ExposureSourceException>();
    }

    [Fact]
    public async Task GetRecommendationsAsync_InvalidRecord_IsReportedAsInvalidRecordWithField()
    {
        var provider = new ScriptedProvider(ct => Yield<Recommendation>([], new ArgumentException("The value must not be empty.", "name"), ct));
        var thrown = await FluentActions.Awaiting(() => Drain(provider.GetRecommendationsAsync())).Should().ThrowAsync<ExposureSourceException>();
        thrown.Which.Field.Should().Be("recommendations");
        thrown.Which.Message.Should().Contain("invalid record");
    }

    [Fact]
    public async Task GetRecommendationsAsync_ExposureSourceException_PassesThroughUntouched()
    {
        var original = new ExposureSourceException("Scripted", "HTTP 503", statusCode: 503, requestId: "req-1");
        var provider = new ScriptedProvider(ct => Yield<Recommendation>([], original, ct));
        (await FluentActions.Awaiting(() => Drain(provider.GetRecommendationsAsync())).Should().ThrowAsync<ExposureSourceException>())
            .Which.Should().BeSameAs(original);
    }

    [Fact]
    public async Task GetRecommendationsAsync_Cancelled_ThrowsOperationCanceledUnwrapped()
    {
        using var cts = new CancellationTokenSource();
        var provider = new ScriptedProvider(ct => Yield(Enumerable.Range(0, 100).Select(i => SampleData.Recommendation("r" + i)), cancellationToken: ct));
        var seen = 0;
        var act = async () =>
        {
            await foreach (var _ in provider.GetRecommendationsAsync(cts.Token))
            {
                if (++seen == 3)
                {
                    await cts.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        seen.Should().Be(3);
    }

    [Fact]
    public async Task GetRecommendationsAsync_AlreadyCancelled_ThrowsBeforeCallingTheHook()
    {
        var called = false;
        var provider = new ScriptedProvider(ct =>
        {
            called = true;
            return Yield<Recommendation>([], cancellationToken: ct);
        });

        await FluentActions.Awaiting(() => Drain(provider.GetRecommendationsAsync(new CancellationToken(true)))).Should().ThrowAsync<OperationCanceledException>();
        called.Should().BeFalse();
    }

    [Fact]
    public async Task GetRecommendationsAsync_CancellationNotRequestedByCaller_IsWrapped()
    {
        // A timeout inside the provider (e.g. HttpClient) is a failure of the source, not a cancellation by the caller.
        var provider = new ScriptedProvider(ct => Yield<Recommendation>([], new TaskCanceledException("timeout"), ct));
        await FluentActions.Awaiting(() => Drain(provider.GetRecommendationsAsync())).Should().ThrowAsync<ExposureSourceException>();
    }

    [Fact]
    public async Task GetAssetsAsync_NullRecord_BecomesExposureSourceExceptionNamingTheIndex()
    {
        var provider = new ScriptedProvider(ct => Yield<Recommendation>([], cancellationToken: ct))
        {
            Assets = ct => Yield<Asset>([new Asset("a", AssetKind.Device), null!], cancellationToken: ct),
        };

        (await FluentActions.Awaiting(() => Drain(provider.GetAssetsAsync())).Should().ThrowAsync<ExposureSourceException>())
            .Which.Message.Should().Contain("assets[1]");
    }

    private sealed class NamedProvider(string name) : ExposureSourceProvider(name)
    {
        protected override IAsyncEnumerable<Recommendation> GetRecommendationsCoreAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Recommendation>();
    }

    [Fact]
    public void Constructor_EmptyOrNullName_Throws()
    {
        FluentActions.Invoking(() => new NamedProvider(" ")).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new NamedProvider(null!)).Should().Throw<ArgumentNullException>();
        new NamedProvider("Graph").ToString().Should().Be("Graph");
    }
}
