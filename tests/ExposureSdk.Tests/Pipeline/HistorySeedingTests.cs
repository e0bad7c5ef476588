using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Providers;
using ExposureSdk.ScoreCards;
using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Pipeline;

/// <summary>
/// Seeding an empty history from the providers' own record of earlier days. "graph" gives the
/// count-only recommendation mfa and keeps history; "cloud" gives storage with per-asset results and
/// keeps none. Metrics: m-identity = {mfa}; m-cloud = {storage}; m-mixed = {mfa, storage}.
/// </summary>
public sealed class HistorySeedingTests
{
    private static readonly DateTimeOffset Today = PipelineFixture.Day1; // 2026-11-20 06:00 UTC

    private readonly FakeTimeProvider _clock = new(Today);
    private readonly ScriptedProvider _graph = new("graph");
    private readonly ScriptedProvider _cloud = new("cloud");
    private readonly InMemoryScoreHistoryStore _history = new();

    public HistorySeedingTests()
    {
        _graph.Set([Mfa(affected: 5)]);
        _cloud.Set(
            [SampleData.Recommendation("storage", Impact.Medium, SecurityDomain.Cloud, "Defender for Cloud", "Microsoft Defender for Cloud")],
            SampleData.Results("storage", 10, 0, "account"));
    }

    [Fact]
    public async Task FirstRefresh_EmptyHistory_SeedsOneCardPerRecordedDayAndComparesWithSeededYesterday()
    {
        _graph.History.AddRange([Day(-3, affected: 2), Day(-2, affected: 2), Day(-1, affected: 2)]);

        var result = await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Select(c => c.AsOf).Should().Equal(At(-3), At(-2), At(-1));
        result.SeededCards.Should().OnlyContain(c => c.Origin == ScoreCardOrigin.SourceHistory);
        result.Card.Origin.Should().Be(ScoreCardOrigin.Refresh);
        var yesterday = result.SeededCards[^1];
        yesterday.FindMetric("m-identity")!.Score.Should().BeApproximately(80, 1e-9, "2 of 10 affected that day");
        yesterday.FindMetric("m-identity")!.Availability.Should().Be(ScoreAvailability.Available);
        yesterday.FindInitiative("i-identity")!.Score.Should().BeApproximately(80, 1e-9);

        // The first refresh already has a baseline, and the real drop from 80 to 50 is raised.
        result.Baseline.Should().BeSameAs(yesterday);
        result.Events.Where(e => e.Kind != SecurityEventKind.NewInitiative).Select(e => (e.Kind, e.SubjectId)).Should().BeEquivalentTo(new[]
        {
            (SecurityEventKind.MetricScoreDrop, "m-identity"),
            (SecurityEventKind.InitiativeScoreDrop, "i-identity"),
        });
        result.Events.Should().NotContain(e => e.Kind == SecurityEventKind.NewInitiative, "the seeded cards carry today's initiatives");
        result.Events.Single(e => e.SubjectId == "m-identity").Drop.Should().BeApproximately(30, 1e-9);

        var stored = await _history.GetCardsAsync("contoso", Today.AddDays(-10), Today.AddDays(1));
        stored.Select(c => c.Origin).Should().Equal(ScoreCardOrigin.SourceHistory, ScoreCardOrigin.SourceHistory, ScoreCardOrigin.SourceHistory, ScoreCardOrigin.Refresh);
    }

    [Fact]
    public async Task Seeding_SubjectsThatDependOnASourceWithoutHistory_AreStaleAndNeverCompared()
    {
        _graph.History.Add(Day(-1, affected: 0));
        _cloud.Set(
            [SampleData.Recommendation("storage", Impact.Medium, SecurityDomain.Cloud, "Defender for Cloud", "Microsoft Defender for Cloud")],
            SampleData.Results("storage", 0, 10, "account")); // m-cloud at 0 today: would be a 100-point drop

        var result = await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        var seeded = result.SeededCards.Should().ContainSingle().Subject;
        foreach (var id in new[] { "m-cloud", "m-mixed" })
        {
            seeded.FindMetric(id)!.Availability.Should().Be(ScoreAvailability.Stale);
            seeded.FindMetric(id)!.StaleReason.Should().Contain("'cloud' has no record of that day").And.Contain("2026-11-19");
        }

        seeded.FindInitiative("i-all")!.Availability.Should().Be(ScoreAvailability.Stale);
        seeded.FindInitiative("i-identity")!.Availability.Should().Be(ScoreAvailability.Available);
        seeded.SecureScore.Should().BeNull("the Secure Score covers storage, which has no history");
        result.Events.Select(e => e.SubjectId).Should().BeEquivalentTo(["m-identity", "i-identity"], "only subjects fed entirely by graph are compared");
    }

