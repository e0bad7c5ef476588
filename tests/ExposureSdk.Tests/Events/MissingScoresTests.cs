using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using static ExposureSdk.Tests.Events.CardBuilders;

namespace ExposureSdk.Tests.Events;

public sealed class MissingScoresTests
{
    [Fact]
    public void FindMissingScores_UnavailableOrStaleEitherDay_ReportsTheDataAsMissingWithReason()
    {
        var previous = Card(Today.AddDays(-1), [M("ok", 50), M("gone-stale", 50, availability: ScoreAvailability.Stale), M("was-unavailable", null, scope: 0), M("unavailable-now", 50), M("stale-now", 50)]);
        var current = Card(Today, [M("ok", 40), M("gone-stale", 50), M("was-unavailable", 10), M("unavailable-now", null, scope: 0), M("stale-now", 50), M("brand-new", 30)])
            .WithStaleMetrics(["stale-now"], "provider failed");

        var missing = ScoreDropDetector.FindMissingScores(previous, current);

        missing.Select(x => (x.SubjectId, x.Reason, x.Detail)).Should().Equal(
            ("brand-new", MissingScoreReason.NotInBaseline, (string?)null),
            ("gone-stale", MissingScoreReason.StaleInBaseline, null),
            ("stale-now", MissingScoreReason.StaleToday, "provider failed"),
            ("unavailable-now", MissingScoreReason.UnavailableToday, null),
            ("was-unavailable", MissingScoreReason.UnavailableInBaseline, null));
        ScoreDropDetector.Detect(previous, current).Select(e => e.SubjectId).Should().Equal("ok");
    }

    [Fact]
    public void FindMissingScores_NoBaseline_ReportsEveryAvailableSubject()
    {
        var missing = ScoreDropDetector.FindMissingScores(null, Card(Today, [M("m", 50)], [I("i", 50, ("m", MetricWeight.High))]));
        missing.Select(x => (x.SubjectKind, x.Reason)).Should().Equal(
            (ScoreSubjectKind.Metric, MissingScoreReason.NoBaseline),
            (ScoreSubjectKind.Initiative, MissingScoreReason.NoBaseline));
    }

    [Fact]
    public void FindMissingScores_NewInitiative_IsLeftToTheNewInitiativeEvent()
    {
        ScoreDropDetector.FindMissingScores(Card(Today.AddDays(-1)), Card(Today, initiatives: [I("i", 50)])).Should().BeEmpty();
    }

    [Fact]
    public void FindMissingScores_SubjectsOnTheBaselineAndNotToday_AreReportedAbsentTodayInIdOrder()
    {
        var previous = Card(Today.AddDays(-1), [M("a-gone", 50), M("m", 50), M("z-gone", 70)], [I("i-gone", 60, ("a-gone", MetricWeight.High)), I("j", 50, ("m", MetricWeight.High)), I("k-gone", 10)]);
        var current = Card(Today, [M("m", 50)], [I("j", 50, ("m", MetricWeight.High))]);

        var missing = ScoreDropDetector.FindMissingScores(previous, current);

        missing.Select(x => (x.SubjectKind, x.SubjectId, x.SubjectName, x.Reason)).Should().Equal(
            (ScoreSubjectKind.Metric, "a-gone", "Metric a-gone", MissingScoreReason.AbsentToday),
            (ScoreSubjectKind.Metric, "z-gone", "Metric z-gone", MissingScoreReason.AbsentToday),
            (ScoreSubjectKind.Initiative, "i-gone", "Initiative i-gone", MissingScoreReason.AbsentToday),
            (ScoreSubjectKind.Initiative, "k-gone", "Initiative k-gone", MissingScoreReason.AbsentToday));
        ScoreDropDetector.Detect(previous, current).Should().BeEmpty();
    }

    [Fact]
    public void FindMissingScores_TodaysReasonsComeFirst_ThenTheBaselines_ForInitiativesToo()
    {
        var previous = Card(Today.AddDays(-1), [M("m", 50), M("s", 50)], [I("i-stale-before", 50, ("s", MetricWeight.High)), I("i-unavailable-before", null), I("i-unavailable-now", 50), I("j", 50, ("m", MetricWeight.High))])
            .WithStaleMetrics(["s"], "source down yesterday");
        var current = Card(Today, [M("m", 40), M("new-stale", 40), M("s", 50)], [I("i-stale-before", 50, ("s", MetricWeight.High)), I("i-unavailable-before", 30), I("i-unavailable-now", null), I("j", 40, ("m", MetricWeight.High))])
            .WithStaleMetrics(["new-stale", "m"], "source down today");

        var missing = ScoreDropDetector.FindMissingScores(previous, current);

        missing.Select(x => (x.SubjectKind, x.SubjectId, x.Reason, x.Detail)).Should().Equal(
            (ScoreSubjectKind.Metric, "m", MissingScoreReason.StaleToday, "source down today"),
            (ScoreSubjectKind.Metric, "new-stale", MissingScoreReason.StaleToday, "source down today"),
            (ScoreSubjectKind.Metric, "s", MissingScoreReason.StaleInBaseline, "source down yesterday"),
            (ScoreSubjectKind.Initiative, "i-stale-before", MissingScoreReason.StaleInBaseline, "source down yesterday"),
            (ScoreSubjectKind.Initiative, "i-unavailable-before", MissingScoreReason.UnavailableInBaseline, (string?)null),
            (ScoreSubjectKind.Initiative, "i-unavailable-now", MissingScoreReason.UnavailableToday, null),
            (ScoreSubjectKind.Initiative, "j", MissingScoreReason.StaleToday, "source down today"));
    }

    [Fact]
    public void FindMissingScores_NoBaseline_UnavailableOrStaleTodayIsTheReason()
    {
        var current = Card(Today, [M("a", null, scope: 0), M("b", 40), M("c", 50)], [I("i", null), I("j", 40, ("b", MetricWeight.High))]).WithStaleMetrics(["b"], "failed");

        ScoreDropDetector.FindMissingScores(null, current).Select(x => (x.SubjectId, x.Reason)).Should().Equal(
            ("a", MissingScoreReason.UnavailableToday),
            ("b", MissingScoreReason.StaleToday),
            ("c", MissingScoreReason.NoBaseline),
            ("i", MissingScoreReason.UnavailableToday),
            ("j", MissingScoreReason.StaleToday));
    }

    [Fact]
    public void FindMissingScores_NewInitiativeUnavailableOrStaleToday_IsStillLeftToTheNewInitiativeEvent()
    {
        var current = Card(Today, [M("m", 50)], [I("unavailable", null), I("stale", 50, ("m", MetricWeight.High))]).WithStaleMetrics(["m"], "failed");
        ScoreDropDetector.FindMissingScores(Card(Today.AddDays(-1), [M("m", 50)]), current).Select(x => (x.SubjectKind, x.SubjectId))
            .Should().Equal((ScoreSubjectKind.Metric, "m"));
    }
}
