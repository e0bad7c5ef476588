using ExposureSdk.Events;
using static ExposureSdk.Tests.Events.CardBuilders;

namespace ExposureSdk.Tests.Events;

public sealed class InitiativeHistoryTests
{
    private static readonly DateTimeOffset Yesterday = Today.AddDays(-1);

    [Fact]
    public void Compare_ChangeOfExactly2Point5_IsNotRecorded_GreaterIs()
    {
        InitiativeHistory.Compare(Card(Yesterday, initiatives: [I("i", 50)]), Card(Today, initiatives: [I("i", 52.5)])).Should().BeEmpty();
        var entry = InitiativeHistory.Compare(Card(Yesterday, initiatives: [I("i", 50)]), Card(Today, initiatives: [I("i", 52.51)])).Should().ContainSingle().Subject;
        entry.Change.Should().BeApproximately(2.51, 1e-12);
        entry.Reasons.Should().Equal(InitiativeChangeReason.ValueChange);
    }

    [Fact]
    public void Compare_RisesAreRecordedToo()
    {
        InitiativeHistory.Compare(Card(Yesterday, initiatives: [I("i", 50)]), Card(Today, initiatives: [I("i", 40)])).Should().ContainSingle();
    }

    [Fact]
    public void Compare_WeightChange_IsAPropertyChange()
    {
        var previous = Card(Yesterday, [M("a", 20), M("b", 80, MetricWeight.Low)], [I("i", 35, ("a", MetricWeight.High), ("b", MetricWeight.Low))]);
        var current = Card(Today, [M("a", 20, MetricWeight.Low), M("b", 80, MetricWeight.Low)], [I("i", 50, ("a", MetricWeight.Low), ("b", MetricWeight.Low))]);
        var entry = InitiativeHistory.Compare(previous, current).Single();
        entry.Reasons.Should().Equal(InitiativeChangeReason.PropertyChange);
        entry.WeightChanges.Single().MetricId.Should().Be("a");
    }

    [Fact]
    public void Compare_MetricRemovedFromInitiative_VersusMetricNoLongerExisting()
    {
        var previous = Card(Yesterday, [M("a", 20), M("b", 80), M("c", 10)], [I("i", 30, ("a", MetricWeight.High), ("b", MetricWeight.High), ("c", MetricWeight.High))]);
        var current = Card(Today, [M("a", 20, affected: 8, top: ["x"]), M("b", 80)], [I("i", 50, ("a", MetricWeight.High), ("b", MetricWeight.High))]);
        var entry = InitiativeHistory.Compare(previous, current).Single();
        entry.Reasons.Should().Equal(InitiativeChangeReason.MetricDeprecated);
        entry.MetricsDeprecated.Should().Equal("c");
        entry.NewlyExposedAssetIds.Should().Equal("x");

        var current2 = Card(Today, [M("a", 20), M("b", 80), M("c", 10)], [I("i", 50, ("a", MetricWeight.High), ("b", MetricWeight.High))]);
        var entry2 = InitiativeHistory.Compare(previous, current2).Single();
        entry2.Reasons.Should().Equal(InitiativeChangeReason.MetricRemoved);
        entry2.MetricsRemoved.Should().Equal("c");
    }

    [Fact]
    public void Compare_UnavailableOrStaleEitherSide_IsNotRecorded()
    {
        InitiativeHistory.Compare(Card(Yesterday, initiatives: [I("i", null)]), Card(Today, initiatives: [I("i", 90)])).Should().BeEmpty();
        InitiativeHistory.Compare(Card(Yesterday, initiatives: [I("i", 10)]), Card(Today, initiatives: [I("i", null)])).Should().BeEmpty();
        InitiativeHistory.Compare(Card(Yesterday), Card(Today, initiatives: [I("new", 90)])).Should().BeEmpty("an initiative new today has no earlier score");
        var stale = Card(Today, [M("a", 90)], [I("i", 90, ("a", MetricWeight.High))]).WithStaleMetrics(["a"], "failed");
        InitiativeHistory.Compare(Card(Yesterday, [M("a", 10)], [I("i", 10, ("a", MetricWeight.High))]), stale).Should().BeEmpty();
    }

