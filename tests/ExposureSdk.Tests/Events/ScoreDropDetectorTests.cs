using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using static ExposureSdk.Tests.Events.CardBuilders;

namespace ExposureSdk.Tests.Events;

public sealed class ScoreDropDetectorTests
{
    private static readonly DateTimeOffset Yesterday = Today.AddDays(-1);

    private static IReadOnlyList<SecurityEvent> MetricDrop(double previous, double current, ScoreDropOptions? options = null) =>
        ScoreDropDetector.Detect(Card(Yesterday, [M("m", previous)]), Card(Today, [M("m", current)]), options);

    [Fact]
    public void Detect_MetricDropOfExactly2Points_RaisesAnEvent()
    {
        var e = MetricDrop(80, 78).Should().ContainSingle().Subject;
        e.Kind.Should().Be(SecurityEventKind.MetricScoreDrop);
        e.Drop.Should().Be(2);
        e.PreviousScore.Should().Be(80);
        e.CurrentScore.Should().Be(78);
        e.Date.Should().Be(Today);
        e.SubjectId.Should().Be("m");
        e.SubjectName.Should().Be("Metric m");
        e.Weight.Should().Be(MetricWeight.High);
    }

    [Fact]
    public void Detect_MetricDropOf1Point99_RaisesNoEvent() => MetricDrop(80, 78.01).Should().BeEmpty();

    [Fact]
    public void Detect_DropOf2Minus1e12FloatingPointNoise_RaisesAnEvent() => MetricDrop(80, 78 + 1e-12).Should().ContainSingle();

    [Fact]
    public void Detect_DropBelowThresholdByMoreThanTolerance_RaisesNoEvent() => MetricDrop(80, 78 + 1e-8).Should().BeEmpty();

    [Fact]
    public void Detect_ScoreRose_RaisesNoEvent() => MetricDrop(50, 90).Should().BeEmpty();

    [Fact]
    public void Detect_ThresholdIsConfigurable()
    {
        MetricDrop(80, 75, new ScoreDropOptions { ThresholdPoints = 5 }).Should().ContainSingle();
        MetricDrop(80, 75.5, new ScoreDropOptions { ThresholdPoints = 5 }).Should().BeEmpty();
    }

