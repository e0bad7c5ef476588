using ExposureSdk.ScoreCards;
using static ExposureSdk.Tests.Scoring.ScoringBuilders;

namespace ExposureSdk.Tests.Scoring;

public sealed class ScoreReportTests
{
    private static ExposureSnapshot Sample() => Snap(
        [Rec("r1", maxPoints: 10), Rec("r2", maxPoints: 5), Rec("r3")],
        [U("r1", "a"), H("r1", "b"), U("r2", "b"), H("r2", "c"), NA("r3", "x")],
        [Met("m1", MetricWeight.High, "r1"), Met("m2", MetricWeight.Low, "r2"), Met("m3", MetricWeight.Medium, "r3")],
        [Ini("i1", ["m1", "m2", "m3"]), Ini("i2", recs: ["r1", "r2"])]);

    [Fact]
    public void ExplainMetric_ReturnsCountsRecommendationsAffectedAssetsAndInitiativeEffects()
    {
        var report = Score(Sample());
        var explanation = report.Explain((MetricId)"m1");

        explanation.Metric.Scope.Should().Be(2);
        explanation.Metric.Affected.Should().Be(1);
        explanation.Recommendations.Select(r => r.Id.Value).Should().Equal("r1");
        explanation.TopAffectedAssetIds.Select(a => a.Value).Should().Equal("a");
        var effect = explanation.Initiatives.Should().ContainSingle().Subject;
        effect.InitiativeId.Value.Should().Be("i1");
        effect.WeightSum.Should().Be(4);
        effect.Contribution.Contribution.Should().Be(3 * 50.0 / 4);
        effect.Contribution.ScoreImpact.Should().Be(3 * 50.0 / 4);
    }

    [Fact]
    public void ExplainInitiative_ContributionsAddUpToTheScore()
    {
        var report = Score(Sample());
        var explanation = report.Explain((InitiativeId)"i1");
        explanation.Metrics.Select(m => m.Metric.Id.Value).Should().Equal("m1", "m2", "m3");
        var sum = explanation.Initiative.Metrics.Where(c => c.IsIncluded).Sum(c => c.Contribution!.Value);
        sum.Should().BeApproximately(explanation.Initiative.Score!.Value, 1e-12);
        var impacts = explanation.Initiative.Metrics.Where(c => c.IsIncluded).Sum(c => c.ScoreImpact!.Value);
        impacts.Should().BeApproximately(100 - explanation.Initiative.Score!.Value, 1e-12);
    }

    [Fact]
    public void ExplainInitiative_RecommendationOnly_ListsRecommendationPoints()
    {
        var explanation = Score(Sample()).Explain((InitiativeId)"i2");
        explanation.Metrics.Should().BeEmpty();
        explanation.Recommendations.Select(r => (r.Id.Value, r.Points.AchievedPoints)).Should().Equal(("r1", 5.0), ("r2", 2.5));
        explanation.Initiative.Score.Should().Be(7.5 / 15 * 100);
    }

    [Fact]
    public void Explain_UnknownId_ThrowsArgumentException()
    {
        var report = Score(Sample());
        ((Action)(() => report.Explain((MetricId)"zz"))).Should().Throw<ArgumentException>().WithMessage("*zz*");
        ((Action)(() => report.Explain((InitiativeId)"zz"))).Should().Throw<ArgumentException>().WithMessage("*zz*");
    }

    [Fact]
    public void TopAffectedAssetIds_AreTheFirstHundredInOrdinalOrder()
    {
        var assessments = Enumerable.Range(0, 250).Select(i => U("r", $"asset-{249 - i:D3}"));
        var metric = Score(Snap([Rec("r")], assessments, [Met("m", MetricWeight.High, "r")])).FindMetric("m")!;
        metric.Affected.Should().Be(250);
        metric.TopAffectedAssetIds.Should().HaveCount(100);
        metric.TopAffectedAssetIds[0].Value.Should().Be("asset-000");
        metric.TopAffectedAssetIds[^1].Value.Should().Be("asset-099");
    }

    [Fact]
    public void FromReport_CarriesScoresAvailabilityWeightsAndMembership()
    {
        var report = Score(Sample());
        var card = ScoreCard.FromReport(report);

        card.TenantId.Should().Be("tenant-1");
        card.AsOf.Should().Be(AsOf);
        card.SecureScore.Should().Be(report.SecureScore.Percentage);
        var m1 = card.FindMetric("m1")!;
        m1.Score.Should().Be(50);
        m1.Weight.Should().Be(MetricWeight.High);
        m1.NumericWeight.Should().Be(3);
        m1.Availability.Should().Be(ScoreAvailability.Available);
        m1.InitiativeIds.Should().Equal("i1");
        m1.RecommendationIds.Should().Equal("r1");
        m1.TopAffectedAssetIds.Should().Equal("a");
        card.FindMetric("m3")!.Availability.Should().Be(ScoreAvailability.Unavailable);
        var i1 = card.FindInitiative("i1")!;
        i1.Score.Should().Be(report.FindInitiative("i1")!.Score);
        i1.Metrics.Select(m => (m.MetricId, m.Weight)).Should().Equal(("m1", MetricWeight.High), ("m2", MetricWeight.Low), ("m3", MetricWeight.Medium));
        card.FindInitiative("i2")!.RecommendationIds.Should().Equal("r1", "r2");
    }
}
