using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using static ExposureSdk.Tests.Events.CardBuilders;

namespace ExposureSdk.Tests.Events;

/// <summary>Issue 11 §4: one factory per event kind, typed subjects and one causes type per subject.</summary>
public sealed class SecurityEventTests
{
    [Fact]
    public void MetricScoreDrop_Factory_KeepsTheTypedSubjectAndComputesTheDrop()
    {
        var causes = new MetricScoreDropCauses(["a2", "a1"], 2, 1, ["r2"], [], new WeightChange("m", MetricWeight.High, MetricWeight.Low));
        var e = SecurityEvent.MetricScoreDrop(Today.ToOffset(TimeSpan.FromHours(2)), "m", "Metric m", 90, 80.5, MetricWeight.Low, [new InitiativeEffect("i", 3, 6)], causes);

        e.Kind.Should().Be(SecurityEventKind.MetricScoreDrop);
        e.SubjectKind.Should().Be(ScoreSubjectKind.Metric);
        e.MetricId.Should().Be(new MetricId("m"));
        e.InitiativeId.Should().BeNull();
        e.SubjectId.Should().Be("m");
        e.Date.Offset.Should().Be(TimeSpan.Zero);
        e.Drop.Should().Be(9.5);
        e.Weight.Should().Be(MetricWeight.Low);
        e.InitiativeEffects.Should().ContainSingle().Which.InitiativeId.Should().Be(new InitiativeId("i"));
        e.MetricCauses.Should().BeSameAs(causes);
        e.InitiativeCauses.Should().BeNull();
        causes.NewlyAffectedAssetIds.Should().Equal(new AssetId("a1"), new AssetId("a2"));
        causes.AssetsAddedToScope.Should().Be(1);
    }

    [Fact]
    public void InitiativeScoreDrop_And_NewInitiative_Factories_HaveAnInitiativeSubject()
    {
        var causes = new InitiativeScoreDropCauses([], ["r1"], ["m2"], [], [new WeightChange("m1", MetricWeight.High, MetricWeight.Medium)], [new MetricScoreChange("m1", 80, 70)]);
        var drop = SecurityEvent.InitiativeScoreDrop(Today, "i", "Initiative i", 70, 60, causes);
        var appeared = SecurityEvent.NewInitiative(Today, "j", "Initiative j", null);

        drop.SubjectKind.Should().Be(ScoreSubjectKind.Initiative);
        drop.InitiativeId.Should().Be(new InitiativeId("i"));
        drop.MetricId.Should().BeNull();
        drop.Drop.Should().Be(10);
        drop.Weight.Should().BeNull();
        drop.InitiativeEffects.Should().BeEmpty();
        drop.InitiativeCauses.Should().BeSameAs(causes);
        drop.MetricCauses.Should().BeNull();
        appeared.Kind.Should().Be(SecurityEventKind.NewInitiative);
        appeared.PreviousScore.Should().BeNull();
        appeared.CurrentScore.Should().BeNull();
        appeared.Drop.Should().BeNull();
    }

