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

    [Theory]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public void Constructor_ManyMemberIdsWithRepeats_KeepsEachOnceInFirstOrder(int distinct)
    {
        // Short lists are de-duplicated by a scan, longer ones by a set once past 16: both must keep the same values.
        var ids = Enumerable.Range(0, distinct).SelectMany(i => i % 3 == 0 ? new[] { $"r{i}", $"r{i / 2}" } : [$"r{i}"]).ToList();
        var expected = ids.Distinct(StringComparer.Ordinal).Select(id => new RecommendationId(id)).ToList();

        var metric = new Metric("m", "Metric", MetricWeight.High, ids.Select(id => new RecommendationId(id)));

        metric.RecommendationIds.Should().Equal(expected);
        metric.RecommendationIds.Should().HaveCount(distinct);
        FluentActions.Invoking(() => new Metric("m", "Metric", MetricWeight.High, ids.Select(id => new RecommendationId(id)).Append(default)))
            .Should().Throw<ArgumentException>().WithParameterName("recommendationIds");
    }

    [Fact]
    public void Weight_NumericValues_FollowTheDomainRules()
    {
        ((int)MetricWeight.High).Should().Be(3);
        ((int)MetricWeight.Medium).Should().Be(2);
        ((int)MetricWeight.Low).Should().Be(1);
        ((int)MetricWeight.RiskAccepted).Should().Be(0);
    }
}
