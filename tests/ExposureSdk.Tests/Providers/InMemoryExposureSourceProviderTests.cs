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

public sealed class InMemoryExposureSourceProviderPullTests
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(3); // a hang guard, generous for a loaded machine

    [Fact]
    public async Task PullAsync_ReplacedBetweenEveryListThousandsOfTimes_EachPullSeesExactlyOneGeneration()
    {
        var generations = Enumerable.Range(0, 8).Select(g => Generations.Snapshot(g)).ToArray();
        var provider = new InMemoryExposureSourceProvider("memory", generations[0]);
        var next = 0;

        await Body().WaitAsync(TestTimeout);

        async Task Body()
        {
            for (var pull = 0; pull < 4_000; pull++)
            {
                await using var context = new SourcePullContext(Generations.AsOf);
                var batch = await provider.PullAsync(context);

                // A new generation arrives before every list of the pull is read.
                var read = await Generations.ReadAsync(batch, () => provider.Replace(generations[++next % generations.Length]));

                Generations.Of(read).Should().ContainSingle($"pull {pull} must see one generation");
                read.Assessments.Should().HaveCount(6);
            }
        }
    }

    [Fact]
    public async Task RefreshAsync_ProviderReplacedConcurrentlyThousandsOfTimes_EachRefreshScoresExactlyOneGeneration()
    {
        var generations = Enumerable.Range(0, 8).Select(g => Generations.Snapshot(g)).ToArray();
        var provider = new InMemoryExposureSourceProvider("memory", generations[0]);
        var pipeline = new ExposureSdk.Pipeline.ExposureRefreshPipeline(
            [provider],
            new ExposureSdk.History.InMemoryScoreHistoryStore(),
            new ExposureSdk.Pipeline.ExposureRefreshPipelineOptions { TenantId = "contoso", SeedHistoryFromSources = false },
            timeProvider: new FakeTimeProvider(Generations.AsOf));
        using var stop = new CancellationTokenSource();
        var replacements = 0L;
        var replacer = Task.Run(() =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                provider.Replace(generations[i % generations.Length]);
                Interlocked.Increment(ref replacements);
            }
        });

        try
        {
            await Body().WaitAsync(TestTimeout);
        }
        finally
        {
            await stop.CancelAsync();
            await replacer.WaitAsync(TestTimeout);
        }

        Interlocked.Read(ref replacements).Should().BeGreaterThan(2_000, "the data must have been replaced thousands of times during the refreshes");

        async Task Body()
        {
            var seen = new HashSet<string>();
            for (var refresh = 0; refresh < 2_000; refresh++)
            {
                var result = await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);

                result.Outcomes.Should().ContainSingle().Which.Succeeded.Should().BeTrue();
                var prefixes = Generations.Of(result.Snapshot);
                prefixes.Should().ContainSingle($"refresh {refresh} must score one generation");
                result.Warnings.Should().BeEmpty("one generation has no dangling reference to drop");
                result.Snapshot.Assessments.Should().HaveCount(6);
                seen.Add(prefixes.Single());
            }

            seen.Should().HaveCountGreaterThan(1, "the refreshes ran while the data was being replaced");
        }
    }
}
