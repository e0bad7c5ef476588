using ExposureSdk.Providers;
using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Providers;

public sealed class InMemoryExposureSourceProviderTests
{
    [Fact]
    public async Task GetRecommendationsAsync_FromRecords_YieldsThemInOrder()
    {
        var provider = new InMemoryExposureSourceProvider("memory", [SampleData.Recommendation("a"), SampleData.Recommendation("b")]);

        var ids = await provider.GetRecommendationsAsync().Select(r => r.Id.Value).ToListAsync();

        ids.Should().Equal("a", "b");
        provider.Name.Should().Be("memory");
        provider.RecommendationCount.Should().Be(2);
    }

    [Fact]
    public async Task Constructor_FromSnapshot_ServesEveryList()
    {
        var rec = SampleData.Recommendation("mfa");
        var snapshot = new ExposureSnapshot(
            "contoso",
            new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero),
            [rec],
            [new Asset("user-000", AssetKind.Identity)],
            SampleData.Results("mfa", 1, 1, "user"),
            [new Metric("m", "Metric", MetricWeight.High, ["mfa"])],
            [new Initiative("i", "Initiative", InitiativeKind.Workload, ["m"])]);
        var provider = new InMemoryExposureSourceProvider("memory", snapshot);

        (await provider.GetRecommendationsAsync().ToListAsync()).Should().ContainSingle().Which.Should().BeSameAs(rec);
        (await provider.GetAssetsAsync().ToListAsync()).Should().ContainSingle();
        (await provider.GetAssessmentsAsync().ToListAsync()).Should().HaveCount(2);
        (await provider.GetMetricsAsync().ToListAsync()).Should().ContainSingle().Which.Id.Should().Be(new MetricId("m"));
        (await provider.GetInitiativesAsync().ToListAsync()).Should().ContainSingle().Which.Id.Should().Be(new InitiativeId("i"));
    }

    [Fact]
    public async Task Replace_AfterCreation_NextEnumerationSeesNewRecords()
    {
        var provider = new InMemoryExposureSourceProvider("memory", [SampleData.Recommendation("old")]);
        var before = provider.GetRecommendationsAsync().GetAsyncEnumerator();
        (await before.MoveNextAsync()).Should().BeTrue();

        provider.Replace(new ExposureSnapshot("t", default, [SampleData.Recommendation("new1"), SampleData.Recommendation("new2")]));

        before.Current.Id.Value.Should().Be("old");
        (await before.MoveNextAsync()).Should().BeFalse("an enumeration in progress keeps its records");
        await before.DisposeAsync();
        (await provider.GetRecommendationsAsync().Select(r => r.Id.Value).ToListAsync()).Should().Equal("new1", "new2");
    }

    [Fact]
    public async Task GetRecommendationsAsync_Cancelled_ThrowsOperationCanceled()
    {
        var provider = new InMemoryExposureSourceProvider("memory", [SampleData.Recommendation("a")]);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var act = async () => await provider.GetRecommendationsAsync(cts.Token).ToListAsync();

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Constructor_NullRecord_ThrowsNamingThePosition()
    {
        var act = () => new InMemoryExposureSourceProvider("memory", [SampleData.Recommendation("a"), null!]);

        act.Should().Throw<ArgumentNullException>().WithMessage("*recommendations[1]*");
    }

    [Fact]
    public void Constructor_EmptyName_Throws()
    {
        var act = () => new InMemoryExposureSourceProvider(" ", []);

        act.Should().Throw<ArgumentException>();
    }
}
