using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Pipeline;

public sealed class ExposureRefreshPipelineTests
{
    [Fact]
    public async Task RefreshAsync_AllProvidersSucceed_ScoresMergedRecordsAndStoresCard()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();

        var result = await f.RefreshAsync(pipeline);

        result.IsComplete.Should().BeTrue();
        result.Outcomes.Select(o => (o.ProviderName, o.Kind)).Should().Equal(("graph", ProviderOutcomeKind.Succeeded), ("cloud", ProviderOutcomeKind.Succeeded));
        result.FindOutcome("graph")!.Counts.Should().Be(new ProviderRecordCounts(1, 0, 10, 0, 0));
        result.Card.FindMetric("m-identity")!.Score.Should().BeApproximately(50, 1e-9);
        result.Card.FindMetric("m-cloud")!.Score.Should().BeApproximately(100, 1e-9);
        result.Card.FindMetric("m-mixed")!.Score.Should().BeApproximately(75, 1e-9, "scope 20 assets, 5 affected");
        result.StaleMetrics.Should().BeEmpty();
        result.Baseline.Should().BeNull();
        result.Events.Should().BeEmpty("there is no baseline on the first day");
        (await f.History.GetLatestCardAsync("contoso"))!.AsOf.Should().Be(result.AsOf);
        f.Published.Should().ContainSingle().Which.Should().BeSameAs(result);
        pipeline.LastResult.Should().BeSameAs(result);
    }

    [Fact]
    public async Task RefreshAsync_NextDayWithDrop_RaisesDropEventsAgainstYesterday()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        var day1 = await f.RefreshAsync(pipeline);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));
        f.SetGraph(unhealthyUsers: 7);

        var result = await f.RefreshAsync(pipeline);

        result.Baseline!.AsOf.Should().Be(day1.AsOf);
        result.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-identity" && Math.Abs(e.Drop!.Value - 20) < 1e-9);
        result.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-mixed");
        result.Events.Should().Contain(e => e.Kind == SecurityEventKind.InitiativeScoreDrop && e.SubjectId == "i-identity");
        (await f.History.GetEventsAsync("contoso", PipelineFixture.Day1, PipelineFixture.Day1.AddDays(2))).Should().HaveCount(result.Events.Count);
    }

    [Fact]
    public async Task RefreshAsync_ScoresThatCannotBeCompared_AreReportedAsMissingWithTheReason()
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        var first = await f.RefreshAsync(pipeline);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));
        f.Cloud.Fault = ProviderFault.Throws;

        var second = await f.RefreshAsync(pipeline);

        first.MissingScores.Should().OnlyContain(m => m.Reason == MissingScoreReason.NoBaseline);
        first.MissingScores.Select(m => m.SubjectId).Should().BeEquivalentTo(["m-identity", "m-cloud", "m-mixed", "i-identity", "i-all"]);
        second.MissingScores.Select(m => (m.SubjectId, m.Reason)).Should().BeEquivalentTo(new[]
        {
            ("m-cloud", MissingScoreReason.StaleToday),
            ("m-mixed", MissingScoreReason.StaleToday),
            ("i-all", MissingScoreReason.StaleToday),
        });
        second.MissingScores.Should().OnlyContain(m => m.Detail!.Contains("'cloud'", StringComparison.Ordinal));
        second.Events.Select(e => e.SubjectId).Should().NotIntersectWith(second.MissingScores.Select(m => m.SubjectId));
    }

    [Theory]
    [InlineData(ProviderFault.Throws, ProviderOutcomeKind.Failed)]
    [InlineData(ProviderFault.HangsHonouringCancellation, ProviderOutcomeKind.TimedOut)]
    [InlineData(ProviderFault.HangsIgnoringCancellation, ProviderOutcomeKind.TimedOut)]
    [InlineData(ProviderFault.CancelsItself, ProviderOutcomeKind.Cancelled)]
    [InlineData(ProviderFault.YieldsNullRecord, ProviderOutcomeKind.Failed)]
    [InlineData(ProviderFault.YieldsDuplicateIds, ProviderOutcomeKind.Failed)]
    [InlineData(ProviderFault.YieldsMalformedAssessment, ProviderOutcomeKind.Failed)]
    [InlineData(ProviderFault.BuildsIllFormedText, ProviderOutcomeKind.Failed)]
    public async Task RefreshAsync_ProviderFault_OthersScoredFailureReportedNoFalseDrop(ProviderFault fault, ProviderOutcomeKind expected)
    {
        var f = new PipelineFixture();
        var pipeline = f.CreatePipeline();
        var day1 = await f.RefreshAsync(pipeline);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));
        f.SetGraph(unhealthyUsers: 7);
        f.SetCloud(unhealthyAccounts: 10); // would be a 100-point drop of m-cloud if it were scored
        f.Cloud.Fault = fault;

        var result = await f.RefreshAsync(pipeline);

        var cloud = result.FindOutcome("cloud")!;
        cloud.Kind.Should().Be(expected);
        cloud.ErrorMessage.Should().NotBeNullOrWhiteSpace();
        if (fault == ProviderFault.BuildsIllFormedText)
        {
            cloud.ErrorMessage.Should().Contain("lone surrogate (U+D800) at index 2");
        }

        cloud.Counts.Should().Be(default(ProviderRecordCounts));
        cloud.UsedLastKnownData.Should().BeTrue();
        cloud.LastSucceededAt.Should().NotBeNull().And.BeOnOrBefore(PipelineFixture.Day1.AddDays(1));
        result.FindOutcome("graph")!.Kind.Should().Be(ProviderOutcomeKind.Succeeded);
        result.IsComplete.Should().BeFalse();

        // The other provider's data is scored and its real drop is reported.
        result.Card.FindMetric("m-identity")!.Score.Should().BeApproximately(30, 1e-9);
        result.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-identity");

        // The failed provider's metrics are stale with the reason, and raise no drop event.
        result.StaleMetrics.Select(m => m.Id.Value).Should().BeEquivalentTo("m-cloud", "m-mixed");
        result.StaleMetrics.Should().OnlyContain(m => m.StaleReason!.Contains("'cloud'", StringComparison.Ordinal));
        result.StaleInitiatives.Select(i => i.Id.Value).Should().BeEquivalentTo("i-all");
        result.Events.Select(e => e.SubjectId).Should().NotContain(["m-cloud", "m-mixed", "i-all"]);
        f.Published.Last().StaleMetrics.Should().HaveCount(2);
        day1.IsComplete.Should().BeTrue();
    }

    [Fact]
    public async Task RefreshAsync_ProviderFailsAfterRestartWithoutLastKnownData_NoFalseDropForLostMembers()
    {
        var history = new InMemoryScoreHistoryStore();
        var day1 = new PipelineFixture(history);
        await day1.RefreshAsync(day1.CreatePipeline());

        // A new process: same history, no last known data of the providers.
        var f = new PipelineFixture(history);
        f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(1));
        f.Cloud.Fault = ProviderFault.Throws;

        var result = await f.RefreshAsync(f.CreatePipeline());

        result.FindOutcome("cloud")!.UsedLastKnownData.Should().BeFalse();
        result.Card.FindMetric("m-mixed")!.Score.Should().BeApproximately(50, 1e-9, "only graph's half of the scope is left");
        result.StaleMetrics.Select(m => m.Id).Should().Contain(["m-cloud", "m-mixed"]);
        result.Events.Should().NotContain(e => e.SubjectId == "m-mixed" || e.SubjectId == "m-cloud" || e.SubjectId == "i-all");
        result.Warnings.Should().Contain(w => w.Contains("m-mixed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefreshAsync_SameRecommendationFromTwoProviders_KeepsFirstAndRecordsProvenance()
    {
        var first = new InMemoryExposureSourceProviderBuilder("first").With(SampleData.Recommendation("shared", Impact.High)).Build();
        var second = new InMemoryExposureSourceProviderBuilder("second").With(SampleData.Recommendation("shared", Impact.Low)).With(SampleData.Recommendation("own")).Build();
        var pipeline = new ExposureRefreshPipeline([first, second], new InMemoryScoreHistoryStore(), new ExposureRefreshPipelineOptions(), timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero)));

        var result = await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);

        result.Snapshot.Recommendations.Select(r => r.Id.Value).Should().Equal("shared", "own");
        result.Snapshot.Recommendations[0].Impact.Should().Be(Impact.High, "the first provider by registration order wins");
        result.Provenance[new RecommendationId("shared")].Should().Equal("first", "second");
        result.Provenance[new RecommendationId("own")].Should().Equal("second");
    }

    [Fact]
    public async Task RefreshAsync_SubscriberThrows_RefreshCompletesAndLaterSubscribersRun()
    {
        var f = new PipelineFixture();
        var after = new CountingSubscriber();
        var pipeline = new ExposureRefreshPipeline([f.Graph, f.Cloud], f.History, PipelineFixture.Options(), [new ThrowingSubscriber(), after], f.Clock);

        var result = await f.RefreshAsync(pipeline);

        result.IsComplete.Should().BeTrue();
        after.Calls.Should().Be(1);
    }

    [Fact]
    public async Task RefreshAsync_CallerCancels_ThrowsAndStoresNothing()
    {
        var f = new PipelineFixture();
        f.Graph.Fault = ProviderFault.HangsHonouringCancellation;
        var pipeline = f.CreatePipeline();
        using var cts = new CancellationTokenSource();

        var task = pipeline.RefreshAsync(cts.Token);
        await cts.CancelAsync();

        await task.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        (await f.History.GetLatestCardAsync("contoso")).Should().BeNull();
        pipeline.LastResult.Should().BeNull();
    }

    [Fact]
    public async Task RefreshAsync_OldCards_ArePurgedAfterRetention()
    {
        var f = new PipelineFixture();
        var options = PipelineFixture.Options();
        options.HistoryRetentionDays = 2;
        var pipeline = new ExposureRefreshPipeline([f.Graph, f.Cloud], f.History, options, timeProvider: f.Clock);

        for (var day = 0; day < 5; day++)
        {
            f.Clock.SetUtcNow(PipelineFixture.Day1.AddDays(day));
            await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);
        }

        var cards = await f.History.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        cards.Select(c => c.AsOf).Should().Equal(PipelineFixture.Day1.AddDays(2), PipelineFixture.Day1.AddDays(3), PipelineFixture.Day1.AddDays(4));
    }

    [Fact]
    public void Constructor_DuplicateProviderNames_Throws()
    {
        var a = new InMemoryExposureSourceProviderBuilder("same").Build();
        var b = new InMemoryExposureSourceProviderBuilder("same").Build();

        var act = () => new ExposureRefreshPipeline([a, b], new InMemoryScoreHistoryStore(), new ExposureRefreshPipelineOptions());

        act.Should().Throw<ArgumentException>().WithMessage("*'same'*");
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheOption()
    {
        var act = () => new ExposureRefreshPipeline([], new InMemoryScoreHistoryStore(), new ExposureRefreshPipelineOptions { Scoring = { LowWeight = 0 } });

        act.Should().Throw<ArgumentException>().WithMessage("*Scoring*LowWeight*");
    }

    private sealed class ThrowingSubscriber : IExposureEventSubscriber
    {
        public ValueTask OnRefreshedAsync(RefreshResult result, CancellationToken cancellationToken) => throw new InvalidOperationException("subscriber bug");
    }

    private sealed class CountingSubscriber : IExposureEventSubscriber
    {
        public int Calls { get; private set; }

        public ValueTask OnRefreshedAsync(RefreshResult result, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.CompletedTask;
        }
    }
}
