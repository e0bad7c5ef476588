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

    [Fact]
    public void Trend_TwoPoints_HaveChangeAndLeastSquaresDrift()
    {
        var history = new[] { Card(Today.AddDays(-3), [M("m", 10)]), Card(Today.AddDays(-2), [M("m", 20)]), Card(Today, [M("m", 20)]) };

        var two = ScoreTrends.Trend(history, ScoreSubject.Metric("m"), Today, days: 3);
        two.Points.Select(p => p.Score).Should().Equal(20, 20);
        two.Change.Should().Be(0);
        two.Drift.Should().Be(0);

        // Days 0, 1 and 3 with 10, 20, 20: slope = (3 × 80 − 4 × 50) / (3 × 10 − 4²) = 40 / 14.
        var three = ScoreTrends.Trend(history, ScoreSubject.Metric("m"), Today, days: 4);
        three.Points.Select(p => (p.Date, p.Score)).Should().Equal((new DateOnly(2026, 11, 18), 10.0), (new DateOnly(2026, 11, 19), 20.0), (new DateOnly(2026, 11, 21), 20.0));
        three.Change.Should().Be(10);
        three.Drift.Should().BeApproximately(40.0 / 14, 1e-12);
    }

    [Fact]
    public void Trend_UsesTheTimeZonesCalendarDays()
    {
        // 20 Nov 12:00 UTC is 20 Nov 22:00 in UTC+10; 20 Nov 15:00 UTC is already 21 Nov 01:00 there.
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+10", TimeSpan.FromHours(10), "UTC+10", "UTC+10");
        var history = new[]
        {
            Card(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), secure: 30),
            Card(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero), secure: 40),
            Card(Today, secure: 50),
        };

        ScoreTrends.Trend(history, ScoreSubject.SecureScore, Today, days: 2).Points.Select(p => (p.Date, p.Score))
            .Should().Equal((new DateOnly(2026, 11, 20), 40.0), (new DateOnly(2026, 11, 21), 50.0));
        var local = ScoreTrends.Trend(history, ScoreSubject.SecureScore, Today, days: 2, timeZone: zone);
        local.Points.Select(p => (p.Date, p.Score)).Should().Equal((new DateOnly(2026, 11, 20), 30.0), (new DateOnly(2026, 11, 21), 50.0));
        local.Points[0].AsOf.Should().Be(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        local.Points[0].AsOf.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Trend_StaleOrUnavailableScores_AreNotPoints()
    {
        var history = new[]
        {
            Card(Today.AddDays(-2), [M("m", 30)], [I("i", 30, ("m", MetricWeight.High))]),
            Card(Today.AddDays(-1), [M("m", 40)], [I("i", 40, ("m", MetricWeight.High))]).WithStaleMetrics(["m"], "provider failed"),
            Card(Today, [M("m", null, scope: 0)], [I("i", null, ("m", MetricWeight.High))]),
        };

        ScoreTrends.Trend(history, ScoreSubject.Metric("m"), Today).Points.Select(p => p.Score).Should().Equal(30);
        ScoreTrends.Trend(history, ScoreSubject.Initiative("i"), Today).Points.Select(p => p.Score).Should().Equal(30);
        ScoreTrends.Trend(history, ScoreSubject.Initiative("absent"), Today).Points.Should().BeEmpty();
    }

    [Fact]
    public void Trend_WindowOf1To366Days_OthersThrow()
    {
        var history = new[] { Card(Today.AddDays(-1), secure: 40), Card(Today, secure: 50), Card(Today.AddHours(1), secure: 99) };
        ScoreTrends.Trend(history, ScoreSubject.SecureScore, Today, days: 1).Points.Select(p => p.Score).Should().Equal(50);
        ScoreTrends.Trend(history, ScoreSubject.SecureScore, Today, days: 366).Points.Should().HaveCount(2);
        FluentActions.Invoking(() => ScoreTrends.Trend(history, ScoreSubject.SecureScore, Today, days: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("days");
        FluentActions.Invoking(() => ScoreTrends.Trend(history, ScoreSubject.SecureScore, Today, days: 367)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("days");
    }

    [Fact]
    public void Movement_CardAtNowIsCurrent_StaleCardsAreSkipped_AndThePeriodMustBePositive()
    {
        var history = new[]
        {
            Card(Today.AddHours(-8), [M("m", 60)]),
            Card(Today.AddHours(-6), [M("m", 10)]).WithStaleMetrics(["m"], "provider failed"),
            Card(Today, [M("m", 70)]),
            Card(Today.AddHours(-2), [M("m", 65)]),
        };

        var movement = ScoreTrends.Movement(history, ScoreSubject.Metric("m"), Today, TimeSpan.FromHours(5));

        movement.Previous.Should().Be(60);
        movement.Current.Should().Be(70);
        movement.Change.Should().Be(10);
        FluentActions.Invoking(() => ScoreTrends.Movement(history, ScoreSubject.Metric("m"), Today, TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
    }

    [Fact]
    public void Movement_OnlyAnOldCard_IsBothEnds_AndNoAvailableScoreIsNoMovement()
    {
        var movement = ScoreTrends.Movement24Hours([Card(Today.AddDays(-2), secure: 50)], ScoreSubject.SecureScore, Today);
        movement.Previous.Should().Be(50);
        movement.Current.Should().Be(50);
        ScoreTrends.Movement24Hours([Card(Today, [M("m", null, scope: 0)])], ScoreSubject.Metric("m"), Today).Should().Be(new ScoreMovement(null, null));
    }

    [Fact]
    public void ScoreSubject_KindsAndIds()
    {
        ScoreSubject.SecureScore.Should().Be(ScoreSubject.SecureScore);
        ScoreSubject.SecureScore.Id.Should().BeEmpty();
        ScoreSubject.Metric("m").Should().NotBe(ScoreSubject.Initiative("m"));
        ScoreSubject.Initiative("i").Kind.Should().Be(ScoreSubjectKind.Initiative);
        FluentActions.Invoking(() => ScoreSubject.Metric(default)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => ScoreSubject.Initiative(default)).Should().Throw<ArgumentException>().WithParameterName("id");
    }

    [Fact]
    public void TrendAndMovement_CardsWithTheSameTime_TheLaterInHistoryWins()
    {
        var first = Card(Today.AddHours(-30), secure: 40);
        var second = Card(Today.AddHours(-30), secure: 45);
        var nowFirst = Card(Today, secure: 60);
        var nowSecond = Card(Today, secure: 70);

        ScoreTrends.Trend([first, second, nowFirst, nowSecond], ScoreSubject.SecureScore, Today).Points.Select(p => p.Score).Should().Equal(45, 70);
        ScoreTrends.Trend([second, first, nowSecond, nowFirst], ScoreSubject.SecureScore, Today).Points.Select(p => p.Score).Should().Equal(40, 60);
        ScoreTrends.Movement24Hours([first, second, nowFirst, nowSecond], ScoreSubject.SecureScore, Today).Should().Be(new ScoreMovement(45, 70));
        ScoreTrends.Movement24Hours([second, first, nowSecond, nowFirst], ScoreSubject.SecureScore, Today).Should().Be(new ScoreMovement(40, 60));
    }

    [Fact]
    public void Trend_Over366Days_TheDriftIsTheExactLeastSquaresSlope()
    {
        // Scores 10 + d / 8 on days d = 0 … 365 (all exact in doubles): the slope is 0.125 points a day. Measuring days
        // from the window's first day keeps the sums small; absolute day numbers (about 740,000) would lose digits.
        var first = Today.AddDays(-365);
        var history = Enumerable.Range(0, 366).Select(d => Card(first.AddDays(d), secure: 10 + (d / 8.0))).ToArray();

        var trend = ScoreTrends.Trend(history, ScoreSubject.SecureScore, Today, days: 366);

        trend.Points.Should().HaveCount(366);
        trend.Change.Should().Be(365 / 8.0);
        trend.Drift.Should().BeApproximately(0.125, 1e-13);
    }

    [Fact]
    public void ScoreDropOptions_TimeZoneReadWithAnEmptyOrUnknownId_Throws()
    {
        FluentActions.Invoking(() => new ScoreDropOptions { TimeZoneId = "" }.TimeZone).Should().Throw<InvalidOperationException>().WithMessage("*TimeZoneId*");
        FluentActions.Invoking(() => new ScoreDropOptions { TimeZoneId = "Nowhere/Land" }.TimeZone).Should().Throw<InvalidOperationException>().WithMessage("*Nowhere/Land*");
        new ScoreDropOptions { TimeZoneId = "utc" }.TimeZone.Should().BeSameAs(TimeZoneInfo.Utc);
    }
}