    [Fact]
    public async Task Seeding_AllRecommendationsHaveHistory_KeepsTheSecureScore()
    {
        var pipeline = new ExposureRefreshPipeline([_graph], _history, PipelineFixture.Options(), timeProvider: _clock);
        _graph.History.Add(Day(-1, affected: 4));

        var result = await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Single().SecureScore.Should().BeApproximately(60, 1e-9, "10 points × 6 healthy of 10");
        result.Card.SecureScore.Should().BeApproximately(50, 1e-9);
    }

    [Fact]
    public async Task Seeding_DropBetweenRecordedDays_StoresThatDaysEvent()
    {
        _graph.History.AddRange([Day(-3, affected: 1), Day(-2, affected: 4), Day(-1, affected: 4)]);

        await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        var events = await _history.GetEventsAsync("contoso", Today.AddDays(-10), At(-1, 0));
        events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-identity" && e.Date == At(-2) && Math.Abs(e.Drop!.Value - 30) < 1e-9);
        events.Should().NotContain(e => e.SubjectId == "m-cloud" || e.SubjectId == "m-mixed" || e.SubjectId == "i-all");
        events.Should().NotContain(e => e.Kind == SecurityEventKind.NewInitiative);
    }

    [Fact]
    public async Task Seeding_KeepsTheLatestRecordOfADay_AndIgnoresTodayTheFutureAndDaysBeyondRetention()
    {
        var options = PipelineFixture.Options();
        options.HistoryRetentionDays = 30;
        var pipeline = new ExposureRefreshPipeline([_graph, _cloud], _history, options, timeProvider: _clock);
        _graph.History.AddRange(
        [
            new SourceHistoryDay(At(-1, 23), [Mfa(affected: 3)]),
            new SourceHistoryDay(At(-1, 1), [Mfa(affected: 9)]), // earlier the same day
            new SourceHistoryDay(At(0, 1), [Mfa(affected: 9)]),             // today: the refresh's own day
            new SourceHistoryDay(Today.AddDays(2), [Mfa(affected: 9)]),                   // the future
            new SourceHistoryDay(Today.AddDays(-31), [Mfa(affected: 9)]),                 // beyond retention
        ]);

        var result = await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);

