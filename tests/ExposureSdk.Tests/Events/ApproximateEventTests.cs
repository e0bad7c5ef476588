using System.Text;
using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.ScoreCards;
using static ExposureSdk.Tests.Scoring.ScoringBuilders;

namespace ExposureSdk.Tests.Events;

/// <summary>
/// Rules §3, approximate metrics, past the engine: the mark reaches score cards, events about the metric or
/// initiative, and the stored format (an addition to format version 1, written only when true).
/// </summary>
public sealed class ApproximateEventTests
{
    [Fact]
    public void ApproximateMetric_ScoreCard_CarriesTheMark()
    {
        var card = ScoreCard.FromReport(Score(Day(affected: 3)));

        card.FindMetric("summed")!.IsApproximate.Should().BeTrue();
        card.FindMetric("exact")!.IsApproximate.Should().BeFalse();
        card.FindInitiative("with-summed")!.IsApproximate.Should().BeTrue();
        card.FindInitiative("exact-only")!.IsApproximate.Should().BeFalse();
    }

    [Fact]
    public void ApproximateMetric_DropEvents_AreMarked()
    {
        var yesterday = ScoreCard.FromReport(Score(Day(affected: 0, days: -1)));
        var today = ScoreCard.FromReport(Score(Day(affected: 8)));

        var events = ScoreDropDetector.Detect(yesterday, today);

        events.Single(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.MetricId == "summed").IsApproximate.Should().BeTrue();
        events.Single(e => e.Kind == SecurityEventKind.InitiativeScoreDrop && e.InitiativeId == "with-summed").IsApproximate.Should().BeTrue();
        events.Should().NotContain(e => e.InitiativeId == "exact-only", "its only metric did not move");
    }

    [Fact]
    public void ApproximateMetric_StoredCardAndEvent_RoundTripTheMark_AndExactOnesWriteNothingNew()
    {
        var yesterday = ScoreCard.FromReport(Score(Day(affected: 0, days: -1)));
        var today = ScoreCard.FromReport(Score(Day(affected: 8)));
        var drop = ScoreDropDetector.Detect(yesterday, today).Single(e => e.MetricId == "summed");

        var card = ScoreHistoryFormat.ReadCard(ScoreHistoryFormat.WriteCard(today));
        var stored = ScoreHistoryFormat.ReadEvent(ScoreHistoryFormat.WriteEvent(drop));

        card.FindMetric("summed")!.IsApproximate.Should().BeTrue();
        card.FindMetric("exact")!.IsApproximate.Should().BeFalse();
        card.FindInitiative("with-summed")!.IsApproximate.Should().BeTrue();
        stored.IsApproximate.Should().BeTrue();
        var exactEvent = SecurityEvent.NewInitiative(today.AsOf, "exact-only", "Exact only", 100);
        Encoding.UTF8.GetString(ScoreHistoryFormat.WriteEvent(exactEvent)).Should().NotContain("approximate", "format version 1 stays as it was for exact scores");
        SecurityEvent.MetricScoreDrop(today.AsOf, "m", "M", 90, 80, MetricWeight.High, isApproximate: true).IsApproximate.Should().BeTrue();
        SecurityEvent.InitiativeScoreDrop(today.AsOf, "i", "I", 90, 80, isApproximate: true).IsApproximate.Should().BeTrue();
    }

    /// <summary>summed = two count-only recommendations (approximate); exact = per-asset results only.</summary>
    private static ExposureSnapshot Day(int affected, int days = 0) => new(
        "tenant-1",
        AsOf.AddDays(days),
        [Rec("c1", counts: new ResultCounts(affected, 10)), Rec("c2", counts: new ResultCounts(0, 10)), Rec("p1")],
        null,
        [H("p1", "a1")],
        [Met("summed", MetricWeight.High, "c1", "c2"), Met("exact", MetricWeight.Medium, "p1")],
        [Ini("with-summed", ["summed", "exact"]), Ini("exact-only", ["exact"])]);
}
