using ExposureSdk.ScoreCards;
using static ExposureSdk.Tests.Events.CardBuilders;

namespace ExposureSdk.Tests.Events;

public sealed class ScoreCardTests
{
    [Fact]
    public void WithStaleMetrics_MarksMetricsAndTheirInitiativesStaleWithReason()
    {
        var card = Card(Today, [M("a", 50), M("b", 60)], [I("i1", 55, ("a", MetricWeight.High)), I("i2", 60, ("b", MetricWeight.High))]);

        var stale = card.WithStaleMetrics(["a"], "provider 'graph' failed");

        stale.FindMetric("a")!.Availability.Should().Be(ScoreAvailability.Stale);
        stale.FindMetric("a")!.StaleReason.Should().Be("provider 'graph' failed");
        stale.FindMetric("a")!.Score.Should().Be(50);
        stale.FindMetric("b")!.Availability.Should().Be(ScoreAvailability.Available);
        stale.FindInitiative("i1")!.Availability.Should().Be(ScoreAvailability.Stale);
        stale.FindInitiative("i2")!.Availability.Should().Be(ScoreAvailability.Available);
        card.FindMetric("a")!.Availability.Should().Be(ScoreAvailability.Available, "the original card is unchanged");
    }

    [Fact]
    public void WithStaleMetrics_UnknownMetric_Throws()
    {
        var act = () => Card(Today).WithStaleMetrics(["x"], "r");
        act.Should().Throw<ArgumentException>().WithMessage("*'x'*");
    }

    [Fact]
    public void Constructor_RepeatedMetric_ThrowsNamingIt()
    {
        var act = () => Card(Today, [M("a", 1), M("a", 2)]);
        act.Should().Throw<ArgumentException>().WithMessage("*'a'*");
    }

    [Fact]
    public void Constructor_ScoreOutside0To100_Throws()
    {
        var act = () => M("a", 100.5);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Constructor_UndefinedOrigin_Throws()
    {
        var act = () => new ScoreCard("t", Today, null, [], [], (ScoreCardOrigin)7);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("origin");
    }
}
