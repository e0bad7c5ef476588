namespace ExposureSdk.Tests.Initiatives;

public sealed class InitiativeTests
{
    [Fact]
    public void Constructor_ValidArguments_KeepsThem()
    {
        var initiative = new Initiative("identity", "Identity Security", InitiativeKind.Workload, ["m1", "m2", "m1"], ["r1"], 80, true, "About identity.");

        initiative.MetricIds.Should().Equal(new MetricId("m1"), new MetricId("m2"));
        initiative.RecommendationIds.Should().Equal(new RecommendationId("r1"));
        initiative.TargetScore.Should().Be(80);
        initiative.IsFavorite.Should().BeTrue();
        initiative.IsRecommendationOnly.Should().BeFalse("an initiative that lists metrics is scored from its metrics");
    }

    [Fact]
    public void IsRecommendationOnly_NoMetrics_IsTrue()
        => new Initiative("ta", "Threat analytics", InitiativeKind.ThreatAnalytics, recommendationIds: ["r1"]).IsRecommendationOnly.Should().BeTrue();

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Constructor_TargetScoreOutside0To100_ThrowsArgumentOutOfRange(double target)
        => FluentActions.Invoking(() => new Initiative("i", "n", InitiativeKind.Workload, targetScore: target)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("targetScore");

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Constructor_TargetScoreAtBounds_IsAccepted(double target)
        => new Initiative("i", "n", InitiativeKind.Workload, targetScore: target).TargetScore.Should().Be(target);

    [Fact]
    public void Constructor_InvalidArguments_ThrowNamingTheParameter()
    {
        FluentActions.Invoking(() => new Initiative(default, "n", InitiativeKind.Workload)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => new Initiative("i", "", InitiativeKind.Workload)).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => new Initiative("i", "n", (InitiativeKind)99)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("kind");
        FluentActions.Invoking(() => new Initiative("i", "n", InitiativeKind.Workload, [default])).Should().Throw<ArgumentException>().WithParameterName("metricIds");
        FluentActions.Invoking(() => new Initiative("i", "n", InitiativeKind.Workload, recommendationIds: [default])).Should().Throw<ArgumentException>().WithParameterName("recommendationIds");
    }
}