    [Fact]
    public void Detect_RelativeMode_MeasuresPercentOfPrevious()
    {
        var options = new ScoreDropOptions { ThresholdPoints = 10, Mode = ScoreDropThresholdMode.PercentOfPrevious };
        MetricDrop(20, 18, options).Should().ContainSingle("a 2-point drop from 20 is 10 %");
        MetricDrop(80, 73, options).Should().BeEmpty("a 7-point drop from 80 is 8.75 %");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Detect_ThresholdOutside0To100_Throws(double threshold)
    {
        var act = () => MetricDrop(80, 70, new ScoreDropOptions { ThresholdPoints = threshold });
        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*ThresholdPoints*");
    }

    [Fact]
    public void Detect_MetricUnavailableToday_RaisesNoEvent()
    {
        ScoreDropDetector.Detect(Card(Yesterday, [M("m", 90)]), Card(Today, [M("m", null, scope: 0)])).Should().BeEmpty();
    }

    [Fact]
    public void Detect_MetricUnavailableYesterday_RaisesNoEvent()
    {
        ScoreDropDetector.Detect(Card(Yesterday, [M("m", null, scope: 0)]), Card(Today, [M("m", 10)])).Should().BeEmpty();
    }

    [Fact]
    public void Detect_MetricStaleEitherDay_RaisesNoEvent()
    {
        ScoreDropDetector.Detect(Card(Yesterday, [M("m", 90, availability: ScoreAvailability.Stale)]), Card(Today, [M("m", 10)])).Should().BeEmpty();
        ScoreDropDetector.Detect(Card(Yesterday, [M("m", 90)]), Card(Today, [M("m", 10)]).WithStaleMetrics(["m"], "provider failed")).Should().BeEmpty();
    }

    [Fact]
    public void Detect_NoBaseline_RaisesNoEvent()
    {
        ScoreDropDetector.Detect(null, Card(Today, [M("m", 10)], [I("i", 10)])).Should().BeEmpty();
    }

    [Fact]
    public void Detect_MetricMissingFromBaseline_RaisesNoEvent()
    {
        ScoreDropDetector.Detect(Card(Yesterday), Card(Today, [M("m", 10)])).Should().BeEmpty();
    }

    [Fact]
    public void Detect_InitiativeDropOfAtLeast2_RaisesInitiativeScoreDrop()
    {
        var events = ScoreDropDetector.Detect(Card(Yesterday, initiatives: [I("i", 60)]), Card(Today, initiatives: [I("i", 58)]));
        var e = events.Should().ContainSingle().Subject;
        e.Kind.Should().Be(SecurityEventKind.InitiativeScoreDrop);
        e.Drop.Should().Be(2);
        e.Weight.Should().BeNull();
    }

    [Fact]
    public void Detect_InitiativeUnavailableEitherDay_RaisesNoEvent()
    {
        ScoreDropDetector.Detect(Card(Yesterday, initiatives: [I("i", null)]), Card(Today, initiatives: [I("i", 10)])).Should().BeEmpty();
        ScoreDropDetector.Detect(Card(Yesterday, initiatives: [I("i", 90)]), Card(Today, initiatives: [I("i", null)])).Should().BeEmpty();
    }

    [Fact]
    public void Detect_InitiativeNotInBaseline_RaisesNewInitiative()
    {
        var e = ScoreDropDetector.Detect(Card(Yesterday), Card(Today, initiatives: [I("i", 40)])).Should().ContainSingle().Subject;
        e.Kind.Should().Be(SecurityEventKind.NewInitiative);
        e.PreviousScore.Should().BeNull();
        e.CurrentScore.Should().Be(40);
        e.Drop.Should().BeNull();
        e.MetricCauses.Should().BeNull();
        e.InitiativeCauses.Should().BeNull();
    }

    [Fact]
    public void Detect_MetricDrop_CarriesWeightedEffectOnEachInitiative()
    {
        var previous = Card(Yesterday, [M("a", 80, initiatives: ["i1", "i2"]), M("b", 50, MetricWeight.Low, initiatives: ["i1"])], [I("i1", 72.5, ("a", MetricWeight.High), ("b", MetricWeight.Low)), I("i2", 80, ("a", MetricWeight.High))]);
        var current = Card(Today, [M("a", 70, initiatives: ["i1", "i2"]), M("b", 50, MetricWeight.Low, initiatives: ["i1"])], [I("i1", 65, ("a", MetricWeight.High), ("b", MetricWeight.Low)), I("i2", 70, ("a", MetricWeight.High))]);

        var metricEvent = ScoreDropDetector.Detect(previous, current).Single(e => e.Kind == SecurityEventKind.MetricScoreDrop);

        metricEvent.InitiativeEffects.Select(x => (x.InitiativeId, x.Effect, x.WeightSum)).Should().Equal(("i1", 10.0 * 3 / 4, 4.0), ("i2", 10.0, 3.0));
    }

    [Fact]
    public void Detect_MetricDropFromAReport_EffectsUseTheEnginesWeightSum()
    {
        var snapshot = Scoring.ScoringBuilders.Snap(
            [Scoring.ScoringBuilders.Rec("r1"), Scoring.ScoringBuilders.Rec("r2")],
            [Scoring.ScoringBuilders.H("r1", "a"), Scoring.ScoringBuilders.H("r2", "a"), Scoring.ScoringBuilders.U("r2", "b")],
            [Scoring.ScoringBuilders.Met("m1", MetricWeight.High, "r1"), Scoring.ScoringBuilders.Met("m2", MetricWeight.Medium, "r2")],
            [Scoring.ScoringBuilders.Ini("i", ["m1", "m2"])]);
        var worse = Scoring.ScoringBuilders.Snap(
            snapshot.Recommendations,
            [Scoring.ScoringBuilders.U("r1", "a"), Scoring.ScoringBuilders.H("r2", "a"), Scoring.ScoringBuilders.U("r2", "b")],
            snapshot.Metrics,
            snapshot.Initiatives);
        var before = ScoreCard.FromReport(ExposureSdk.Scoring.ExposureScorer.Score(snapshot));
        var after = ScoreCard.FromReport(ExposureSdk.Scoring.ExposureScorer.Score(worse));

        var e = ScoreDropDetector.Detect(before, after).Single(x => x.Kind == SecurityEventKind.MetricScoreDrop);

        e.SubjectId.Should().Be("m1");
        var effect = e.InitiativeEffects.Should().ContainSingle().Subject;
        effect.WeightSum.Should().Be(5);
        effect.Effect.Should().Be(100.0 * 3 / 5);
        e.MetricCauses!.NewlyAffectedAssetIds.Should().Equal("a");
    }

    [Fact]
    public void Detect_MetricDropWhileAnotherMetricOfTheInitiativeBecameUnavailable_EffectIsTheCounterfactualScoreDifference()
    {
        // Domain rules §4 (Decision revised), the case that motivated it: a (High) drops from 100 to 50 while
        // b (Medium) becomes unavailable the same day (scope 0). The effect is the initiative's score today with
        // a put back to yesterday's score and availability, minus its score today, as the engine scores both.
        var recs = new[] { Scoring.ScoringBuilders.Rec("r1"), Scoring.ScoringBuilders.Rec("r2"), Scoring.ScoringBuilders.Rec("r3") };
        var metrics = new[] { Scoring.ScoringBuilders.Met("a", MetricWeight.High, "r1"), Scoring.ScoringBuilders.Met("b", MetricWeight.Medium, "r2"), Scoring.ScoringBuilders.Met("c", MetricWeight.Low, "r3") };
        var initiatives = new[] { Scoring.ScoringBuilders.Ini("i", ["a", "b", "c"]) };
        Assessment[] aYesterday = [Scoring.ScoringBuilders.H("r1", "x"), Scoring.ScoringBuilders.H("r1", "y")];
        Assessment[] aToday = [Scoring.ScoringBuilders.H("r1", "x"), Scoring.ScoringBuilders.U("r1", "y")];
        Assessment[] b = [Scoring.ScoringBuilders.U("r2", "x"), Scoring.ScoringBuilders.U("r2", "y")];
        Assessment[] c = [Scoring.ScoringBuilders.H("r3", "x"), Scoring.ScoringBuilders.U("r3", "y")];
        ScoreCard CardOf(params Assessment[][] parts) => ScoreCard.FromReport(ExposureSdk.Scoring.ExposureScorer.Score(
            Scoring.ScoringBuilders.Snap(recs, parts.SelectMany(p => p), metrics, initiatives)));
        var yesterday = CardOf(aYesterday, b, c);
        var today = CardOf(aToday, c); // b has no results today: unavailable
        var todayWithAPutBack = CardOf(aYesterday, c);

        var e = ScoreDropDetector.Detect(yesterday, today).Single(x => x.Kind == SecurityEventKind.MetricScoreDrop);

        today.FindMetric("b")!.Availability.Should().Be(ScoreAvailability.Unavailable);
        e.SubjectId.Should().Be("a");
        e.Drop.Should().Be(50);
        var effect = e.InitiativeEffects.Should().ContainSingle().Subject;
        var expected = todayWithAPutBack.FindInitiative("i")!.Score!.Value - today.FindInitiative("i")!.Score!.Value;
        effect.Effect.Should().BeApproximately(expected, 1e-9);
        effect.Effect.Should().BeApproximately(50.0 * 3 / 4, 1e-9, "Σw today is 3 + 1: b is unavailable");
        effect.Effect.Should().NotBeApproximately(50.0 * 3 / 6, 1e-6, "yesterday's Σw (3 + 2 + 1) would understate it");
        effect.WeightSum.Should().Be(4);
    }

    [Fact]
    public void Detect_MetricDrop_CarriesCauses()
    {
        var previous = Card(Yesterday, [M("m", 80, affected: 2, scope: 10, recs: ["r1"], top: ["a", "b"])]);
        var current = Card(Today, [M("m", 75, MetricWeight.Medium, affected: 3, scope: 12, recs: ["r1", "r2"], top: ["a", "c", "d"])]);

        var causes = ScoreDropDetector.Detect(previous, current).Single().MetricCauses!;

        causes.NewlyAffectedAssetIds.Should().Equal("c", "d");
        causes.AffectedDelta.Should().Be(1);
        causes.ScopeDelta.Should().Be(2);
        causes.AssetsAddedToScope.Should().Be(2);
        causes.RecommendationsAdded.Should().Equal("r2");
        causes.RecommendationsRemoved.Should().BeEmpty();
        causes.WeightChange.Should().BeEquivalentTo(new { MetricId = new MetricId("m"), Previous = MetricWeight.High, Current = MetricWeight.Medium });
    }

    [Fact]
    public void Detect_NewlyAffectedIds_AreOnlyThoseTheBoundedBaselineListCanVouchFor()
    {
        var full = Enumerable.Range(0, 100).Select(i => $"a{i:D3}").ToArray();
        var previous = Card(Yesterday, [M("m", 80, affected: 150, scope: 1000, top: full)]);
        var current = Card(Today, [M("m", 70, affected: 250, scope: 1000, top: ["a000", "a0505", "a050x", "z"])]);
        var causes = ScoreDropDetector.Detect(previous, current).Single().MetricCauses!;
        causes.NewlyAffectedAssetIds.Should().Equal("a0505", "a050x");
    }

    [Fact]
    public void Detect_InitiativeDrop_CarriesMetricChangesAndWeightChanges()
    {
        var previous = Card(Yesterday, [M("a", 80), M("b", 50), M("gone", 10)], [I("i", 60, ("a", MetricWeight.High), ("b", MetricWeight.Low), ("gone", MetricWeight.Low))]);
        var current = Card(Today, [M("a", 70), M("b", 50), M("new", 10)], [I("i", 40, ("a", MetricWeight.Medium), ("b", MetricWeight.Low), ("new", MetricWeight.Low))]);
        var causes = ScoreDropDetector.Detect(previous, current).Single(e => e.Kind == SecurityEventKind.InitiativeScoreDrop).InitiativeCauses!;
        causes.MetricsAdded.Should().Equal("new");
        causes.MetricsRemoved.Should().Equal("gone");
        causes.WeightChanges.Select(w => w.MetricId).Should().Equal("a");
        causes.MetricScoreChanges.Select(c => (c.MetricId, c.PreviousScore, c.CurrentScore)).Should().Equal(("a", (double?)80, (double?)70));
    }

    [Fact]
    public void Detect_EventsAreOrderedByKindThenId()
    {
        var previous = Card(Yesterday, [M("z", 90), M("a", 90)], [I("y", 90)]);
        var current = Card(Today, [M("a", 10), M("z", 10)], [I("y", 10), I("new", 10)]);
        ScoreDropDetector.Detect(previous, current).Select(e => (e.Kind, e.SubjectId)).Should().Equal(
            (SecurityEventKind.MetricScoreDrop, "a"),
            (SecurityEventKind.MetricScoreDrop, "z"),
            (SecurityEventKind.InitiativeScoreDrop, "y"),
            (SecurityEventKind.NewInitiative, "new"));
    }

    // ---- Baseline ("yesterday") ----

    [Fact]
    public void SelectBaseline_SeveralSnapshotsYesterday_TheDaysLatestCounts()
    {
        var morning = Card(new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero));
        var evening = Card(new DateTimeOffset(2026, 11, 20, 23, 0, 0, TimeSpan.Zero));
        var earlierToday = Card(new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero));
        ScoreDropDetector.SelectBaseline([evening, earlierToday, morning], Today).Should().BeSameAs(evening);
    }

    [Fact]
    public void SelectBaseline_NoSnapshotYesterday_FallsBackToLatestWithin48Hours()
    {
        var twoDaysAgo = Card(new DateTimeOffset(2026, 11, 19, 10, 0, 0, TimeSpan.Zero));
        var older = Card(new DateTimeOffset(2026, 11, 19, 5, 0, 0, TimeSpan.Zero));
        ScoreDropDetector.SelectBaseline([older, twoDaysAgo], Today).Should().BeSameAs(twoDaysAgo);
    }

    [Fact]
    public void SelectBaseline_OnlySnapshotsOlderThan48Hours_ReturnsNull()
    {
        var old = Card(new DateTimeOffset(2026, 11, 19, 5, 59, 0, TimeSpan.Zero));
        ScoreDropDetector.SelectBaseline([old], Today).Should().BeNull();
    }

    [Fact]
    public void SelectBaseline_OnlySnapshotsOfToday_ReturnsNull()
    {
        ScoreDropDetector.SelectBaseline([Card(Today.AddHours(-1))], Today).Should().BeNull();
    }

    [Fact]
    public void SelectBaseline_UsesTheConfiguredTimeZoneForCalendarDays()
    {
        // 21 Nov 06:00 UTC is 21 Nov 01:00 in UTC-5; 21 Nov 03:00 UTC is 20 Nov 22:00 there, so "yesterday" in that zone.
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5");
        var lateYesterdayLocal = Card(new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero));
        var utcYesterday = Card(new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero));
        ScoreDropDetector.SelectBaseline([utcYesterday, lateYesterdayLocal], Today, new ScoreDropOptions { TimeZone = zone }).Should().BeSameAs(lateYesterdayLocal);
        ScoreDropDetector.SelectBaseline([utcYesterday, lateYesterdayLocal], Today).Should().BeSameAs(utcYesterday);
    }

    [Fact]
    public void Detect_RelativeMode_IsInclusiveDespiteFloatingPointNoise()
    {
        // 57 / 100 × 100 is 56.99999999999999 in doubles: the tolerance (threshold − 1e-9) keeps the comparison inclusive.
        var options = new ScoreDropOptions { ThresholdPoints = 57, Mode = ScoreDropThresholdMode.PercentOfPrevious };
        (57.0 / 100 * 100).Should().BeLessThan(57);
        MetricDrop(100, 43, options).Should().ContainSingle();
        MetricDrop(100, 43.01, options).Should().BeEmpty();
    }

    [Fact]
    public void Detect_RiskAcceptedMetricDrop_HasNoEffectOnItsInitiatives()
    {
        // Rules §3: a RiskAccepted metric (w = 0) is excluded from initiative scores, so its drop moves no initiative.
        var previous = Card(Yesterday, [M("a", 80, initiatives: ["i"]), M("r", 90, MetricWeight.RiskAccepted, initiatives: ["i"])], [I("i", 80, ("a", MetricWeight.High), ("r", MetricWeight.RiskAccepted))]);
        var current = Card(Today, [M("a", 80, initiatives: ["i"]), M("r", 10, MetricWeight.RiskAccepted, initiatives: ["i"])], [I("i", 80, ("a", MetricWeight.High), ("r", MetricWeight.RiskAccepted))]);

        var e = ScoreDropDetector.Detect(previous, current).Should().ContainSingle().Subject;

        e.SubjectId.Should().Be("r");
        e.Weight.Should().Be(MetricWeight.RiskAccepted);
        e.InitiativeEffects.Should().BeEmpty();
    }

    [Fact]
    public void Detect_MetricListingAnInitiativeThatDoesNotContainIt_HasAnEffectOnlyOnThoseThatDo()
    {
        var previous = Card(Yesterday, [M("a", 80, initiatives: ["i", "j", "k"])], [I("i", 80, ("a", MetricWeight.Low)), I("j", 50), I("k", 80, ("a", MetricWeight.Medium))]);
        var current = Card(Today, [M("a", 60, initiatives: ["i", "j", "k"])], [I("i", 60, ("a", MetricWeight.Low)), I("j", 50), I("k", 60, ("a", MetricWeight.Medium))]);

        var e = ScoreDropDetector.Detect(previous, current).Single(x => x.Kind == SecurityEventKind.MetricScoreDrop);

        e.InitiativeEffects.Select(x => (x.InitiativeId.Value, x.Effect, x.WeightSum)).Should().Equal(("i", 20.0, 1.0), ("k", 20.0, 2.0));
    }

    [Fact]
    public void Detect_MetricCausesWhenTheScopeShrank_AddNoAssetsToTheScope()
    {
        var previous = Card(Yesterday, [M("m", 80, affected: 2, scope: 10, recs: ["r1", "r2"])]);
        var current = Card(Today, [M("m", 50, affected: 3, scope: 6, recs: ["r2"])]);

        var causes = ScoreDropDetector.Detect(previous, current).Single().MetricCauses!;

        causes.ScopeDelta.Should().Be(-4);
        causes.AssetsAddedToScope.Should().Be(0);
        causes.RecommendationsRemoved.Should().Equal("r1");
        causes.RecommendationsAdded.Should().BeEmpty();
        causes.WeightChange.Should().BeNull();
    }

    [Fact]
    public void Detect_InvalidOptions_Throw()
    {
        var act = () => MetricDrop(80, 70, new ScoreDropOptions { BaselineMaxAge = TimeSpan.Zero });
        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*BaselineMaxAge*");
    }

    [Fact]
    public void SelectBaseline_CardExactly48HoursOld_IsStillAFallback()
    {
        // "no more than 48 hours old" (rules §4): the limit is inclusive.
        var exactly48 = Card(Today.AddHours(-48));
        ScoreDropDetector.SelectBaseline([exactly48], Today).Should().BeSameAs(exactly48);
        ScoreDropDetector.SelectBaseline([exactly48], Today, new ScoreDropOptions { BaselineMaxAge = TimeSpan.FromHours(47) }).Should().BeNull();
    }

    [Fact]
    public void SelectBaseline_CardsWithTheSameTime_TheLaterInHistoryWins()
    {
        var first = Card(Yesterday);
        var second = Card(Yesterday);
        ScoreDropDetector.SelectBaseline([first, second], Today).Should().BeSameAs(second);
        ScoreDropDetector.SelectBaseline([second, first], Today).Should().BeSameAs(first);

        var olderFirst = Card(Today.AddHours(-40));
        var olderSecond = Card(Today.AddHours(-40));
        ScoreDropDetector.SelectBaseline([olderFirst, olderSecond], Today).Should().BeSameAs(olderSecond);
        ScoreDropDetector.SelectBaseline([olderSecond, olderFirst], Today).Should().BeSameAs(olderFirst);
    }

    [Fact]
    public void SelectBaseline_YesterdaysCardWinsOverALaterFallback_AndInvalidOptionsThrow()
    {
        var yesterday = Card(new DateTimeOffset(2026, 11, 20, 0, 30, 0, TimeSpan.Zero));
        var twoDaysAgo = Card(new DateTimeOffset(2026, 11, 19, 23, 0, 0, TimeSpan.Zero));
        ScoreDropDetector.SelectBaseline([yesterday, twoDaysAgo], Today).Should().BeSameAs(yesterday);
        ScoreDropDetector.SelectBaseline([twoDaysAgo, yesterday], Today).Should().BeSameAs(yesterday);

        var act = () => ScoreDropDetector.SelectBaseline([yesterday], Today, new ScoreDropOptions { BaselineMaxAge = TimeSpan.Zero });
        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*BaselineMaxAge*");
    }

    [Fact]
    public void Detect_DropOfExactlyThresholdMinusTolerance_RaisesAnEvent_InBothModes()
    {
        // Rules §4: previous − current ≥ threshold − 1e-9. These values hit the bound exactly in doubles.
        (40 - 30.000000001).Should().Be(10 - 1e-9);
        MetricDrop(40, 30.000000001, new ScoreDropOptions { ThresholdPoints = 10 }).Should().ContainSingle();
        ((20 - 18.0000000002) / 20 * 100).Should().Be(10 - 1e-9);
        MetricDrop(20, 18.0000000002, new ScoreDropOptions { ThresholdPoints = 10, Mode = ScoreDropThresholdMode.PercentOfPrevious }).Should().ContainSingle();
    }
}
