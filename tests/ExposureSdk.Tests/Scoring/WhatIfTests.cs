using ExposureSdk.Scoring;
using static ExposureSdk.Tests.Scoring.ScoringBuilders;

namespace ExposureSdk.Tests.Scoring;

public sealed class WhatIfTests
{
    private static ExposureSnapshot Sample() => Snap(
        [Rec("r1", maxPoints: 10), Rec("r2", maxPoints: 5, counts: new ResultCounts(4, 8)), Rec("r3", maxPoints: 2, state: ComplianceState.NotCompliant)],
        [U("r1", "a"), U("r1", "b"), H("r1", "c"), H("r3", "a")],
        [Met("m1", MetricWeight.High, "r1"), Met("m2", MetricWeight.Low, "r2")],
        [Ini("i1", ["m1", "m2"]), Ini("i2", recs: ["r3"])]);

    [Fact]
    public void WhatIf_RemediatedRecommendation_TurnsUnhealthyResultsHealthy()
    {
        var after = ExposureScorer.WhatIf(Sample(), new RemediationScenario(["r1"]));
        after.FindMetric("m1")!.Score.Should().Be(100);
        after.FindRecommendation("r1")!.State.Should().Be(ComplianceState.Compliant);
        after.FindRecommendation("r1")!.Points.AchievedPoints.Should().Be(10);
    }

    [Fact]
    public void WhatIf_RemediatedCountOnlyRecommendation_HasNoAffected()
    {
        var after = ExposureScorer.WhatIf(Sample(), new RemediationScenario(["r2"]));
        after.FindMetric("m2")!.Affected.Should().Be(0);
        after.FindMetric("m2")!.Scope.Should().Be(8);
    }

    [Fact]
    public void WhatIf_RemediatedRecommendation_DropsExplicitNonMitigatedState()
    {
        var after = ExposureScorer.WhatIf(Sample(), new RemediationScenario(["r3"]));
        var r3 = after.FindRecommendation("r3")!;
        r3.State.Should().Be(ComplianceState.Compliant);
        r3.State.Should().Be(r3.DerivedState);
        r3.IsStateExplicit.Should().BeFalse("the scenario dropped the explicit state and the engine derived this one (docs/scoring.md)");
        ExposureScorer.Score(Sample()).FindRecommendation("r3")!.IsStateExplicit.Should().BeTrue("the baseline still uses the explicit state");
    }

    [Theory]
    [InlineData(ComplianceState.NotAvailable)]
    [InlineData(ComplianceState.NotCompliant)]
    [InlineData(ComplianceState.Compliant)]
    public void WhatIf_RemediatedRecommendationWithExplicitState_ReportsTheDerivedStateAsNotExplicit(ComplianceState state)
    {
        var snapshot = Snap([Rec("r1", maxPoints: 10, state: state)], [U("r1", "a"), H("r1", "b")], [Met("m1", MetricWeight.High, "r1")], [Ini("i1", ["m1"])]);

        var after = ExposureScorer.WhatIf(snapshot, new RemediationScenario(["r1"])).FindRecommendation("r1")!;

        after.IsStateExplicit.Should().BeFalse();
        after.State.Should().Be(ComplianceState.Compliant);
        after.DerivedState.Should().Be(ComplianceState.Compliant);
    }

    [Fact]
    public void WhatIf_RemediatedMitigatedRecommendation_KeepsItsExplicitState()
    {
        var snapshot = Snap([Rec("r1", maxPoints: 10, state: ComplianceState.MitigatedByOrganization)], [U("r1", "a")], [Met("m1", MetricWeight.High, "r1")], [Ini("i1", ["m1"])]);

        var after = ExposureScorer.WhatIf(snapshot, new RemediationScenario(["r1"])).FindRecommendation("r1")!;

        after.IsStateExplicit.Should().BeTrue();
        after.State.Should().Be(ComplianceState.MitigatedByOrganization);
    }

    [Fact]
    public void WhatIf_RecommendationNotInTheScenario_KeepsItsExplicitFlag()
    {
        var after = ExposureScorer.WhatIf(Sample(), new RemediationScenario(["r1"]));
        after.FindRecommendation("r3")!.IsStateExplicit.Should().BeTrue();
        after.FindRecommendation("r1")!.IsStateExplicit.Should().BeFalse();
    }

    [Fact]
    public void WhatIf_RemediatedAsset_ChangesOnlyThatResult()
    {
        var after = ExposureScorer.WhatIf(Sample(), new RemediationScenario(assets: [new AssetRemediation("r1", "a")]));
        var m1 = after.FindMetric("m1")!;
        m1.Affected.Should().Be(1);
        m1.TopAffectedAssetIds.Select(a => a.Value).Should().Equal("b");
    }

    [Fact]
    public void WhatIf_UnknownRecommendation_ThrowsNamingIt()
    {
        var act = () => ExposureScorer.WhatIf(Sample(), new RemediationScenario(["nope"]));
        act.Should().Throw<ArgumentException>().WithMessage("*nope*");
    }

    [Fact]
    public void WhatIf_DoesNotChangeTheBaseline()
    {
        var snapshot = Sample();
        var before = ExposureScorer.Score(snapshot);
        _ = ExposureScorer.WhatIf(snapshot, new RemediationScenario(["r1", "r2"]));
        ExposureScorer.Score(snapshot).FindMetric("m1")!.Score.Should().Be(before.FindMetric("m1")!.Score);
    }

    [Fact]
    public void PlanRemediation_RanksByInitiativeGain()
    {
        var plan = ExposureScorer.PlanRemediation(Sample());

        // m1 (High, 33.3) and m2 (Low, 50) in i1: fixing r1 gains 3 × 66.7 / 4 = 50, r2 gains 1 × 50 / 4 = 12.5.
        plan.Steps.Select(s => s.RecommendationId.Value).Should().Equal("r1", "r2");
        plan.Steps[0].GainFor("i1").Should().BeApproximately(50, 1e-9);
        plan.Steps[1].GainFor("i1").Should().BeApproximately(12.5, 1e-9);
        plan.Steps[0].SecureScoreGain.Should().BeGreaterThan(0);
        plan.ForInitiative("i1").Select(s => s.RecommendationId.Value).Should().Equal("r1", "r2");
        plan.ForInitiative("i2").Should().BeEmpty();
        plan.Baseline.FindInitiative("i1")!.Score.Should().Be(ExposureScorer.Score(Sample()).FindInitiative("i1")!.Score);
    }
}
