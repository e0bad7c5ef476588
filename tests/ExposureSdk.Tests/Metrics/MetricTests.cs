using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Metrics;

public sealed class MetricTests
{
    [Fact]
    public void Includes_ListedByIdOrSelected()
    {
        var listed = SampleData.Recommendation("listed", domain: SecurityDomain.Devices);
        var selected = SampleData.Recommendation("selected", domain: SecurityDomain.Identity);
        var neither = SampleData.Recommendation("neither", domain: SecurityDomain.Apps);
        var metric = new Metric("m", "Metric", MetricWeight.High, ["listed"], new MetricSelector(domains: [SecurityDomain.Identity]));

        metric.Includes(listed).Should().BeTrue();
        metric.Includes(selected).Should().BeTrue();
        metric.Includes(neither).Should().BeFalse();
    }

    [Fact]
    public void Includes_NoIdsAndNoSelector_IncludesNothing()
        => new Metric("m", "Metric", MetricWeight.Low).Includes(SampleData.Recommendation("r")).Should().BeFalse();

    [Fact]
    public void Constructor_DefaultIdEmptyNameOrUndefinedWeight_Throws()
    {
        FluentActions.Invoking(() => new Metric(default, "n", MetricWeight.High)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => new Metric("m", null!, MetricWeight.High)).Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => new Metric("m", " ", MetricWeight.High)).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => new Metric("m", "n", (MetricWeight)4)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("weight");
        FluentActions.Invoking(() => new Metric("m", "n", MetricWeight.High, [default])).Should().Throw<ArgumentException>().WithParameterName("recommendationIds");
        FluentActions.Invoking(() => new Metric("m", "n", MetricWeight.High, description: new string('d', (64 * 1024) + 1))).Should().Throw<ArgumentException>().WithParameterName("description");
    }

    [Fact]
    public void Constructor_DuplicateMemberIds_AreDropped_KeepingOrder()
        => new Metric("m", "n", MetricWeight.Medium, ["b", "a", "b"]).RecommendationIds.Should().Equal(new RecommendationId("b"), new RecommendationId("a"));

    [Fact]
    public void Weight_NumericValues_FollowTheDomainRules()
    {
        ((int)MetricWeight.High).Should().Be(3);
        ((int)MetricWeight.Medium).Should().Be(2);
        ((int)MetricWeight.Low).Should().Be(1);
        ((int)MetricWeight.RiskAccepted).Should().Be(0);
    }
}