    [Fact]
    public void Factories_InvalidArguments_ThrowNamingTheParameter()
    {
        FluentActions.Invoking(() => SecurityEvent.MetricScoreDrop(Today, default, "n", 90, 80, MetricWeight.High)).Should().Throw<ArgumentException>().WithParameterName("metricId");
        FluentActions.Invoking(() => SecurityEvent.MetricScoreDrop(Today, "m", " ", 90, 80, MetricWeight.High)).Should().Throw<ArgumentException>().WithParameterName("metricName");
        FluentActions.Invoking(() => SecurityEvent.MetricScoreDrop(Today, "m", "n", 100.5, 80, MetricWeight.High)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("previousScore");
        FluentActions.Invoking(() => SecurityEvent.MetricScoreDrop(Today, "m", "n", 90, double.NaN, MetricWeight.High)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("currentScore");
        FluentActions.Invoking(() => SecurityEvent.MetricScoreDrop(Today, "m", "n", 90, 80, (MetricWeight)42)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weight");
        FluentActions.Invoking(() => SecurityEvent.MetricScoreDrop(Today, "m", "n", 90, 80, MetricWeight.High, [null!])).Should().Throw<ArgumentNullException>().WithParameterName("initiativeEffects");
        FluentActions.Invoking(() => SecurityEvent.InitiativeScoreDrop(Today, default, "n", 90, 80)).Should().Throw<ArgumentException>().WithParameterName("initiativeId");
        FluentActions.Invoking(() => SecurityEvent.InitiativeScoreDrop(Today, "i", "n", -1, 80)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("previousScore");
        FluentActions.Invoking(() => SecurityEvent.InitiativeScoreDrop(Today, "i", "n", 90, 100.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("currentScore");
        FluentActions.Invoking(() => SecurityEvent.InitiativeScoreDrop(Today, "i", "", 90, 80)).Should().Throw<ArgumentException>().WithParameterName("initiativeName");
        FluentActions.Invoking(() => SecurityEvent.NewInitiative(Today, default, "n", 10)).Should().Throw<ArgumentException>().WithParameterName("initiativeId");
        FluentActions.Invoking(() => SecurityEvent.NewInitiative(Today, "i", null!, 10)).Should().Throw<ArgumentNullException>().WithParameterName("initiativeName");
        FluentActions.Invoking(() => SecurityEvent.NewInitiative(Today, "i", "n", 101)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("currentScore");
        FluentActions.Invoking(() => new MetricScoreDropCauses([default], 0, 0, null, null, null)).Should().Throw<ArgumentException>().WithParameterName("newlyAffectedAssetIds");
        FluentActions.Invoking(() => new InitiativeScoreDropCauses(null, null, null, [default], null, null)).Should().Throw<ArgumentException>().WithParameterName("metricsRemoved");
        FluentActions.Invoking(() => new InitiativeScoreDropCauses(null, null, null, null, [null!], null)).Should().Throw<ArgumentNullException>().WithParameterName("weightChanges");
        FluentActions.Invoking(() => new WeightChange(default, MetricWeight.High, MetricWeight.Low)).Should().Throw<ArgumentException>().WithParameterName("metricId");
    }

    [Fact]
    public void Detect_EventsOfEachKind_CarryTheCausesOfTheirSubjectOnly()
    {
        var previous = Card(Today.AddDays(-1), [M("m", 80, initiatives: ["i"])], [I("i", 80, ("m", MetricWeight.High))]);
        var current = Card(Today, [M("m", 70, initiatives: ["i"])], [I("i", 70, ("m", MetricWeight.High)), I("j", 50)]);

        var events = ScoreDropDetector.Detect(previous, current);

        events.Select(e => (e.Kind, e.SubjectKind, e.MetricCauses is not null, e.InitiativeCauses is not null)).Should().Equal(
            (SecurityEventKind.MetricScoreDrop, ScoreSubjectKind.Metric, true, false),
            (SecurityEventKind.InitiativeScoreDrop, ScoreSubjectKind.Initiative, false, true),
            (SecurityEventKind.NewInitiative, ScoreSubjectKind.Initiative, false, false));
        events[0].MetricId.Should().Be(new MetricId("m"));
        events[1].InitiativeId.Should().Be(new InitiativeId("i"));
        events[2].InitiativeId.Should().Be(new InitiativeId("j"));
    }

    [Fact]
    public void ScoreCard_TypedIds_FindLikeTheReportAndRejectTheDefaultId()
    {
        var card = Card(Today, [M("m", 80, recs: ["r"], initiatives: ["i"], top: ["a"])], [I("i", 80, ("m", MetricWeight.High))]);

        card.FindMetric(new MetricId("m"))!.RecommendationIds.Should().Equal(new RecommendationId("r"));
        card.FindMetric("m")!.InitiativeIds.Should().Equal(new InitiativeId("i"));
        card.FindInitiative(new InitiativeId("i"))!.Metrics.Single().MetricId.Should().Be(new MetricId("m"));
        card.FindMetric("absent").Should().BeNull();
        FluentActions.Invoking(() => new ScoreCardMetric(default, "n", MetricWeight.High, 3, 50, 1, 2, ScoreAvailability.Available, null, null, null, null)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => new ScoreCardMetric("m", "n", MetricWeight.High, 3, 50, 1, 2, ScoreAvailability.Available, null, [default], null, null)).Should().Throw<ArgumentException>().WithParameterName("recommendationIds");
        FluentActions.Invoking(() => new ScoreCardInitiative(default, "n", 50, ScoreAvailability.Available, null, null, null, null)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => card.WithStaleMetrics([new MetricId("absent")], "reason")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void CausesAndEffects_KeepTheirValues_AndSortTheInitiativeCausesByMetric()
    {
        var effect = new InitiativeEffect("i", 7.5, 4);
        (effect.InitiativeId.Value, effect.Effect, effect.WeightSum).Should().Be(("i", 7.5, 4.0));
        var change = new MetricScoreChange("m", 80, null);
        (change.MetricId.Value, change.PreviousScore, change.CurrentScore).Should().Be(("m", (double?)80, (double?)null));

        var causes = new InitiativeScoreDropCauses(
            ["r1"],
            null,
            null,
            ["m0"],
            [new WeightChange("m2", MetricWeight.High, MetricWeight.Low), new WeightChange("m1", MetricWeight.Low, MetricWeight.Medium)],
            [new MetricScoreChange("m9", 10, 5), new MetricScoreChange("m3", 50, 40)]);

        causes.RecommendationsAdded.Should().Equal("r1");
        causes.RecommendationsRemoved.Should().BeEmpty();
        causes.MetricsAdded.Should().BeEmpty();
        causes.MetricsRemoved.Should().Equal("m0");
        causes.WeightChanges.Select(w => w.MetricId.Value).Should().Equal("m1", "m2");
        causes.MetricScoreChanges.Select(c => c.MetricId.Value).Should().Equal("m3", "m9");

        var metricCauses = new MetricScoreDropCauses(null, 1, -3, null, ["r"], null);
        metricCauses.NewlyAffectedAssetIds.Should().BeEmpty();
        metricCauses.AffectedDelta.Should().Be(1);
        metricCauses.ScopeDelta.Should().Be(-3);
        metricCauses.AssetsAddedToScope.Should().Be(0);
        metricCauses.RecommendationsRemoved.Should().Equal("r");
    }

    [Fact]
    public void MissingScore_Factories_KeepTheSubjectAndCheckTheirArguments()
    {
        var metric = MissingScore.ForMetric("m", "Metric m", MissingScoreReason.StaleToday, "provider failed");
        (metric.SubjectKind, metric.SubjectId, metric.SubjectName, metric.Reason, metric.Detail).Should().Be((ScoreSubjectKind.Metric, "m", "Metric m", MissingScoreReason.StaleToday, "provider failed"));
        metric.MetricId.Should().Be(new MetricId("m"));
        metric.InitiativeId.Should().BeNull();

        var initiative = MissingScore.ForInitiative("i", "Initiative i", MissingScoreReason.AbsentToday);
        (initiative.SubjectKind, initiative.SubjectId, initiative.Reason, initiative.Detail).Should().Be((ScoreSubjectKind.Initiative, "i", MissingScoreReason.AbsentToday, (string?)null));
        initiative.MetricId.Should().BeNull();

        FluentActions.Invoking(() => MissingScore.ForMetric("m", "n", (MissingScoreReason)42)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("reason");
        FluentActions.Invoking(() => MissingScore.ForInitiative("i", " ", MissingScoreReason.NoBaseline)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => MissingScore.ForMetric(default, "n", MissingScoreReason.NoBaseline)).Should().Throw<ArgumentException>().WithParameterName("metricId");
    }

    [Fact]
    public void SecurityEventChange_TheDayMustHoldTheEvent_StartInclusiveEndExclusive()
    {
        var dayStart = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);
        var dayEnd = dayStart.AddDays(1);
        SecurityEvent At(DateTimeOffset date) => SecurityEvent.NewInitiative(date, "i", "Initiative i", 50);

        var raised = new SecurityEventChange(SecurityEventTransition.Raised, At(dayStart), null, dayStart.ToOffset(TimeSpan.FromHours(1)), dayEnd);
        raised.Transition.Should().Be(SecurityEventTransition.Raised);
        raised.Previous.Should().BeNull();
        raised.DayStart.Should().Be(dayStart);
        raised.DayStart.Offset.Should().Be(TimeSpan.Zero);
        raised.DayEnd.Should().Be(dayEnd);
        new SecurityEventChange(SecurityEventTransition.Withdrawn, At(dayEnd.AddTicks(-1)), null, dayStart, dayEnd).Event.Date.Should().Be(dayEnd.AddTicks(-1));

        FluentActions.Invoking(() => new SecurityEventChange(SecurityEventTransition.Raised, At(dayEnd), null, dayStart, dayEnd)).Should().Throw<ArgumentException>().WithParameterName("dayEnd");
        FluentActions.Invoking(() => new SecurityEventChange(SecurityEventTransition.Raised, At(dayStart.AddTicks(-1)), null, dayStart, dayEnd)).Should().Throw<ArgumentException>().WithParameterName("dayEnd");
        FluentActions.Invoking(() => new SecurityEventChange(SecurityEventTransition.Raised, At(dayStart), null, dayStart, dayStart)).Should().Throw<ArgumentException>().WithParameterName("dayEnd");
        FluentActions.Invoking(() => new SecurityEventChange((SecurityEventTransition)9, At(dayStart), null, dayStart, dayEnd)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("transition");
    }

    [Fact]
    public void SecurityEventChange_OnlyAnUpdateHasAPreviousEvent_OfTheSameKindAndSubject()
    {
        var dayStart = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);
        var dayEnd = dayStart.AddDays(1);
        var before = SecurityEvent.InitiativeScoreDrop(Today.AddHours(-1), "i", "Initiative i", 80, 70);
        var now = SecurityEvent.InitiativeScoreDrop(Today, "i", "Initiative i", 80, 60);

        var updated = new SecurityEventChange(SecurityEventTransition.Updated, now, before, dayStart, dayEnd);
        updated.Previous.Should().BeSameAs(before);
        updated.Event.Should().BeSameAs(now);

        FluentActions.Invoking(() => new SecurityEventChange(SecurityEventTransition.Updated, now, null, dayStart, dayEnd)).Should().Throw<ArgumentNullException>().WithParameterName("previous");
        FluentActions.Invoking(() => new SecurityEventChange(SecurityEventTransition.Updated, now, SecurityEvent.InitiativeScoreDrop(Today, "j", "Initiative j", 80, 60), dayStart, dayEnd)).Should().Throw<ArgumentException>().WithParameterName("previous");
        FluentActions.Invoking(() => new SecurityEventChange(SecurityEventTransition.Updated, now, SecurityEvent.NewInitiative(Today, "i", "Initiative i", 60), dayStart, dayEnd)).Should().Throw<ArgumentException>().WithParameterName("previous");
        FluentActions.Invoking(() => new SecurityEventChange(SecurityEventTransition.Raised, now, before, dayStart, dayEnd)).Should().Throw<ArgumentException>().WithParameterName("previous");
        FluentActions.Invoking(() => new SecurityEventChange(SecurityEventTransition.Withdrawn, now, before, dayStart, dayEnd)).Should().Throw<ArgumentException>().WithParameterName("previous");
    }
}
