using ExposureSdk.Samples.Web.Charts;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Samples.Web.Tests;

/// <summary>The history behind the charts: one point per day (the day's latest card), and the reasons of changes over 2.5 points.</summary>
public sealed class ScoreHistoryTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 19, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Daily_KeepsTheLatestCardOfEachDay_OldestFirst()
    {
        var a = Card(Day1, 10, 100);
        var b = Card(Day1.AddHours(5), 20, 100);
        var c = Card(Day1.AddDays(1), 30, 100);

        ScoreHistory.Daily([c, a, b], TimeZoneInfo.Utc).Should().Equal(b, c);
    }

    [Fact]
    public void Metric_ExplainsChangesOver2Point5_AndOnlyThose()
    {
        var names = new Dictionary<string, string> { ["r1"] = "Require MFA" };
        var points = ScoreHistory.Metric([Card(Day1, 10, 100), Card(Day1.AddDays(1), 12, 100), Card(Day1.AddDays(2), 20, 100)], "m", TimeZoneInfo.Utc, names);

        points.Select(p => p.Score).Should().Equal(90, 88, 80);
        points[1].Note.Should().BeNull("a 2-point change is under the 2.5-point threshold");
        points[2].Note.Should().Be("88.00 → 80.00 (-8.00); affected assets 12 → 20");
    }

    private static ScoreCard Card(DateTimeOffset asOf, int affected, int total)
    {
        var snapshot = new ExposureSnapshot(
            "t",
            asOf,
            [new Recommendation("r1", "Require MFA", RecommendationSource.MicrosoftSecureScore, Workload.MicrosoftEntraId, SecurityDomain.Identity, Impact.High, counts: new ResultCounts(affected, total))],
            metrics: [new Metric("m", "Users without MFA", MetricWeight.High, ["r1"])]);
        return ScoreCard.FromReport(ExposureScorer.Score(snapshot));
    }
}
