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
}
