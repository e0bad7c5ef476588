using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using static ExposureSdk.Tests.Events.CardBuilders;

namespace ExposureSdk.Tests.Events;

public sealed class ScoreTrendsTests
{
    [Fact]
    public void Trend_14Days_TakesEachDaysLatestAvailableScoreAndComputesChangeAndDrift()
    {
        var history = new List<ScoreCard>();
        for (var d = 0; d < 20; d++)
        {
            var day = Today.AddDays(-d);
            history.Add(Card(day, [M("m", 50 + (20 - d))]));
            history.Add(Card(day.AddHours(-3), [M("m", 0)]));
        }

        history.Add(Card(Today.AddDays(-2).AddHours(2), [M("m", null, scope: 0)]));

        var trend = ScoreTrends.Trend(history, ScoreSubject.Metric("m"), Today);

        trend.Points.Should().HaveCount(14);
        trend.Points[0].Date.Should().Be(new DateOnly(2026, 11, 8));
        trend.Points[^1].Score.Should().Be(70);
        trend.Change.Should().Be(13);
        trend.Drift.Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Trend_FewerThanTwoPoints_HasNoChangeOrDrift()
    {
        var trend = ScoreTrends.Trend([Card(Today, initiatives: [I("i", 40)])], ScoreSubject.Initiative("i"), Today);
        trend.Points.Should().ContainSingle();
        trend.Change.Should().BeNull();
        trend.Drift.Should().BeNull();
    }

    [Fact]
    public void Movement24Hours_ComparesLatestWithLatestAtOrBeforeADayAgo()
    {
        var history = new[]
        {
            Card(Today.AddHours(-30), secure: 40),
            Card(Today.AddHours(-24), secure: 45),
            Card(Today.AddHours(-2), secure: 50),
            Card(Today.AddHours(1), secure: 99),
        };
        var movement = ScoreTrends.Movement24Hours(history, ScoreSubject.SecureScore, Today);
        movement.Previous.Should().Be(45);
        movement.Current.Should().Be(50);
        movement.Change.Should().Be(5);
    }

    [Fact]
    public void Movement24Hours_NoEarlierScore_HasNoChange()
    {
        var movement = ScoreTrends.Movement24Hours([Card(Today, secure: 50)], ScoreSubject.SecureScore, Today);
        movement.Change.Should().BeNull();
        movement.Current.Should().Be(50);
    }
}
