using CsCheck;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;
using ExposureSdk.Tests.Support;
using Xunit.Abstractions;

namespace ExposureSdk.Tests.Scoring;

/// <summary>
/// The engine's invariants (issue 17 §8) as CsCheck properties over generated snapshots
/// (<see cref="SnapshotGen"/>): a failure shrinks to a small snapshot, printed as a snapshot document, and
/// names the seed that replays it. <c>EXPOSURESDK_PROPERTY_SECONDS</c> runs each property longer
/// (docs/quality.md, "Properties").
/// </summary>
public sealed class ExposureScorerPropertyTests(ITestOutputHelper output)
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

    [Fact]
    public void Score_AnySnapshot_EveryScoreIsWithin0To100OrAbsent()
    {
        SnapshotGen.Snapshot().Check(
            snapshot =>
            {
                var report = ExposureScorer.Score(snapshot);
                InRange(report.SecureScore.Percentage);
                foreach (var m in report.Metrics)
                {
                    InRange(m.Score);
                    InRange(m.Exposure);
                    m.Affected.Should().BeInRange(0, m.Scope);
                }

                foreach (var i in report.Initiatives)
                {
                    InRange(i.Score);
                }

                foreach (var b in report.BySource.Concat(report.ByDomain).Concat(report.ByWorkload))
                {
                    InRange(b.Points.Percentage);
                }
            },
            iterations: 300,
            output,
            SnapshotGen.Print);
    }

    /// <summary>
    /// Rules §3: a score that cannot be computed is absent, never 0 or 100. A metric without scope has no
    /// score and no exposure, counts in no initiative and is Unavailable on the card; an initiative with
    /// metrics but no included one (available, weight above 0) has no score either.
    /// </summary>
    [Fact]
    public void UnavailableMetric_IsNullNever0Or100_AndCountsInNoInitiative()
    {
        var unavailable = 0;
        SnapshotGen.Snapshot().Check(
            snapshot =>
            {
                var report = ExposureScorer.Score(snapshot);
                var card = ScoreCard.FromReport(report);
                foreach (var m in report.Metrics)
                {
                    m.IsAvailable.Should().Be(m.Scope > 0);
                    (m.Score is null).Should().Be(!m.IsAvailable, $"metric {m.Id} (scope {m.Scope})");
                    (m.Exposure is null).Should().Be(!m.IsAvailable, $"metric {m.Id} (scope {m.Scope})");
                    var onCard = card.FindMetric(m.Id)!;
                    (onCard.Availability == ScoreAvailability.Unavailable).Should().Be(!m.IsAvailable);
                    (onCard.Score is null).Should().Be(!m.IsAvailable);
                    if (!m.IsAvailable)
                    {
                        Interlocked.Increment(ref unavailable);
                    }
                }

                foreach (var i in report.Initiatives.Where(i => i.Metrics.Count > 0))
                {
                    foreach (var c in i.Metrics)
                    {
                        var metric = report.FindMetric(c.MetricId)!;
                        c.IsIncluded.Should().Be(metric.IsAvailable && c.NumericWeight > 0, $"initiative {i.Id}, metric {c.MetricId}");
                        (c.MetricScore is null).Should().Be(!metric.IsAvailable);
                        (c.Contribution is null).Should().Be(!c.IsIncluded);
                    }

                    (i.Score is null).Should().Be(!i.Metrics.Any(c => c.IsIncluded), $"initiative {i.Id}");
                    (card.FindInitiative(i.Id)!.Availability == ScoreAvailability.Unavailable).Should().Be(i.Score is null);
                }
            },
            iterations: 300,
            output,
            SnapshotGen.Print);
        unavailable.Should().BeGreaterThan(0, "the generated snapshots must include unavailable metrics");
    }

    /// <summary>Monotonicity: fixing unhealthy results (per asset, or fewer affected in counts) never lowers a score nor changes availability.</summary>
    [Fact]
    public void FixingUnhealthyResults_NeverLowersAScore()
    {
        var gen =
            from snapshot in SnapshotGen.Snapshot()
            from fixAssessments in Gen.Bool.Array[snapshot.Assessments.Count]
            from fixCounts in Gen.Int[0, 100].Array[snapshot.Recommendations.Count]
            select (snapshot, fixAssessments, fixCounts);
        gen.Check(
            c =>
            {
                var (snapshot, fixAssessments, fixCounts) = c;
                var assessments = snapshot.Assessments.Select((a, i) => fixAssessments[i] && a.Status == AssessmentStatus.Unhealthy ? new Assessment(a.RecommendationId, a.AssetId, AssessmentStatus.Healthy) : a);
                var recommendations = snapshot.Recommendations.Select((r, i) => r.Counts is { } counts
                    ? new Recommendation(r.Id, r.Name, r.Source, r.Workload, r.Domain, r.Impact, maxPoints: r.MaxPoints, state: r.State, isRiskAccepted: r.IsRiskAccepted, tags: r.Tags,
                        counts: new ResultCounts(counts.Affected - (counts.Affected * fixCounts[i] / 100), counts.Total))
                    : r);
                var fixedSnapshot = new ExposureSnapshot(snapshot.TenantId, snapshot.AsOf, recommendations, snapshot.Assets, assessments, snapshot.Metrics, snapshot.Initiatives);
                AssertNotLower(ExposureScorer.Score(snapshot), ExposureScorer.Score(fixedSnapshot));
            },
            iterations: 300,
            output,
            c => SnapshotGen.Print(c.snapshot));
    }

    /// <summary>Monotonicity through what-if: remediating any recommendations and asset results never lowers a score.</summary>
    [Fact]
    public void WhatIf_RemediatingAnything_NeverLowersAScore()
    {
        var gen =
            from snapshot in SnapshotGen.Snapshot()
            from recs in Gen.Int[0, 3].Array[snapshot.Recommendations.Count]
            from assets in Gen.Int[0, 4].Array[snapshot.Assessments.Count]
            select (snapshot, recs, assets);
        gen.Check(
            c =>
            {
                var (snapshot, recPicks, assetPicks) = c;
                var recs = snapshot.Recommendations.Where((_, i) => recPicks[i] == 0).Select(r => r.Id).ToArray();
                var assets = snapshot.Assessments.Where((_, i) => assetPicks[i] == 0).Select(a => new AssetRemediation(a.RecommendationId, a.AssetId)).ToArray();
                var before = ExposureScorer.Score(snapshot);
                var after = ExposureScorer.WhatIf(snapshot, new RemediationScenario(recs, assets));
                AssertNotLower(before, after);
                foreach (var r in before.Recommendations)
                {
                    after.FindRecommendation(r.Id)!.Points.AchievedPoints.Should().BeGreaterThanOrEqualTo(r.Points.AchievedPoints, $"recommendation {r.Id}");
                }
            },
            iterations: 300,
            output,
            c => SnapshotGen.Print(c.snapshot));
    }

    /// <summary>
    /// A RiskAccepted metric (weight 0) does not change the initiative: whatever it contains (its members
    /// replaced by any others, its selector on or off), every initiative's score is the same bit for bit,
    /// and the metric is never included.
    /// </summary>
    [Fact]
    public void RiskAcceptedMetric_DoesNotChangeAnyInitiative()
    {
        var gen =
            from snapshot in SnapshotGen.Snapshot()
            where snapshot.Metrics.Count > 0
            from pick in Gen.Int[0, snapshot.Metrics.Count - 1]
            from members in Gen.Bool.Array[snapshot.Recommendations.Count]
            from selector in Gen.Bool
            select (snapshot, pick, members, selector);
        var compared = 0;
        gen.Check(
            c =>
            {
                var (snapshot, pick, members, selector) = c;
                var target = snapshot.Metrics[pick];
                var accepted = new Metric(target.Id, target.Name, MetricWeight.RiskAccepted, target.RecommendationIds, target.Selector);
                var changed = new Metric(target.Id, target.Name, MetricWeight.RiskAccepted,
                    snapshot.Recommendations.Where((_, i) => members[i]).Select(r => r.Id).ToArray(), selector ? new MetricSelector(tags: ["t"]) : null);
                var a = ExposureScorer.Score(WithMetric(snapshot, pick, accepted));
                var b = ExposureScorer.Score(WithMetric(snapshot, pick, changed));
                foreach (var i in a.Initiatives)
                {
                    Bits(b.FindInitiative(i.Id)!.Score).Should().Be(Bits(i.Score), $"initiative {i.Id}: metric {target.Id} is risk accepted");
                    i.Metrics.Where(m => m.MetricId == target.Id).Should().NotContain(m => m.IsIncluded || m.Contribution != null);
                    if (i.Metrics.Any(m => m.MetricId == target.Id))
                    {
                        Interlocked.Increment(ref compared);
                    }
                }
            },
            iterations: 300,
            output,
            c => SnapshotGen.Print(c.snapshot) + $" metric #{c.pick}");
        compared.Should().BeGreaterThan(0, "some initiatives must contain the risk-accepted metric");
    }

    private static ExposureSnapshot WithMetric(ExposureSnapshot s, int index, Metric metric)
        => new(s.TenantId, s.AsOf, s.Recommendations, s.Assets, s.Assessments, s.Metrics.Select((m, i) => i == index ? metric : m), s.Initiatives);

    private static void AssertNotLower(ScoreReport before, ScoreReport after)
    {
        NotLower(before.SecureScore.Percentage, after.SecureScore.Percentage, "Secure Score");
        foreach (var m in before.Metrics)
        {
            NotLower(m.Score, after.FindMetric(m.Id)!.Score, $"metric {m.Id}");
        }

        foreach (var i in before.Initiatives)
        {
            NotLower(i.Score, after.FindInitiative(i.Id)!.Score, $"initiative {i.Id}");
        }
    }

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", System.Globalization.CultureInfo.InvariantCulture) : "null";

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

    private static void InRange(double? value)
    {
        if (value is { } v)
        {
            v.Should().BeInRange(0, 100);
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
