using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.History.Sqlite;
using ExposureSdk.Pipeline;
using ExposureSdk.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.Tests.Pipeline;

/// <summary>
/// Domain rules §4 (Decision, issue 17): a source that yesterday supplied results and today succeeds with none
/// (no recommendations, recommendations without any result, or results that name no known recommendation) is
/// missing data, like a failed source: what it feeds is stale, never compared, reported missing, with a
/// warning. A source that still supplies results but retired some recommendations is a real change. A subject
/// that yesterday's card had and today's lacks is reported missing too, also after a restart.
/// </summary>
/// <remarks>
/// The minimal case of the issue: provider H gives h2 (10 devices, 1 unhealthy), provider F gives f1 (10 users,
/// all healthy); metric MX = [h2, f1] scores 95.00; initiative IX = [MX].
/// </remarks>
public sealed class MissingSourceDataTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-missing-" + Guid.NewGuid().ToString("N"));

    public enum EmptyKind
    {
        NoRecommendations,
        RecommendationsWithoutResults,
        ResultsNamingUnknownRecommendations,
        OnlyNotApplicableResults,
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(EmptyKind.NoRecommendations)]
    [InlineData(EmptyKind.RecommendationsWithoutResults)]
    [InlineData(EmptyKind.ResultsNamingUnknownRecommendations)]
    [InlineData(EmptyKind.OnlyNotApplicableResults)]
    public async Task SourceWithResultsYesterdayAndNoneToday_IsMissingData_NoFalseDrop(EmptyKind kind)
    {
        var s = new Scenario();
        var pipeline = s.CreatePipeline();
        var day1 = await s.RefreshAsync(pipeline, Day1);
        day1.Card.FindMetric("MX")!.Score.Should().BeApproximately(95, 1e-9, "scope 20, 1 affected");

        s.SetFEmpty(kind);
        var day2 = await s.RefreshAsync(pipeline, Day1.AddDays(1));

        day2.FindOutcome("F")!.Kind.Should().Be(ProviderOutcomeKind.Succeeded, "the source answered");
        day2.Events.Should().NotContain(e => e.SubjectId == "MX" || e.SubjectId == "IX", "F's lost results are missing data, not a drop of 5 points");
        day2.Card.FindMetric("MX")!.Availability.Should().Be(ScoreCards.ScoreAvailability.Stale);
        day2.Card.FindMetric("MX")!.StaleReason.Should().Contain("'F'").And.Contain("no results");
        day2.MissingScores.Should().Contain(m => m.SubjectId == "MX" && m.Reason == MissingScoreReason.StaleToday);
        day2.MissingScores.Should().Contain(m => m.SubjectId == "IX" && m.Reason == MissingScoreReason.StaleToday);
        day2.Warnings.Should().Contain(w => w.StartsWith("Provider 'F':", StringComparison.Ordinal) && w.Contains("no results", StringComparison.Ordinal));
        day2.Card.FindMetric("MH")!.Availability.Should().Be(ScoreCards.ScoreAvailability.Available, "what only H feeds is compared as usual");
        day2.MissingScores.Should().NotContain(m => m.SubjectId == "MH");
        day2.EventChanges.Should().BeEmpty();
    }

    [Fact]
    public async Task RealDropOfAMixedMetricWhileEverySourceGivesResults_IsStillRaised()
    {
        // The same day 2 with F's results present but the metric's scope halved by H: a real drop is still raised,
        // so the rule above suppresses F's missing data only, not the detector.
        var s = new Scenario();
        var pipeline = s.CreatePipeline();
        await s.RefreshAsync(pipeline, Day1);
        s.H.Set([Rec("h2")], SampleData.Results("h2", 7, 3, "device"), s.HMetrics);

        var day2 = await s.RefreshAsync(pipeline, Day1.AddDays(1));

        day2.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "MX" && Math.Abs(e.PreviousScore!.Value - 95) < 1e-9 && Math.Abs(e.CurrentScore!.Value - 85) < 1e-9);
        day2.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task SourceThatRetiresSomeRecommendationsAndStillGivesResults_IsARealChange()
    {
        var s = new Scenario();
        s.F.Set([Rec("f1"), Rec("f3")], [.. SampleData.Results("f1", 10, 0, "user"), .. SampleData.Results("f3", 5, 5, "server")]);
        var pipeline = s.CreatePipeline(mx: ["h2", "f1", "f3"]);
        var day1 = await s.RefreshAsync(pipeline, Day1);
        day1.Card.FindMetric("MX")!.Score.Should().BeApproximately(80, 1e-9, "scope 30, 6 affected");

        s.F.Set([Rec("f3")], SampleData.Results("f3", 5, 5, "server")); // f1 retired, f3 still assessed
        var day2 = await s.RefreshAsync(pipeline, Day1.AddDays(1));

        day2.Card.FindMetric("MX")!.Availability.Should().Be(ScoreCards.ScoreAvailability.Available);
        day2.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "MX" && Math.Abs(e.Drop!.Value - 10) < 1e-9, "80 → 70 is a real change");
        day2.MissingScores.Should().NotContain(m => m.SubjectId == "MX");
        day2.Warnings.Should().NotContain(w => w.Contains("no results", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SourceEmptyForALaterRefreshOfTheSameDay_IsStillMissingAgainstYesterday()
    {
        var s = new Scenario();
        var pipeline = s.CreatePipeline();
        await s.RefreshAsync(pipeline, Day1);
        s.SetFEmpty(EmptyKind.NoRecommendations);

        await s.RefreshAsync(pipeline, Day1.AddDays(1));
        var later = await s.RefreshAsync(pipeline, Day1.AddDays(1).AddHours(5));

        later.Baseline!.AsOf.Should().Be(Day1, "the baseline is still yesterday's card, when F had results");
        later.Events.Should().NotContain(e => e.SubjectId == "MX" || e.SubjectId == "IX");
        later.MissingScores.Should().Contain(m => m.SubjectId == "MX" && m.Reason == MissingScoreReason.StaleToday);
    }

    [Fact]
    public async Task SourceEmptyForTwoDays_OnTheSecondDayYesterdayHadNoResultsEither_SoItIsNoLongerMissing()
    {
        var s = new Scenario();
        var pipeline = s.CreatePipeline();
        await s.RefreshAsync(pipeline, Day1);
        s.SetFEmpty(EmptyKind.RecommendationsWithoutResults);
        await s.RefreshAsync(pipeline, Day1.AddDays(1));

        var day3 = await s.RefreshAsync(pipeline, Day1.AddDays(2));
        var day4 = await s.RefreshAsync(pipeline, Day1.AddDays(3));

        day3.Warnings.Should().NotContain(w => w.Contains("no results", StringComparison.Ordinal), "F supplied none yesterday either");
        day3.Card.FindMetric("MX")!.Availability.Should().Be(ScoreCards.ScoreAvailability.Available);
        day3.MissingScores.Should().ContainSingle(m => m.SubjectId == "MX").Which.Reason.Should().Be(MissingScoreReason.StaleInBaseline);
        day3.Events.Should().NotContain(e => e.SubjectId == "MX");
        day4.MissingScores.Should().NotContain(m => m.SubjectId == "MX", "from the fourth day the new state is compared as usual");
    }

    [Fact]
    public async Task SourceThatNeverSuppliedResults_IsNotMissing()
    {
        var s = new Scenario();
        s.SetFEmpty(EmptyKind.RecommendationsWithoutResults);
        var pipeline = s.CreatePipeline();
        await s.RefreshAsync(pipeline, Day1);

        var day2 = await s.RefreshAsync(pipeline, Day1.AddDays(1));

        day2.Warnings.Should().NotContain(w => w.Contains("no results", StringComparison.Ordinal));
        day2.StaleMetrics.Should().BeEmpty();
        day2.MissingScores.Should().BeEmpty();
    }

    [Fact]
    public async Task SourceEmptyAfterARestart_IsMissingData_NoFalseDrop()
    {
        var history = new InMemoryScoreHistoryStore();
        var before = new Scenario(history);
        await before.RefreshAsync(before.CreatePipeline(), Day1);

        // A new process over the same history: it does not remember what F supplied yesterday.
        var s = new Scenario(history);
        s.SetFEmpty(EmptyKind.NoRecommendations);
        var day2 = await s.RefreshAsync(s.CreatePipeline(), Day1.AddDays(1));

        day2.Events.Should().NotContain(e => e.SubjectId == "MX" || e.SubjectId == "IX");
        day2.MissingScores.Should().Contain(m => m.SubjectId == "MX" && m.Reason == MissingScoreReason.StaleToday);
        day2.Warnings.Should().Contain(w => w.StartsWith("Provider 'F':", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingDataAfterARestart_SqliteStore_SubjectsOnlyTheFailedSourceFed_AreReportedMissing_AndNoEventWhenItReturns()
    {
        var path = Path.Combine(_directory, "history.db");
        using (var store = new SqliteScoreHistoryStore(path))
        {
            var before = new Scenario(store, fDefinesItsOwnSubjects: true);
            var day1 = await before.RefreshAsync(before.CreatePipeline(), Day1);
            day1.Card.FindMetric("MF")!.Score.Should().BeApproximately(100, 1e-9);
            day1.Card.FindInitiative("IF")!.Score.Should().BeApproximately(100, 1e-9);
        }

        SqliteConnection.ClearAllPools();
        using (var store = new SqliteScoreHistoryStore(path))
        {
            // The process restarted; F now fails, and this process never saw it succeed.
            var s = new Scenario(store, fDefinesItsOwnSubjects: true);
            s.F.Fault = ProviderFault.Throws;
            var missing = new MissingRecorder();
            var day2 = await s.RefreshAsync(s.CreatePipeline(missing), Day1.AddDays(1));

            day2.FindOutcome("F")!.UsedLastKnownData.Should().BeFalse();
            foreach (var subject in new[] { "MF", "MX", "IF", "IX" })
            {
                day2.MissingScores.Should().Contain(m => m.SubjectId == subject, $"{subject} was available yesterday and F's data is missing today");
            }

            day2.MissingScores.Should().Contain(m => m.SubjectId == "MF" && m.Reason == MissingScoreReason.StaleToday && m.Detail!.Contains("'F'", StringComparison.Ordinal));
            day2.Card.FindMetric("MF")!.Score.Should().BeApproximately(100, 1e-9, "F's own metric is kept from yesterday's card, stale");
            day2.Card.FindInitiative("IF")!.Availability.Should().Be(ScoreCards.ScoreAvailability.Stale);
            day2.Events.Should().BeEmpty();
            missing.Calls.Should().ContainSingle().Which.Select(m => m.SubjectId).Should().Contain(["MF", "IF", "MX", "IX"], "the event stream says the data is missing");
        }

        SqliteConnection.ClearAllPools();
        using (var store = new SqliteScoreHistoryStore(path))
        {
            // Another restart; F is back with yesterday's results.
            var s = new Scenario(store, fDefinesItsOwnSubjects: true);
            var day3 = await s.RefreshAsync(s.CreatePipeline(), Day1.AddDays(2));

            day3.Events.Should().BeEmpty("F's subjects were only missing, so they neither dropped nor appeared");
            day3.MissingScores.Select(m => (m.SubjectId, m.Reason)).Should().Contain(("IF", MissingScoreReason.StaleInBaseline));
            day3.Card.FindInitiative("IF")!.Availability.Should().Be(ScoreCards.ScoreAvailability.Available);
        }
    }

    [Fact]
    public async Task SubjectOnYesterdaysCardAndNotOnTodays_IsReportedMissing()
    {
        var s = new Scenario(fDefinesItsOwnSubjects: true);
        var pipeline = s.CreatePipeline();
        await s.RefreshAsync(pipeline, Day1);

        // F still gives its results but no longer defines MF and IF: a real change of definitions, no data missing.
        s.F.Set([Rec("f1")], SampleData.Results("f1", 10, 0, "user"));
        var day2 = await s.RefreshAsync(pipeline, Day1.AddDays(1));

        day2.Card.FindMetric("MF").Should().BeNull();
        day2.MissingScores.Should().Contain(m => m.SubjectId == "MF" && m.SubjectKind == ScoreSubjectKind.Metric && m.Reason == MissingScoreReason.AbsentToday);
        day2.MissingScores.Should().Contain(m => m.SubjectId == "IF" && m.SubjectKind == ScoreSubjectKind.Initiative && m.Reason == MissingScoreReason.AbsentToday);
        day2.StaleMetrics.Should().BeEmpty();
        day2.Events.Should().BeEmpty();
    }

    private static Recommendation Rec(string id) => SampleData.Recommendation(id);

    /// <summary>H gives h2 and owns MH = [h2]; F gives f1; the catalog has MX = [h2, f1] and IX = [MX] (and, if asked, F defines MF = [f1] and IF = [MF]).</summary>
    private sealed class Scenario
    {
        private readonly bool _fDefines;

        public Scenario(IScoreHistoryStore? history = null, bool fDefinesItsOwnSubjects = false)
        {
            _fDefines = fDefinesItsOwnSubjects;
            History = history ?? new InMemoryScoreHistoryStore();
            HMetrics = [new Metric("MH", "Devices (H only)", MetricWeight.Medium, ["h2"])];
            H.Set([Rec("h2")], SampleData.Results("h2", 9, 1, "device"), HMetrics);
            SetFWithResults();
        }

        public FakeTimeProvider Clock { get; } = new(Day1);

        public ScriptedProvider H { get; } = new("H");

        public ScriptedProvider F { get; } = new("F");

        public Metric[] HMetrics { get; }

        public IScoreHistoryStore History { get; }

        public void SetFWithResults() => F.Set(
            [Rec("f1")],
            SampleData.Results("f1", 10, 0, "user"),
            _fDefines ? [new Metric("MF", "Users (F only)", MetricWeight.High, ["f1"])] : null,
            _fDefines ? [new Initiative("IF", "F's initiative", InitiativeKind.Workload, ["MF"])] : null);

        public void SetFEmpty(EmptyKind kind)
        {
            switch (kind)
            {
                case EmptyKind.NoRecommendations:
                    F.Set([]);
                    break;
                case EmptyKind.RecommendationsWithoutResults:
                    F.Set([Rec("f1")]);
                    break;
                case EmptyKind.ResultsNamingUnknownRecommendations:
                    F.Set([], SampleData.Results("f-unknown", 10, 0, "user"));
                    break;
                case EmptyKind.OnlyNotApplicableResults:
                    F.Set([Rec("f1")], Enumerable.Range(0, 10).Select(i => new Assessment("f1", $"user-{i:D3}", AssessmentStatus.NotApplicable)));
                    break;
            }
        }

        public ExposureRefreshPipeline CreatePipeline(IExposureEventSubscriber? subscriber = null, string[]? mx = null)
        {
            var options = new ExposureRefreshPipelineOptions { TenantId = "contoso", SeedHistoryFromSources = false };
            options.Metrics.Add(new Metric("MX", "Mixed", MetricWeight.High, (mx ?? ["h2", "f1"]).Select(id => new RecommendationId(id))));
            options.Initiatives.Add(new Initiative("IX", "Mixed initiative", InitiativeKind.Workload, ["MX"]));
            return new ExposureRefreshPipeline([H, F], History, options, subscriber is null ? null : [subscriber], Clock);
        }

        public async Task<RefreshResult> RefreshAsync(ExposureRefreshPipeline pipeline, DateTimeOffset at)
        {
            Clock.SetUtcNow(at);
            return await pipeline.RefreshAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    private sealed class MissingRecorder : IExposureEventSubscriber
    {
        public List<IReadOnlyList<MissingScore>> Calls { get; } = [];

        public ValueTask OnRefreshedAsync(RefreshResult result, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask OnScoresMissingAsync(RefreshResult result, IReadOnlyList<MissingScore> missing, CancellationToken cancellationToken)
        {
            Calls.Add(missing);
            return ValueTask.CompletedTask;
        }
    }
}