        var seeded = result.SeededCards.Should().ContainSingle().Subject;
        seeded.AsOf.Should().Be(At(-1, 23));
        seeded.FindMetric("m-identity")!.Score.Should().BeApproximately(70, 1e-9);
    }

    [Fact]
    public async Task Seeding_HugeHistory_KeepsOneCardPerDayWithinRetention()
    {
        // 20,000 records over 10,000 days (two per day, newest first as Graph returns them).
        for (var d = 1; d <= 10_000; d++)
        {
            _graph.History.Add(new SourceHistoryDay(At(-d, 20), [Mfa(affected: d % 10)]));
            _graph.History.Add(new SourceHistoryDay(At(-d, 4), [Mfa(affected: 9)]));
        }

        var result = await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Should().HaveCount(90, "retention is 90 days");
        result.SeededCards[^1].AsOf.Should().Be(At(-1, 20));
        result.SeededCards[^1].FindMetric("m-identity")!.Score.Should().BeApproximately(90, 1e-9, "the later record of the day counts");
        result.SeededCards[0].AsOf.Should().Be(At(-90, 20), "90 days before the refresh (06:00) is day -90 at 06:00: its 20:00 record is in, its 04:00 one is not");
    }

    [Fact]
    public async Task Seeding_DaysAreCalendarDaysOfTheConfiguredTimeZone()
    {
        var options = PipelineFixture.Options();
        options.ScoreDrop.TimeZoneId = "Pacific/Kiritimati"; // UTC+14: 2026-11-19 12:00 UTC is already 2026-11-20 there, like the refresh
        var pipeline = new ExposureRefreshPipeline([_graph, _cloud], _history, options, timeProvider: _clock);
        _graph.History.AddRange([new SourceHistoryDay(At(-1, 12), [Mfa(affected: 9)]), new SourceHistoryDay(At(-1, 2), [Mfa(affected: 2)])]);

        var result = await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Should().ContainSingle().Which.AsOf.Should().Be(At(-1, 2));
    }

    [Fact]
    public async Task LaterRefreshes_DoNotReadHistoryAgain()
    {
        _graph.History.Add(Day(-1, affected: 2));
        var pipeline = CreatePipeline();
        await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);
        _clock.SetUtcNow(Today.AddDays(1));

        var second = await pipeline.RefreshAsync().WaitAsync(TestBounds.Wait);

        second.SeededCards.Should().BeEmpty();
        _graph.HistoryReads.Should().Be(1);
        (await _history.GetCardsAsync("contoso", Today.AddDays(-10), Today.AddDays(2))).Should().HaveCount(3);
    }

    [Fact]
    public async Task HistoryAlreadyHoldsACard_NothingIsSeeded()
    {
        await _history.AppendAsync(new ScoreCard("contoso", Today.AddDays(-5), null, [], []), []);
        _graph.History.Add(Day(-1, affected: 2));

        var result = await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Should().BeEmpty();
        _graph.HistoryReads.Should().Be(0);
    }

    [Fact]
    public async Task SeedingSwitchedOff_HistoryIsNotRead()
    {
        var options = PipelineFixture.Options();
        options.SeedHistoryFromSources = false;
        _graph.History.Add(Day(-1, affected: 2));

        var result = await new ExposureRefreshPipeline([_graph, _cloud], _history, options, timeProvider: _clock).RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Should().BeEmpty();
        result.Baseline.Should().BeNull();
        _graph.HistoryReads.Should().Be(0);
    }

    [Theory]
    [InlineData(ProviderFault.Throws)]
    [InlineData(ProviderFault.YieldsNullRecord)]
    public async Task HistoryReadFails_RefreshSucceedsWithAWarningAndNoSeed(ProviderFault fault)
    {
        _graph.History.Add(Day(-1, affected: 0));
        _graph.HistoryFault = fault;

        var result = await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        result.IsComplete.Should().BeTrue();
        result.SeededCards.Should().BeEmpty();
        result.Baseline.Should().BeNull();
        result.Events.Should().BeEmpty();
        result.Warnings.Should().ContainSingle(w => w.Contains("Provider 'graph': its history could not be read", StringComparison.Ordinal));
        (await _history.GetCardsAsync("contoso", Today.AddDays(-10), Today.AddDays(1))).Should().ContainSingle();
    }

    [Fact]
    public async Task HistoryReadHangs_TimesOutOnTheProvidersTimeout()
    {
        var options = PipelineFixture.Options();
        options.ProviderTimeouts["graph"] = TimeSpan.FromMinutes(1);
        _graph.HistoryFault = ProviderFault.HangsHonouringCancellation;
        var refresh = new ExposureRefreshPipeline([_graph, _cloud], _history, options, timeProvider: _clock).RefreshAsync().WaitAsync(TestBounds.Wait * 2); // above the two bounded loops below

        // Move the clock only once the history read has started: moving it during the pulls could time them
        // out on a loaded machine. Both loops are bounded (at most about 2 minutes of real time in all).
        for (var i = 0; i < 24_000 && _graph.HistoryReads == 0 && !refresh.IsCompleted; i++)
        {
            await Task.Delay(5);
        }

        for (var i = 0; i < 500 && !refresh.IsCompleted; i++)
        {
            await Task.Delay(5);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        var result = await refresh;

        result.IsComplete.Should().BeTrue("the pulls finished before the clock moved");
        result.SeededCards.Should().BeEmpty();
        result.Warnings.Should().ContainSingle(w => w.Contains("timeout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProviderThatFailedItsPull_IsNotAskedForHistory()
    {
        _graph.History.Add(Day(-1, affected: 0));
        _graph.Fault = ProviderFault.Throws;

        var result = await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        _graph.HistoryReads.Should().Be(0);
        result.SeededCards.Should().BeEmpty();
        result.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task RecommendationAssessedPerAssetToday_IsNotComparedWithItsCountOnlyHistory()
    {
        _graph.Set([SampleData.Recommendation("mfa")], SampleData.Results("mfa", 5, 5, "user"));
        _graph.History.Add(Day(-1, affected: 0));

        var result = await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Single().FindMetric("m-identity")!.StaleReason.Should().Contain("assessed per asset today");
        result.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task RecommendationWonTodayByASourceWithoutHistory_IsNotComparedWithAnotherSourcesHistory()
    {
        // cloud is registered first and gives mfa too: today's mfa is cloud's, so graph's history does not describe it.
        _cloud.Set([Mfa(affected: 5)]);
        _graph.History.Add(Day(-1, affected: 0));

        var result = await new ExposureRefreshPipeline([_cloud, _graph], _history, PipelineFixture.Options(), timeProvider: _clock).RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Single().FindMetric("m-identity")!.StaleReason.Should().Contain("'cloud' has no record of that day");
        result.Events.Should().BeEmpty();
    }

    [Fact]
    public void SourceHistoryDay_RejectsNullAndRepeatedRecommendations()
    {
        var act1 = () => new SourceHistoryDay(Today, null!);
        var act2 = () => new SourceHistoryDay(Today, [Mfa(1), null!]);
        var act3 = () => new SourceHistoryDay(Today, [Mfa(1), Mfa(2)]);

        act1.Should().Throw<ArgumentNullException>();
        act2.Should().Throw<ArgumentNullException>().WithMessage("*recommendations[1] is null*");
        act3.Should().Throw<ArgumentException>().WithMessage("*recommendations[1] repeats the id 'mfa'*");
        new SourceHistoryDay(Today.ToOffset(TimeSpan.FromHours(2)), []).AsOf.Offset.Should().Be(TimeSpan.Zero);
    }

    private ExposureRefreshPipeline CreatePipeline() => new([_graph, _cloud], _history, PipelineFixture.Options(), timeProvider: _clock);

    /// <summary>The given hour (UTC) of the day <paramref name="days"/> from today.</summary>
    private static DateTimeOffset At(int days, int hour = 2) => new DateTimeOffset(Today.UtcDateTime.Date, TimeSpan.Zero).AddDays(days).AddHours(hour);

    [Fact]
    public async Task Seeding_PerAssetDays_DescribeTodaysPerAssetRecommendations_AndAreCompared()
    {
        // "cloud" keeps per-asset history now (a folder of scanner result files of earlier dates).
        var storage = SampleData.Recommendation("storage", Impact.Medium, SecurityDomain.Cloud, "Defender for Cloud", "Microsoft Defender for Cloud");
        _cloud.History.Add(new SourceHistoryDay(At(-1), [storage], SampleData.Results("storage", 5, 5, "account")));
        _graph.History.Add(Day(-1, affected: 2));

        var result = await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        var seeded = result.SeededCards.Should().ContainSingle().Subject;
        seeded.FindMetric("m-cloud")!.Availability.Should().Be(ScoreAvailability.Available, "the day describes storage per asset");
        seeded.FindMetric("m-cloud")!.Score.Should().BeApproximately(50, 1e-9, "5 of 10 accounts unhealthy that day");
        seeded.FindMetric("m-mixed")!.Availability.Should().Be(ScoreAvailability.Available);
        result.Card.FindMetric("m-cloud")!.Score.Should().BeApproximately(100, 1e-9);
        result.Events.Should().NotContain(e => e.SubjectId == "m-cloud", "the score rose");
    }

    [Fact]
    public async Task Seeding_PerAssetDayWithoutTheRecommendation_IsStale()
    {
        var other = SampleData.Recommendation("other", Impact.Low, SecurityDomain.Cloud, "Defender for Cloud", "Microsoft Defender for Cloud");
        _cloud.History.Add(new SourceHistoryDay(At(-1), [other], SampleData.Results("other", 1, 0, "account")));

        var result = await CreatePipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Single().FindMetric("m-cloud")!.StaleReason.Should().Contain("'storage' is assessed per asset today").And.Contain("no per-asset results for it on that day");
    }

    [Fact]
    public void SourceHistoryDay_Assessments_MustNameTheDaysRecommendationsOnce()
    {
        var mfa = Mfa(1);
        new SourceHistoryDay(At(-1), [mfa], [new("mfa", "u1", AssessmentStatus.Healthy)]).Assessments.Should().ContainSingle();
        new SourceHistoryDay(At(-1), [mfa]).Assessments.Should().BeEmpty();
        var unknown = () => new SourceHistoryDay(At(-1), [mfa], [new("other", "u1", AssessmentStatus.Healthy)]);
        unknown.Should().Throw<ArgumentException>().WithMessage("assessments[0] names the recommendation 'other'*");
        var twice = () => new SourceHistoryDay(At(-1), [mfa], [new("mfa", "u1", AssessmentStatus.Healthy), new("mfa", "u1", AssessmentStatus.Unhealthy)]);
        twice.Should().Throw<ArgumentException>().WithMessage("assessments[1] repeats the pair ('mfa', 'u1')*");
    }

    private static SourceHistoryDay Day(int days, int affected) => new(At(days), [Mfa(affected)]);

    private static Recommendation Mfa(int affected)
        => new("mfa", "Name of mfa", RecommendationSource.MicrosoftSecureScore, Workload.MicrosoftEntraId, SecurityDomain.Identity, Impact.High, maxPoints: 10, counts: new ResultCounts(affected, 10));
}
