using ExposureSdk.Scoring;
using static ExposureSdk.Tests.Scoring.ScoringBuilders;

namespace ExposureSdk.Tests.Scoring;

/// <summary>
/// Rules §3, approximate metrics: a metric whose scope is summed over several count-only recommendations,
/// or that mixes count-only and per-asset members, is marked approximate, and so is an initiative whose
/// score it counts toward. Checked on the reference rollup and the fast path alike.
/// </summary>
public sealed class ApproximateMetricTests
{
    [Fact]
    public void ApproximateMetric_OneCountOnlyRecommendation_IsExact()
    {
        var report = BothPaths(Snap([Rec("c1", counts: new ResultCounts(3, 10))], [], [Met("m", MetricWeight.High, "c1")], [Ini("i", ["m"])]));

        report.FindMetric("m")!.IsApproximate.Should().BeFalse();
        report.FindInitiative("i")!.IsApproximate.Should().BeFalse();
    }

    [Fact]
    public void ApproximateMetric_SeveralCountOnlyRecommendations_IsApproximate_AndSoIsItsInitiative()
    {
        var report = BothPaths(Snap(
            [Rec("c1", counts: new ResultCounts(3, 10)), Rec("c2", counts: new ResultCounts(1, 10))],
            [],
            [Met("m", MetricWeight.High, "c1", "c2"), Met("exact", MetricWeight.Low, "c1")],
            [Ini("i", ["m", "exact"]), Ini("j", ["exact"])]));

        var metric = report.FindMetric("m")!;
        metric.IsApproximate.Should().BeTrue("two counts of 10 may describe the same assets");
        metric.Scope.Should().Be(20, "the sum is kept: the mark says it can count one asset twice");
        metric.Affected.Should().Be(4);
        report.FindInitiative("i")!.IsApproximate.Should().BeTrue();
        report.FindInitiative("j")!.IsApproximate.Should().BeFalse();
    }

    [Fact]
    public void ApproximateMetric_CountOnlyMixedWithPerAssetResults_IsApproximate()
    {
        var report = BothPaths(Snap(
            [Rec("c1", counts: new ResultCounts(1, 4)), Rec("p1")],
            [H("p1", "a1"), U("p1", "a2")],
            [Met("m", MetricWeight.High, "c1", "p1")],
            [Ini("i", ["m"])]));

        report.FindMetric("m")!.IsApproximate.Should().BeTrue();
        report.FindMetric("m")!.Scope.Should().Be(6);
        report.FindInitiative("i")!.IsApproximate.Should().BeTrue();
    }

    [Fact]
    public void ApproximateMetric_PerAssetResultsOnly_IsExact_HoweverManyRecommendations()
    {
        var report = BothPaths(Snap(
            [Rec("p1"), Rec("p2")],
            [U("p1", "a1"), U("p2", "a1"), H("p2", "a2")],
            [Met("m", MetricWeight.High, "p1", "p2")],
            [Ini("i", ["m"])]));

        report.FindMetric("m")!.IsApproximate.Should().BeFalse("per-asset results count each asset once");
        report.FindMetric("m")!.Scope.Should().Be(2);
    }

    [Fact]
    public void ApproximateMetric_MembersThatAddNothingToTheScope_DoNotMakeItApproximate()
    {
        var report = BothPaths(Snap(
            [
                Rec("c1", counts: new ResultCounts(1, 4)),
                Rec("empty", counts: new ResultCounts(0, 0)),
                Rec("accepted", counts: new ResultCounts(2, 5), riskAccepted: true),
                Rec("na"),
            ],
            [NA("na", "a1")],
            [Met("m", MetricWeight.High, "c1", "empty", "accepted", "na")],
            [Ini("i", ["m"])]));

        report.FindMetric("m")!.IsApproximate.Should().BeFalse("only c1 adds to the scope: a total of 0, a risk-accepted count and not-applicable results add nothing");
        report.FindMetric("m")!.Scope.Should().Be(4);
    }

    [Fact]
    public void ApproximateMetric_ThatDoesNotCountTowardTheInitiative_LeavesTheInitiativeExact()
    {
        var report = BothPaths(Snap(
            [Rec("c1", counts: new ResultCounts(3, 10)), Rec("c2", counts: new ResultCounts(1, 10)), Rec("p1")],
            [H("p1", "a1")],
            [Met("accepted", MetricWeight.RiskAccepted, "c1", "c2"), Met("exact", MetricWeight.High, "p1")],
            [Ini("i", ["accepted", "exact"])]));

        report.FindMetric("accepted")!.IsApproximate.Should().BeTrue();
        report.FindInitiative("i")!.IsApproximate.Should().BeFalse("a risk-accepted metric does not count toward the initiative's score");
    }

    [Fact]
    public void ApproximateMetric_IncrementalUpdate_RemovingThePerAssetScope_MakesItExactAgain()
    {
        var snapshot = Snap(
            [Rec("c1", counts: new ResultCounts(1, 4)), Rec("p1")],
            [U("p1", "a1")],
            [Met("m", MetricWeight.High, "c1", "p1")],
            [Ini("i", ["m"])]);
        var dataset = ExposureDataset.FromSnapshot(snapshot);
        dataset.ToReport().FindMetric("m")!.IsApproximate.Should().BeTrue();

        dataset.SetAssessmentStatus("p1", "a1", AssessmentStatus.NotApplicable);

        var report = dataset.ToReport();
        report.FindMetric("m")!.IsApproximate.Should().BeFalse("only the count-only recommendation is left in scope");
        report.FindMetric("m")!.Scope.Should().Be(4);
        report.FindInitiative("i")!.IsApproximate.Should().BeFalse();
    }

    /// <summary>Scores with the reference rollup, checks the fast path gives the same marks, and returns the reference report.</summary>
    private static ScoreReport BothPaths(ExposureSnapshot snapshot)
    {
        var reference = Score(snapshot);
        var fast = ExposureDataset.FromSnapshot(snapshot).ToReport();
        fast.Metrics.Select(m => (m.Id, m.IsApproximate)).Should().Equal(reference.Metrics.Select(m => (m.Id, m.IsApproximate)));
        fast.Initiatives.Select(i => (i.Id, i.IsApproximate)).Should().Equal(reference.Initiatives.Select(i => (i.Id, i.IsApproximate)));
        return reference;
    }
}