    [Fact]
    public void Build_ComparesConsecutiveCardsInTimeOrder()
    {
        var cards = new[]
        {
            Card(Today, initiatives: [I("i", 70)]),
            Card(Today.AddDays(-2), initiatives: [I("i", 50)]),
            Card(Yesterday, initiatives: [I("i", 60)]),
        };
        InitiativeHistory.Build(cards).Select(e => (e.Date, e.PreviousScore, e.CurrentScore)).Should().Equal((Yesterday, 50.0, 60.0), (Today, 60.0, 70.0));
    }

    [Fact]
    public void SecurityEventWindows_RecentIs7DaysAndListIs30Days()
    {
        SecurityEvent At(double daysAgo) => SecurityEvent.NewInitiative(Today.AddDays(-daysAgo), "i" + daysAgo, "n", 1);
        var events = new[] { At(0), At(6.9), At(7), At(29), At(31) };
        SecurityEventWindows.Within(events, Today, SecurityEventWindows.Recent).Select(e => e.SubjectId).Should().Equal("i0", "i6.9");
        SecurityEventWindows.Within(events, Today, SecurityEventWindows.List).Should().HaveCount(4);
    }

    [Fact]
    public void Compare_MetricScoreChangeAndANewMetric_ListTheValueChangesAndTheExposedAssetsBothWays()
    {
        var previous = Card(Yesterday, [M("a", 80, affected: 2, top: ["x1", "x2"]), M("b", 50, top: ["y"])], [I("i", 65, ("a", MetricWeight.High), ("b", MetricWeight.High))]);
        var current = Card(Today, [M("a", 60, affected: 4, top: ["x2", "x3"]), M("b", 50, top: ["y"]), M("c", 40, affected: 6, top: ["z"])], [I("i", 50, ("a", MetricWeight.High), ("b", MetricWeight.High), ("c", MetricWeight.High))]);

        var entry = InitiativeHistory.Compare(previous, current).Should().ContainSingle().Subject;

        entry.InitiativeId.Should().Be(new InitiativeId("i"));
        entry.Name.Should().Be("Initiative i");
        entry.Date.Should().Be(Today);
        entry.Change.Should().Be(-15);
        entry.Reasons.Should().Equal(InitiativeChangeReason.ValueChange);
        entry.ValueChanges.Select(v => (v.MetricId.Value, v.PreviousScore, v.CurrentScore)).Should().Equal(("a", (double?)80, (double?)60), ("c", null, 40));
        entry.WeightChanges.Should().BeEmpty();
        entry.MetricsRemoved.Should().BeEmpty();
        entry.MetricsDeprecated.Should().BeEmpty();
        entry.NewlyExposedAssetIds.Should().Equal("x3", "z");
        entry.NoLongerExposedAssetIds.Should().Equal("x1");
    }

    [Fact]
    public void Compare_WeightAndScoreChangedTogether_GivesBothReasonsInEnumOrder()
    {
        var previous = Card(Yesterday, [M("a", 80), M("b", 20)], [I("i", 50, ("a", MetricWeight.High), ("b", MetricWeight.High))]);
        var current = Card(Today, [M("a", 70, MetricWeight.Low), M("b", 20)], [I("i", 32.5, ("a", MetricWeight.Low), ("b", MetricWeight.High))]);

        var entry = InitiativeHistory.Compare(previous, current).Single();

        entry.Reasons.Should().Equal(InitiativeChangeReason.PropertyChange, InitiativeChangeReason.ValueChange);
        entry.WeightChanges.Select(w => (w.MetricId.Value, w.Previous, w.Current)).Should().Equal(("a", MetricWeight.High, MetricWeight.Low));
    }

