namespace ExposureSdk.Tests.Recommendations;

public sealed class ResultCountsTests
{
    [Fact]
    public void Constructor_AffectedOfTotal_ComputesHealthy()
    {
        var counts = new ResultCounts(3, 10);
        counts.Affected.Should().Be(3);
        counts.Total.Should().Be(10);
        counts.Healthy.Should().Be(7);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, -1)]
    [InlineData(11, 10)]
    public void Constructor_NegativeOrAffectedAboveTotal_ThrowsArgumentOutOfRange(long affected, long total)
        => FluentActions.Invoking(() => new ResultCounts(affected, total)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Constructor_ZeroOfZeroAndAllAffected_AreValid()
    {
        new ResultCounts(0, 0).Healthy.Should().Be(0);
        new ResultCounts(5, 5).Healthy.Should().Be(0);
    }
}
