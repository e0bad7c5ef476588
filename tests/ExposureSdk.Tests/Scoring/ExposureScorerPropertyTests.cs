using ExposureSdk.Scoring;

namespace ExposureSdk.Tests.Scoring;

/// <summary>Property-style tests over seeded random snapshots; every failure message names the seed.</summary>
public sealed class ExposureScorerPropertyTests
{
    private const int Runs = 150;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 4; i++)
        {
            data.Add(20261121 + (i * 7919));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_AnySnapshot_EveryScoreIsWithin0To100OrAbsent(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < Runs; run++)
        {
            var report = ExposureScorer.Score(RandomSnapshots.Create(random));
            var because = $"seed {seed}, run {run}";
            InRange(report.SecureScore.Percentage, because);
            foreach (var m in report.Metrics)
            {
                InRange(m.Score, because);
                InRange(m.Exposure, because);
                (m.Score is null).Should().Be(m.Scope == 0, because);
                m.Affected.Should().BeInRange(0, m.Scope, because);
            }

            foreach (var i in report.Initiatives)
            {
                InRange(i.Score, because);
            }

            foreach (var b in report.BySource.Concat(report.ByDomain).Concat(report.ByWorkload))
            {
                InRange(b.Points.Percentage, because);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WhatIf_RemediatingAnything_NeverLowersAScore(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < Runs; run++)
        {
            var snapshot = RandomSnapshots.Create(random);
            var recs = snapshot.Recommendations.Where(_ => random.Next(4) == 0).Select(r => r.Id).ToArray();
            var assets = snapshot.Assessments.Where(_ => random.Next(5) == 0).Select(a => new AssetRemediation(a.RecommendationId, a.AssetId)).ToArray();
            var before = ExposureScorer.Score(snapshot);
            var after = ExposureScorer.WhatIf(snapshot, new RemediationScenario(recs, assets));
            var because = $"seed {seed}, run {run}";

            NotLower(before.SecureScore.Percentage, after.SecureScore.Percentage, because);
            foreach (var m in before.Metrics)
            {
                NotLower(m.Score, after.FindMetric(m.Id)!.Score, because + $", metric {m.Id}");
            }

            foreach (var i in before.Initiatives)
            {
                NotLower(i.Score, after.FindInitiative(i.Id)!.Score, because + $", initiative {i.Id}");
            }

            foreach (var r in before.Recommendations)
            {
                after.FindRecommendation(r.Id)!.Points.AchievedPoints.Should().BeGreaterThanOrEqualTo(r.Points.AchievedPoints, because);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Score_InputOrder_NeverChangesAResult(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < Runs; run++)
        {
            var snapshot = RandomSnapshots.Create(random);
            var expected = RandomSnapshots.Dump(ExposureScorer.Score(snapshot));
            var actual = RandomSnapshots.Dump(ExposureScorer.Score(RandomSnapshots.Shuffled(snapshot, random)));
            actual.Should().Be(expected, $"seed {seed}, run {run}");
        }
    }

    private static void InRange(double? value, string because)
    {
        if (value is { } v)
        {
            v.Should().BeInRange(0, 100, because);
        }
    }

    private static void NotLower(double? before, double? after, string because)
    {
        (after is null).Should().Be(before is null, because + ": remediation never changes availability");
        if (before is { } b)
        {
            after!.Value.Should().BeGreaterThanOrEqualTo(b, because);
        }
    }
}