    [Fact]
    public void Compare_SeveralMetricsRemovedAndRetired_AreListedInOrdinalOrderWithBothReasons()
    {
        var previous = Card(Yesterday, [M("a", 90), M("b", 10), M("c", 10), M("d", 10), M("e", 10)], [I("i", 26, ("a", MetricWeight.High), ("b", MetricWeight.High), ("c", MetricWeight.High), ("d", MetricWeight.High), ("e", MetricWeight.High))]);
        var current = Card(Today, [M("a", 90), M("b", 10), M("d", 10)], [I("i", 90, ("a", MetricWeight.High))]);

        var entry = InitiativeHistory.Compare(previous, current).Single();

        entry.Reasons.Should().Equal(InitiativeChangeReason.MetricRemoved, InitiativeChangeReason.MetricDeprecated);
        entry.MetricsRemoved.Should().Equal("b", "d");
        entry.MetricsDeprecated.Should().Equal("c", "e");
    }

    [Fact]
    public void Compare_ExposedAssetLists_AreBoundedAt100EachWay_FirstInOrdinalOrder()
    {
        string[] Ids(string prefix) => [.. Enumerable.Range(0, 100).Select(k => $"{prefix}{k:D3}")];
        var previous = Card(Yesterday, [M("a", 90, affected: 100, scope: 1000, top: Ids("old-a")), M("b", 90, affected: 100, scope: 1000, top: Ids("old-b"))], [I("i", 90, ("a", MetricWeight.High), ("b", MetricWeight.High))]);
        var current = Card(Today, [M("a", 80, affected: 200, scope: 1000, top: Ids("new-b")), M("b", 80, affected: 200, scope: 1000, top: Ids("new-a"))], [I("i", 80, ("a", MetricWeight.High), ("b", MetricWeight.High))]);

        var entry = InitiativeHistory.Compare(previous, current).Single();

        InitiativeHistory.ExposedAssetLimit.Should().Be(100);
        entry.NewlyExposedAssetIds.Select(a => a.Value).Should().Equal(Ids("new-a"));
        entry.NoLongerExposedAssetIds.Select(a => a.Value).Should().Equal(Ids("old-a"));
    }

    [Fact]
    public void Build_NullCard_Throws()
    {
        FluentActions.Invoking(() => InitiativeHistory.Build([Card(Today), null!])).Should().Throw<ArgumentNullException>().WithParameterName("history");
        InitiativeHistory.Build([Card(Today, initiatives: [I("i", 10)])]).Should().BeEmpty();
    }

    [Fact]
    public void SecurityEventWindows_SameDate_OrderedByKindThenOrdinalSubjectId()
    {
        var events = new[]
        {
            SecurityEvent.NewInitiative(Today, "b", "n", 1),
            SecurityEvent.InitiativeScoreDrop(Today, "z", "n", 50, 40),
            SecurityEvent.NewInitiative(Today, "B", "n", 1),
            SecurityEvent.MetricScoreDrop(Today, "m", "n", 50, 40, MetricWeight.High),
            SecurityEvent.NewInitiative(Today.AddHours(-1), "a", "n", 1),
            SecurityEvent.NewInitiative(Today.AddHours(1), "future", "n", 1),
        };

        SecurityEventWindows.Within(events, Today, SecurityEventWindows.Recent).Select(e => (e.Kind, e.SubjectId)).Should().Equal(
            (SecurityEventKind.MetricScoreDrop, "m"),
            (SecurityEventKind.InitiativeScoreDrop, "z"),
            (SecurityEventKind.NewInitiative, "B"),
            (SecurityEventKind.NewInitiative, "b"),
            (SecurityEventKind.NewInitiative, "a"));
        SecurityEventWindows.Recent.Should().Be(TimeSpan.FromDays(7));
        SecurityEventWindows.List.Should().Be(TimeSpan.FromDays(30));
        FluentActions.Invoking(() => SecurityEventWindows.Within(events, Today, TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("window");
        FluentActions.Invoking(() => SecurityEventWindows.Within([null!], Today, SecurityEventWindows.Recent)).Should().Throw<ArgumentNullException>().WithParameterName("events");
    }

    [Fact]
    public void Compare_StaleYesterday_IsNotRecorded()
    {
        var staleYesterday = Card(Yesterday, [M("a", 10)], [I("i", 10, ("a", MetricWeight.High))]).WithStaleMetrics(["a"], "failed");
        InitiativeHistory.Compare(staleYesterday, Card(Today, [M("a", 90)], [I("i", 90, ("a", MetricWeight.High))])).Should().BeEmpty();
    }
}
