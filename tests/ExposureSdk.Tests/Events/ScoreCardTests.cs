using System.Text.Json;
using ExposureSdk.Events;
using ExposureSdk.Scoring;
using ExposureSdk.Tests.Scoring;
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
    public void Json_RoundTripsThroughTheSourceGeneratedContext()
    {
        var snapshot = RandomSnapshots.Create(new Random(42), maxAssets: 20);
        var card = ExposureScorer.Score(snapshot).ToScoreCard().WithStaleMetrics(snapshot.Metrics.Take(1).Select(m => m.Id.Value), "source failed");

        var json = JsonSerializer.Serialize(card, EventsJsonContext.Default.ScoreCard);
        var back = JsonSerializer.Deserialize(json, EventsJsonContext.Default.ScoreCard)!;

        JsonSerializer.Serialize(back, EventsJsonContext.Default.ScoreCard).Should().Be(json);
        json.Should().Contain("\"asOf\"");
        back.Metrics.Should().HaveCount(card.Metrics.Count);
        back.Initiatives.Should().HaveCount(card.Initiatives.Count);
    }

    [Fact]
    public void Json_OriginRoundTripsAsAStringAndACardStoredBeforeItExistedReadsAsRefresh()
    {
        var seeded = new ScoreCard("t", Today, 40, [], [], ScoreCardOrigin.SourceHistory);

        var json = JsonSerializer.Serialize(seeded, EventsJsonContext.Default.ScoreCard);
        var back = JsonSerializer.Deserialize(json, EventsJsonContext.Default.ScoreCard)!;
        var older = JsonSerializer.Deserialize("""{"tenantId":"t","asOf":"2026-11-20T00:00:00+00:00","secureScore":40,"metrics":[],"initiatives":[]}""", EventsJsonContext.Default.ScoreCard)!;

        json.Should().Contain("\"origin\":\"SourceHistory\"");
        back.Origin.Should().Be(ScoreCardOrigin.SourceHistory);
        older.Origin.Should().Be(ScoreCardOrigin.Refresh);
        seeded.WithStaleMetrics([], "x").Origin.Should().Be(ScoreCardOrigin.SourceHistory);
    }

    [Fact]
    public void Constructor_UndefinedOrigin_Throws()
    {
        var act = () => new ScoreCard("t", Today, null, [], [], (ScoreCardOrigin)7);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("origin");
    }

    [Fact]
    public void Json_SecurityEventRoundTrips()
    {
        var previous = Card(Today.AddDays(-1), [M("m", 90, top: ["a"])], [I("i", 90, ("m", MetricWeight.High))]);
        var current = Card(Today, [M("m", 50, top: ["a", "b"])], [I("i", 50, ("m", MetricWeight.High))]);
        var events = ScoreDropDetector.Detect(previous, current);

        var json = JsonSerializer.Serialize(events, EventsJsonContext.Default.IReadOnlyListSecurityEvent);
        var back = JsonSerializer.Deserialize(json, EventsJsonContext.Default.IReadOnlyListSecurityEvent)!;

        JsonSerializer.Serialize(back, EventsJsonContext.Default.IReadOnlyListSecurityEvent).Should().Be(json);
        json.Should().Contain("\"MetricScoreDrop\"");
        back[0].Causes!.NewlyAffectedAssetIds.Should().Equal("b");
    }
}
