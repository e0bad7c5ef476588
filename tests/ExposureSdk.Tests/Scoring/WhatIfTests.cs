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

    [Fact]
    public void PlanRemediation_CandidatesHaveAnUnhealthyResultAndAreNeitherRiskAcceptedNorMitigated()
    {
        var snapshot = Snap(
            [
                Rec("healthy", maxPoints: 4),
                Rec("mitigated", maxPoints: 4, state: ComplianceState.MitigatedByOrganization),
                Rec("accepted", maxPoints: 4, riskAccepted: true),
                Rec("bad", maxPoints: 4),
                Rec("counted", maxPoints: 4, counts: new ResultCounts(1, 2)),
            ],
            [H("healthy", "a"), U("mitigated", "a"), U("accepted", "a"), U("bad", "a"), H("bad", "b")],
            [Met("m", MetricWeight.High, "healthy", "mitigated", "accepted", "bad")],
            [Ini("i", ["m"])]);

        var plan = ExposureScorer.PlanRemediation(snapshot);

        plan.Steps.Select(s => s.RecommendationId.Value).Should().Equal("bad", "counted");
        var bad = plan.Steps[0];
        bad.Name.Should().Be("Name of bad");
        bad.Unhealthy.Should().Be(1);
        bad.InitiativeGains.Select(g => (g.InitiativeId.Value, g.Before, g.After, g.Gain)).Should().Equal(("i", (double?)50, (double?)100, 50.0));
        bad.TotalInitiativeGain.Should().Be(50);
        bad.GainFor("other").Should().Be(0);
        var counted = plan.Steps[1];
        counted.InitiativeGains.Should().BeEmpty();
        counted.TotalInitiativeGain.Should().Be(0);
        counted.Unhealthy.Should().Be(1);
        plan.ForInitiative("i").Select(s => s.RecommendationId.Value).Should().Equal("bad");
    }

    [Fact]
    public void PlanRemediation_EqualInitiativeGains_RankBySecureScoreGainThenOrdinalId()
    {
        // No initiative: every total gain is 0. b2 and B1 are worth more Secure Score points than a0.
        var snapshot = Snap(
            [Rec("a0", maxPoints: 1), Rec("b2", maxPoints: 5), Rec("B1", maxPoints: 5), Rec("c", maxPoints: 5)],
            [U("a0", "x"), U("b2", "x"), U("B1", "x"), H("c", "x")]);

        var plan = ExposureScorer.PlanRemediation(snapshot);

        plan.Steps.Select(s => s.RecommendationId.Value).Should().Equal("B1", "b2", "a0");
        plan.Steps.Select(s => s.SecureScoreGain).Should().Equal(100.0 * 5 / 16, 100.0 * 5 / 16, 100.0 * 1 / 16);
        plan.Steps.Should().OnlyContain(s => s.TotalInitiativeGain == 0 && s.InitiativeGains.Count == 0);
    }

    [Fact]
    public void PlanRemediation_NoSecureScore_GainIs0_AndAnAbsentInitiativeScoreGains0()
    {
        // No max points anywhere: Secure Score is absent before and after. The initiative over m2 (count-only, 0 assessed) is absent.
        var snapshot = Snap(
            [Rec("r"), Rec("empty", counts: new ResultCounts(0, 0))],
            [U("r", "x")],
            [Met("m", MetricWeight.High, "r"), Met("m2", MetricWeight.High, "empty")],
            [Ini("i", ["m"]), Ini("j", ["m2"], recs: ["r"])]);

        var step = ExposureScorer.PlanRemediation(snapshot).Steps.Should().ContainSingle().Subject;

        step.SecureScoreGain.Should().Be(0);
        step.GainFor("i").Should().Be(100);
        step.InitiativeGains.Select(g => (g.InitiativeId.Value, g.Before, g.After, g.Gain)).Should().Equal(("i", (double?)0, (double?)100, 100.0), ("j", null, null, 0.0));
    }

    [Fact]
    public void WhatIfAndPlanRemediation_UseTheGivenWeights()
    {
        var options = new ScoringOptions { HighWeight = 1, LowWeight = 3 };
        var scored = ExposureScorer.Score(Sample(), options).FindInitiative("i1")!.Score;
        scored.Should().NotBe(ExposureScorer.Score(Sample()).FindInitiative("i1")!.Score);

        ExposureScorer.WhatIf(Sample(), new RemediationScenario(), options).FindInitiative("i1")!.Score.Should().Be(scored);
        ExposureScorer.PlanRemediation(Sample(), options).Baseline.FindInitiative("i1")!.Score.Should().Be(scored);
    }

    [Fact]
    public void PlanRemediation_EqualGainsOnAnInitiative_RankByOrdinalId()
    {
        var snapshot = Snap([Rec("b"), Rec("a")], [U("a", "x"), U("b", "y")], [Met("m", MetricWeight.High, "a", "b")], [Ini("i", ["m"])]);

        var plan = ExposureScorer.PlanRemediation(snapshot);

        plan.Steps.Select(s => (s.RecommendationId.Value, s.GainFor("i"))).Should().Equal(("a", 50.0), ("b", 50.0));
        plan.ForInitiative("i").Select(s => s.RecommendationId.Value).Should().Equal("a", "b");
    }

    [Fact]
    public void WhatIf_UnknownRecommendationOrAsset_TheMessageNamesTheList()
    {
        FluentActions.Invoking(() => ExposureScorer.WhatIf(Sample(), new RemediationScenario(["nope"]))).Should().Throw<ArgumentException>().WithMessage("*recommendations*nope*");
        FluentActions.Invoking(() => ExposureScorer.WhatIf(Sample(), new RemediationScenario(assets: [new AssetRemediation("nope", "a")]))).Should().Throw<ArgumentException>().WithMessage("*assets*nope*");
    }
}
