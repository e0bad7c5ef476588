using ExposureSdk.Scoring;

namespace ExposureSdk.Tests.Scoring;

/// <summary>Domain rules §3: points achieved of the maximum; the percentage is absent when the maximum is 0.</summary>
public sealed class PointsScoreTests
{
    [Fact]
    public void Percentage_IsAchievedOverMax_AbsentWhenMaxIs0()
    {
        new PointsScore(5, 10).Percentage.Should().Be(50);
        new PointsScore(0, 10).Percentage.Should().Be(0);
        new PointsScore(0, 0).Percentage.Should().BeNull();
        PointsScore.Empty.Should().Be(new PointsScore(0, 0));
        PointsScore.Empty.Percentage.Should().BeNull();
        var p = new PointsScore(2.5, 20);
        (p.AchievedPoints, p.MaxPoints).Should().Be((2.5, 20.0));
    }

    [Fact]
    public void AchievedAboveMaxWithinRounding_IsAccepted_AndThePercentageIsClampedTo100()
    {
        var atTheLimit = new PointsScore(10 * (1 + 1e-12), 10);
        atTheLimit.Percentage.Should().Be(100);
        FluentActions.Invoking(() => new PointsScore(10 * (1 + 1e-11), 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("achievedPoints");
        FluentActions.Invoking(() => new PointsScore(1e-300, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("achievedPoints");
    }

    [Theory]
    [InlineData(-1, 10, "achievedPoints")]
    [InlineData(double.NaN, 10, "achievedPoints")]
    [InlineData(double.PositiveInfinity, 10, "achievedPoints")]
    [InlineData(0, -1, "maxPoints")]
    [InlineData(0, double.NaN, "maxPoints")]
    [InlineData(0, double.PositiveInfinity, "maxPoints")]
    public void OutOfRange_Throws(double achieved, double max, string parameter)
    {
        FluentActions.Invoking(() => new PointsScore(achieved, max)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }
}
