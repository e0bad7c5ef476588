using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;
using static ExposureSdk.Tests.Scoring.ScoringBuilders;

namespace ExposureSdk.Tests.Scoring;

public sealed class ExposureScorerTests
{
    // ---- Recommendation compliance state (§2) ----

    [Fact]
    public void Score_AnyAssessedAssetUnhealthy_StateIsNotCompliant()
    {
        var report = Score(Snap([Rec("r")], [H("r", "a"), U("r", "b")]));
        report.FindRecommendation("r")!.State.Should().Be(ComplianceState.NotCompliant);
    }

    [Fact]
    public void Score_HealthyAndNoUnhealthy_StateIsCompliant()
    {
        var report = Score(Snap([Rec("r")], [H("r", "a"), NA("r", "b")]));
        report.FindRecommendation("r")!.State.Should().Be(ComplianceState.Compliant);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Score_NoResultsOrAllNotApplicable_StateIsNotAvailable(bool withNotApplicable)
    {
        var report = Score(Snap([Rec("r")], withNotApplicable ? [NA("r", "a")] : []));
        var rec = report.FindRecommendation("r")!;
        rec.State.Should().Be(ComplianceState.NotAvailable);
        rec.ResultKind.Should().Be(withNotApplicable ? ResultKind.PerAsset : ResultKind.None);
    }

    [Fact]
    public void Score_ExplicitStateWinsOverDerivedState()
    {
        var report = Score(Snap([Rec("r", state: ComplianceState.MitigatedByOrganization)], [U("r", "a")]));
        var rec = report.FindRecommendation("r")!;
        rec.State.Should().Be(ComplianceState.MitigatedByOrganization);
        rec.DerivedState.Should().Be(ComplianceState.NotCompliant);
        rec.IsStateExplicit.Should().BeTrue();
    }

    [Fact]
    public void Score_CountOnlyRecommendation_UsesCountsForState()
    {
        var report = Score(Snap([Rec("r", counts: new ResultCounts(3, 10))]));
        var rec = report.FindRecommendation("r")!;
        rec.ResultKind.Should().Be(ResultKind.CountOnly);
        rec.State.Should().Be(ComplianceState.NotCompliant);
        rec.Healthy.Should().Be(7);
        rec.Unhealthy.Should().Be(3);
    }

    [Fact]
    public void Score_RecommendationWithAssessmentsAndCounts_PerAssetResultsWin()
    {
        var report = Score(Snap([Rec("r", counts: new ResultCounts(3, 10))], [H("r", "a")]));
        var rec = report.FindRecommendation("r")!;
        rec.ResultKind.Should().Be(ResultKind.PerAsset);
        rec.Assessed.Should().Be(1);
    }

    // ---- Metric (§3) ----

    [Fact]
    public void Score_MetricScopeAndAffected_CountEachAssetOnceAcrossRecommendations()
    {
        // a fails both, b fails one, c is healthy on both, d is not applicable only.
        var snap = Snap(
            [Rec("r1"), Rec("r2")],
            [U("r1", "a"), U("r2", "a"), U("r1", "b"), H("r2", "b"), H("r1", "c"), H("r2", "c"), NA("r1", "d")],
            [Met("m", MetricWeight.High, "r1", "r2")]);

        var metric = Score(snap).FindMetric("m")!;

        metric.Scope.Should().Be(3);
        metric.Affected.Should().Be(2);
        metric.Exposure.Should().Be(100.0 * 2 / 3);
        metric.Score.Should().Be(100.0 - (100.0 * 2 / 3));
        metric.IsAvailable.Should().BeTrue();
        metric.TopAffectedAssetIds.Select(a => a.Value).Should().Equal("a", "b");
    }

    [Fact]
    public void Score_MetricWithScopeZero_IsUnavailableWithNoScore()
    {
        var snap = Snap([Rec("r")], [NA("r", "a")], [Met("m", MetricWeight.High, "r")]);
        var metric = Score(snap).FindMetric("m")!;
        metric.IsAvailable.Should().BeFalse();
        metric.Score.Should().BeNull();
        metric.Exposure.Should().BeNull();
    }

    [Fact]
    public void Score_MitigatedByOrganizationRecommendation_CountsAsHealthyInMetric()
    {
        var snap = Snap(
            [Rec("r1", state: ComplianceState.MitigatedByOrganization), Rec("r2")],
            [U("r1", "a"), U("r1", "b"), H("r2", "b")],
            [Met("m", MetricWeight.Medium, "r1", "r2")]);
        var metric = Score(snap).FindMetric("m")!;
        metric.Scope.Should().Be(2);
        metric.Affected.Should().Be(0);
        metric.Score.Should().Be(100);
    }

    [Fact]
    public void Score_CountOnlyRecommendationsInOneMetric_AffectedAndScopeAreSummed()
    {
        var snap = Snap(
            [Rec("r1", counts: new ResultCounts(1, 4)), Rec("r2", counts: new ResultCounts(2, 6))],
            metrics: [Met("m", MetricWeight.Low, "r1", "r2")]);
        var metric = Score(snap).FindMetric("m")!;
        metric.Scope.Should().Be(10);
        metric.Affected.Should().Be(3);
        metric.Score.Should().Be(100 - (100.0 * 3 / 10));
    }

    [Fact]
    public void Score_RiskAcceptedRecommendation_IsLeftOutOfMetrics()
    {
        var snap = Snap([Rec("r1", riskAccepted: true), Rec("r2")], [U("r1", "a"), H("r2", "b")], [Met("m", MetricWeight.High, "r1", "r2")]);
        var metric = Score(snap).FindMetric("m")!;
        metric.Scope.Should().Be(1);
        metric.Affected.Should().Be(0);
    }

    [Fact]
    public void Score_MetricSelector_SelectsMembersByAttribute()
    {
        var metric = new Metric("m", "Tagged", MetricWeight.High, selector: new MetricSelector(tags: ["cis"]));
        var snap = Snap([Rec("r1", tags: ["cis"]), Rec("r2")], [U("r1", "a"), U("r2", "b")], [metric]);
        var score = Score(snap).FindMetric("m")!;
        score.RecommendationIds.Select(r => r.Value).Should().Equal("r1");
        score.Affected.Should().Be(1);
        Score(snap).FindRecommendation("r1")!.MetricIds.Select(m => m.Value).Should().Equal("m");
    }

    // ---- Metric weight and initiatives (§3) ----

    [Fact]
    public void Score_InitiativeWithMetrics_IsWeightedMeanOverAvailableMetrics()
    {
        // m1 score 50 (High 3), m2 score 100 (Low 1), m3 unavailable (Medium).
        var snap = Snap(
            [Rec("r1"), Rec("r2"), Rec("r3")],
            [H("r1", "a"), U("r1", "b"), H("r2", "c"), NA("r3", "d")],
            [Met("m1", MetricWeight.High, "r1"), Met("m2", MetricWeight.Low, "r2"), Met("m3", MetricWeight.Medium, "r3")],
            [Ini("i", ["m1", "m2", "m3"])]);

        var initiative = Score(snap).FindInitiative("i")!;

        initiative.Score.Should().Be(((3 * 50.0) + (1 * 100.0)) / 4);
        initiative.WeightSum.Should().Be(4);
        var m1 = initiative.Metrics.Single(c => c.MetricId == "m1");
        m1.Contribution.Should().Be(3 * 50.0 / 4);
        m1.ScoreImpact.Should().Be(3 * (100 - 50.0) / 4);
        initiative.Metrics.Single(c => c.MetricId == "m3").IsIncluded.Should().BeFalse();
        initiative.Metrics.Single(c => c.MetricId == "m3").Contribution.Should().BeNull();
    }

    [Fact]
    public void Score_WeightValuesAreConfigurable()
    {
        var snap = Snap(
            [Rec("r1"), Rec("r2")],
            [U("r1", "a"), H("r2", "b")],
            [Met("m1", MetricWeight.High, "r1"), Met("m2", MetricWeight.Low, "r2")],
            [Ini("i", ["m1", "m2"])]);
        var options = new ScoringOptions { HighWeight = 9, LowWeight = 1 };
        Score(snap, options).FindInitiative("i")!.Score.Should().Be(((9 * 0.0) + (1 * 100.0)) / 10);
        Score(snap).FindInitiative("i")!.Score.Should().Be(25);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Score_WeightOptionNotPositiveFinite_Throws(double value)
    {
        var act = () => Score(Snap(), new ScoringOptions { MediumWeight = value });
        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*MediumWeight*");
    }

    [Fact]
    public void Score_RiskAcceptedMetricWeight_IsExcludedFromInitiative()
    {
        var snap = Snap(
            [Rec("r1"), Rec("r2")],
            [U("r1", "a"), H("r2", "b")],
            [Met("m1", MetricWeight.RiskAccepted, "r1"), Met("m2", MetricWeight.Low, "r2")],
            [Ini("i", ["m1", "m2"])]);
        var initiative = Score(snap).FindInitiative("i")!;
        initiative.Score.Should().Be(100);
        initiative.Metrics.Single(c => c.MetricId == "m1").IsIncluded.Should().BeFalse();
    }

    [Fact]
    public void Score_AllMetricsRiskAccepted_InitiativeScoreIsAbsent()
    {
        var snap = Snap(
            [Rec("r1")],
            [U("r1", "a")],
            [Met("m1", MetricWeight.RiskAccepted, "r1")],
            [Ini("i", ["m1"])]);
        Score(snap).FindInitiative("i")!.Score.Should().BeNull();
    }

    [Fact]
    public void Score_AllMetricsUnavailable_InitiativeScoreIsAbsent()
    {
        var snap = Snap([Rec("r1")], [NA("r1", "a")], [Met("m1", MetricWeight.High, "r1")], [Ini("i", ["m1"])]);
        Score(snap).FindInitiative("i")!.Score.Should().BeNull();
    }

    [Fact]
    public void Score_InitiativeWithNoMetricsAndNoRecommendations_ScoreIsAbsent()
    {
        var initiative = Score(Snap(initiatives: [Ini("i")])).FindInitiative("i")!;
        initiative.Score.Should().BeNull();
        initiative.IsRecommendationOnly.Should().BeTrue();
    }

    [Fact]
    public void Score_InitiativeWithoutMetrics_IsScoredByPointsOverItsRecommendations()
    {
        var snap = Snap(
            [Rec("r1", maxPoints: 10), Rec("r2", maxPoints: 5), Rec("r3", maxPoints: 8)],
            [H("r1", "a"), U("r2", "a"), H("r3", "a")],
            initiatives: [Ini("i", recs: ["r1", "r2"])]);
        var initiative = Score(snap).FindInitiative("i")!;
        initiative.Points!.Value.AchievedPoints.Should().Be(10);
        initiative.Points!.Value.MaxPoints.Should().Be(15);
        initiative.Score.Should().Be(10.0 / 15 * 100);
    }

    [Fact]
    public void Score_InitiativeListingMetricsAndRecommendations_IsScoredFromMetrics()
    {
        var snap = Snap(
            [Rec("r1", maxPoints: 10), Rec("r2", maxPoints: 10)],
            [U("r1", "a"), H("r2", "a")],
            [Met("m", MetricWeight.High, "r1")],
            [Ini("i", ["m"], ["r2"])]);
        var initiative = Score(snap).FindInitiative("i")!;
        initiative.Score.Should().Be(0);
        initiative.Points.Should().BeNull();
    }

    [Fact]
    public void Score_TargetScore_IsReportedWithGap()
    {
        var snap = Snap([Rec("r")], [H("r", "a"), U("r", "b")], [Met("m", MetricWeight.High, "r")], [Ini("i", ["m"], target: 80)]);
        var initiative = Score(snap).FindInitiative("i")!;
        initiative.TargetScore.Should().Be(80);
        initiative.GapToTarget.Should().Be(30);
    }

    // ---- Points and Secure Score (§3) ----

    [Fact]
    public void Score_PartialCredit_FiftyOfHundredOnTenPointAction_IsFivePoints()
    {
        var assessments = Enumerable.Range(0, 100).Select(i => i < 50 ? H("r", $"u{i:D3}") : U("r", $"u{i:D3}"));
        var report = Score(Snap([Rec("r", maxPoints: 10)], assessments));
        report.FindRecommendation("r")!.Points.AchievedPoints.Should().Be(5);
        report.SecureScore.AchievedPoints.Should().Be(5);
        report.SecureScore.MaxPoints.Should().Be(10);
        report.SecureScore.Percentage.Should().Be(50);
    }

    [Fact]
    public void Score_PartialCreditFromCounts_UsesTotalMinusAffected()
    {
        var report = Score(Snap([Rec("r", maxPoints: 10, counts: new ResultCounts(50, 100))]));
        report.SecureScore.AchievedPoints.Should().Be(5);
    }

    [Fact]
    public void Score_MitigatedByOrganization_EarnsFullPoints()
    {
        var report = Score(Snap([Rec("r", maxPoints: 7, state: ComplianceState.MitigatedByOrganization)], [U("r", "a")]));
        report.SecureScore.AchievedPoints.Should().Be(7);
        report.SecureScore.MaxPoints.Should().Be(7);
    }

    [Fact]
    public void Score_MitigatedByOrganizationWithoutResults_StillEarnsFullPoints()
    {
        var report = Score(Snap([Rec("r", maxPoints: 7, state: ComplianceState.MitigatedByOrganization)]));
        report.SecureScore.Percentage.Should().Be(100);
    }

    [Fact]
    public void Score_RiskAcceptedRecommendation_IsExcludedFromBothPointSums()
    {
        var report = Score(Snap([Rec("r1", maxPoints: 10, riskAccepted: true), Rec("r2", maxPoints: 4)], [U("r1", "a"), H("r2", "a")]));
        report.SecureScore.MaxPoints.Should().Be(4);
        report.SecureScore.Percentage.Should().Be(100);
        report.FindRecommendation("r1")!.CountsTowardPoints.Should().BeFalse();
    }

    [Fact]
    public void Score_RecommendationWithoutMaxPointsOrWithoutAssessedResult_AddsNothing()
    {
        var report = Score(Snap([Rec("r1"), Rec("r2", maxPoints: 10), Rec("r3", maxPoints: 2)], [U("r1", "a"), NA("r2", "a"), H("r3", "a")]));
        report.SecureScore.MaxPoints.Should().Be(2);
        report.SecureScore.AchievedPoints.Should().Be(2);
    }

    [Fact]
    public void Score_MaxPointsZero_SecureScoreIsAbsent()
    {
        var report = Score(Snap([Rec("r1")], [U("r1", "a")]));
        report.SecureScore.Percentage.Should().BeNull();
    }

    [Fact]
    public void Score_EmptySnapshot_HasNoScoresAndNoEntries()
    {
        var report = Score(Snap());
        report.TenantId.Should().Be("tenant-1");
        report.AsOf.Should().Be(AsOf);
        report.SecureScore.Percentage.Should().BeNull();
        report.Recommendations.Should().BeEmpty();
        report.Metrics.Should().BeEmpty();
        report.Initiatives.Should().BeEmpty();
        report.BySource.Should().BeEmpty();
        ScoreCard.FromReport(report).SecureScore.Should().BeNull();
    }

    // ---- Breakdowns ----

    [Fact]
    public void Score_Breakdowns_GroupPointsAndCountsBySourceWorkloadAndDomain()
    {
        var snap = Snap(
            [
                Rec("r1", maxPoints: 10, source: "CIS Benchmark", workload: "Intune", domain: "Devices"),
                Rec("r2", maxPoints: 10, source: "Microsoft Secure Score", workload: "Intune", domain: "Identity"),
                Rec("r3", maxPoints: 10, source: "Microsoft Secure Score", workload: "Okta", domain: "Identity", riskAccepted: true),
            ],
            [H("r1", "a"), U("r2", "a"), H("r3", "a")]);
        var report = Score(snap);

        report.BySource.Select(b => b.Key).Should().Equal("CIS Benchmark", "Microsoft Secure Score");
        var mss = report.BySource[1];
        mss.RecommendationCount.Should().Be(2);
        mss.NotCompliantCount.Should().Be(1);
        mss.CompliantCount.Should().Be(1);
        mss.RiskAcceptedCount.Should().Be(1);
        mss.Points.MaxPoints.Should().Be(10);
        mss.Points.Percentage.Should().Be(0);
        report.ByWorkload.Select(b => (b.Key, b.RecommendationCount)).Should().Equal(("Intune", 2), ("Okta", 1));
        report.ByDomain.Single(b => b.Key == "Devices").Points.Percentage.Should().Be(100);
    }

    // ---- Relations and lookups ----

    [Fact]
    public void Score_RelatedIds_LinkRecommendationsMetricsAndInitiatives()
    {
        var snap = Snap(
            [Rec("r1"), Rec("r2")],
            [U("r1", "a"), H("r2", "a")],
            [Met("m", MetricWeight.High, "r1")],
            [Ini("i1", ["m"]), Ini("i2", recs: ["r2"])]);
        var report = Score(snap);
        report.FindRecommendation("r1")!.MetricIds.Select(x => x.Value).Should().Equal("m");
        report.FindRecommendation("r1")!.InitiativeIds.Select(x => x.Value).Should().Equal("i1");
        report.FindRecommendation("r2")!.InitiativeIds.Select(x => x.Value).Should().Equal("i2");
        report.FindMetric("m")!.InitiativeIds.Select(x => x.Value).Should().Equal("i1");
        report.FindMetric("nope").Should().BeNull();
        report.FindInitiative("nope").Should().BeNull();
        report.FindRecommendation("nope").Should().BeNull();
    }

    [Fact]
    public void Score_NullSnapshot_Throws()
    {
        var act = () => ExposureScorer.Score(null!);
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Score_CountsTowardPoints_MitigatedOrAssessedWithMaxPoints()
    {
        var report = Score(Snap([Rec("mitigated", maxPoints: 3, state: ComplianceState.MitigatedByOrganization), Rec("assessed", maxPoints: 3), Rec("none", maxPoints: 3)], [H("assessed", "a")]));
        report.FindRecommendation("mitigated")!.CountsTowardPoints.Should().BeTrue();
        report.FindRecommendation("assessed")!.CountsTowardPoints.Should().BeTrue();
        report.FindRecommendation("none")!.CountsTowardPoints.Should().BeFalse();
    }

    [Fact]
    public void Score_Breakdowns_CountEachStateAndShowTheOrdinallySmallestSpellingOfAKey()
    {
        var report = Score(Snap(
            [
                Rec("r1", workload: "acme scanner"),
                Rec("r2", workload: "Acme Scanner"),
                Rec("r3", workload: "ACME SCANNER", state: ComplianceState.MitigatedByOrganization),
                Rec("r4", workload: "acme scanner"),
                Rec("r5", workload: "Acme Scanner", riskAccepted: true),
            ],
            [H("r1", "a"), U("r2", "a")]));

        var b = report.ByWorkload.Should().ContainSingle().Subject;
        b.Key.Should().Be("ACME SCANNER");
        (b.RecommendationCount, b.CompliantCount, b.NotCompliantCount, b.MitigatedCount, b.NotAvailableCount, b.RiskAcceptedCount).Should().Be((5, 1, 1, 1, 2, 1));
    }

    [Fact]
    public void Score_PointsScoredInitiative_IsNeverApproximate_AndTwoApproximateMetricsKeepTheInitiativeApproximate()
    {
        var report = Score(Snap(
            [Rec("c1", maxPoints: 2, counts: new ResultCounts(3, 10)), Rec("c2", counts: new ResultCounts(1, 10)), Rec("c3", counts: new ResultCounts(1, 10))],
            [],
            [Met("m1", MetricWeight.High, "c1", "c2"), Met("m2", MetricWeight.Low, "c2", "c3")],
            [Ini("points", recs: ["c1"]), Ini("both", ["m1", "m2"])]));

        report.FindInitiative("points")!.IsApproximate.Should().BeFalse();
        report.FindMetric("m1")!.IsApproximate.Should().BeTrue();
        report.FindMetric("m2")!.IsApproximate.Should().BeTrue();
        report.FindInitiative("both")!.IsApproximate.Should().BeTrue();
    }

    [Fact]
    public void ScoringOptions_ValueOf_ChecksTheOptions()
    {
        FluentActions.Invoking(() => new ScoringOptions { MediumWeight = 0 }.ValueOf(MetricWeight.High)).Should().Throw<ArgumentException>().WithMessage("*MediumWeight*");
    }
}
