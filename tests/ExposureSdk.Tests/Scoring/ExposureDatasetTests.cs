using CsCheck;
using ExposureSdk.Scoring;
using ExposureSdk.Tests.Support;
using Xunit.Abstractions;
using static ExposureSdk.Tests.Scoring.ScoringBuilders;

namespace ExposureSdk.Tests.Scoring;

/// <summary>
/// The columnar fast path against the reference rollup (<see cref="ExposureScorer.Score"/>): equal bit for
/// bit on random snapshots, under any partitioning and after any sequence of incremental updates.
/// Every failure message names the seed.
/// </summary>
public sealed class ExposureDatasetTests(ITestOutputHelper output)
{
    private const int Runs = 60;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 4; i++)
        {
            data.Add(7_000_003 + (i * 104_729));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ToReport_AnySnapshotAnyParallelism_EqualsReferenceBitForBit(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < Runs; run++)
        {
            var snapshot = RandomSnapshots.Create(random, maxAssets: 300);
            var expected = RandomSnapshots.Dump(ExposureScorer.Score(snapshot));
            foreach (var threads in new[] { 1, 2, 3 })
            {
                var dataset = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: threads);
                RandomSnapshots.Dump(dataset.ToReport()).Should().Be(expected, $"seed {seed}, run {run}, {threads} threads");
            }
        }
    }

    /// <summary>
    /// Partition invariance of the mergeable partials (issue 17 §8, a CsCheck property): the assets cut at any
    /// points, the ranges rolled up in any order and merged as any tree equal a single pass, bit for bit.
    /// </summary>
    [Fact]
    public void RollUp_AnyPartitionOfAssetsMergedInAnyOrder_EqualsSinglePass()
    {
        var gen =
            from snapshot in SnapshotGen.Snapshot(maxAssets: 300)
            from cuts in Gen.Int[0, 1000].Array[0, 8]
            from order in Gen.Int[0, 1000].Array[10]
            from merges in Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Bool).Array[12]
            select (snapshot, cuts, order, merges);
        gen.Check(
            c =>
            {
                var (snapshot, cutPicks, order, merges) = c;
                var expected = RandomSnapshots.Dump(ExposureScorer.Score(snapshot));
                var dataset = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1);
                var n = dataset.AssetCount;

                // Cut points (unaligned), ranges rolled up in a generated order, merged as a generated tree.
                var cuts = cutPicks.Select(p => p * n / 1000).Append(0).Append(n).Distinct().Order().ToArray();
                var ranges = cuts.Zip(cuts.Skip(1)).Select((r, i) => (r, key: order[i])).OrderBy(x => x.key).Select(x => x.r).ToArray();
                dataset.ClearBits();
                var partials = ranges.Select(r => dataset.RollUp(r.First, r.Second, clear: false)).ToList();
                partials.Add(MetricPartial.Empty(dataset.MetricCount));
                for (var m = 0; partials.Count > 1; m++)
                {
                    var (pickA, pickB, swap) = merges[m];
                    var i = pickA % partials.Count;
                    var a = partials[i];
                    partials.RemoveAt(i);
                    var j = pickB % partials.Count;
                    partials[j] = swap ? MetricPartial.Merge(a, partials[j]) : MetricPartial.Merge(partials[j], a);
                }

                dataset.Apply(partials[0]);
                RandomSnapshots.Dump(dataset.ToReport()).Should().Be(expected, $"ranges {string.Join(' ', ranges)}");
            },
            iterations: 200,
            output,
            c => SnapshotGen.Print(c.snapshot) + $" cuts [{string.Join(',', c.cuts)}]");
    }

    [Fact]
    public void Merge_EmptyIsTheIdentity()
    {
        var snapshot = RandomSnapshots.Create(new Random(5), maxAssets: 100, maxMetrics: 6);
        var dataset = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1);
        dataset.ClearBits();
        var partial = dataset.RollUp(0, dataset.AssetCount, clear: false);
        var merged = MetricPartial.Merge(MetricPartial.Empty(dataset.MetricCount), partial);
        merged.Scope.Should().Equal(partial.Scope);
        merged.Affected.Should().Equal(partial.Affected);
        merged.Top.Should().BeEquivalentTo(partial.Top, o => o.WithStrictOrdering());
    }

    /// <summary>
    /// Incremental updates equal a full recompute (issue 17 §8, a CsCheck property): after every step of any
    /// sequence of assessment, recommendation-state and metric-weight changes, the dataset's report and its
    /// quick score lookups equal <see cref="ExposureScorer.Score"/> of the changed snapshot, bit for bit.
    /// </summary>
    [Fact]
    public void IncrementalUpdates_AnySequence_EqualAFullRescore()
    {
        var step = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 10_000], Gen.Int[0, 2], Gen.Int[0, 3]);
        var gen = Gen.Select(SnapshotGen.Snapshot(maxAssets: 60), step.Array[1, 12]);
        gen.Check(
            c =>
            {
                var (snapshot, steps) = c;
                var dataset = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1);
                var recs = snapshot.Recommendations.ToDictionary(r => r.Id);
                var metrics = snapshot.Metrics.ToDictionary(m => m.Id);
                var assessments = snapshot.Assessments.ToDictionary(a => (a.RecommendationId, a.AssetId));
                var n = 0;
                foreach (var (kind, pick, value, extra) in steps)
                {
                    n++;
                    if (kind == 0 && assessments.Count > 0)
                    {
                        var key = assessments.Keys.ElementAt(pick % assessments.Count);
                        var status = (AssessmentStatus)value;
                        dataset.SetAssessmentStatus(key.RecommendationId, key.AssetId, status);
                        assessments[key] = new Assessment(key.RecommendationId, key.AssetId, status);
                    }
                    else if (kind == 1 && recs.Count > 0)
                    {
                        var r = recs.Values.ElementAt(pick % recs.Count);
                        ComplianceState? state = value switch { 0 => ComplianceState.MitigatedByOrganization, 1 => null, _ => ComplianceState.NotCompliant };
                        var riskAccepted = extra == 0;
                        dataset.SetRecommendationState(r.Id, state, riskAccepted);
                        recs[r.Id] = new Recommendation(r.Id, r.Name, r.Source, r.Workload, r.Domain, r.Impact, maxPoints: r.MaxPoints, state: state, isRiskAccepted: riskAccepted, tags: r.Tags, counts: r.Counts);
                    }
                    else if (metrics.Count > 0)
                    {
                        var m = metrics.Values.ElementAt(pick % metrics.Count);
                        var weight = (MetricWeight)extra;
                        dataset.SetMetricWeight(m.Id, weight);
                        metrics[m.Id] = new Metric(m.Id, m.Name, weight, m.RecommendationIds, m.Selector);
                    }

                    var shadow = new ExposureSnapshot(snapshot.TenantId, snapshot.AsOf, recs.Values, null, assessments.Values, metrics.Values, snapshot.Initiatives);
                    var expected = ExposureScorer.Score(shadow);
                    var because = $"step {n}";
                    RandomSnapshots.Dump(dataset.ToReport()).Should().Be(RandomSnapshots.Dump(expected), because);
                    foreach (var i in expected.Initiatives)
                    {
                        Bits(dataset.GetInitiativeScore(i.Id)).Should().Be(Bits(i.Score), because);
                    }

                    foreach (var m in expected.Metrics)
                    {
                        Bits(dataset.GetMetricScore(m.Id)).Should().Be(Bits(m.Score), because);
                    }

                    Bits(dataset.GetSecureScore().Percentage).Should().Be(Bits(expected.SecureScore.Percentage), because);
                }
            },
            iterations: 120,
            output,
            c => SnapshotGen.Print(c.Item1) + " steps " + string.Join(' ', c.Item2));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PlanRemediation_EqualsTheReferencePlanBitForBit(int seed)
    {
        var random = new Random(seed);
        var gains = 0;
        for (var run = 0; run < Runs / 2; run++)
        {
            var snapshot = RandomSnapshots.Create(random, maxAssets: 80);
            var expected = ExposureScorer.PlanRemediation(snapshot);
            var actual = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1).PlanRemediation();
            Dump(actual).Should().Be(Dump(expected), $"seed {seed}, run {run}");
            gains += expected.Steps.Count(s => s.TotalInitiativeGain > 0);
        }

        gains.Should().BeGreaterThan(10, $"seed {seed}: the random plans must exercise real gains");

        static string Dump(RemediationPlan plan) => string.Join('\n', plan.Steps.Select(s =>
            $"{s.RecommendationId} {Bits(s.SecureScoreGain)} {Bits(s.TotalInitiativeGain)} " +
            string.Join(',', s.InitiativeGains.Select(g => $"{g.InitiativeId}:{Bits(g.Before)}:{Bits(g.After)}"))));
    }

    [Fact]
    public void Builder_StreamingRecords_EqualsFromSnapshot()
    {
        var snapshot = RandomSnapshots.Create(new Random(11), maxAssets: 200);
        var builder = new ExposureDatasetBuilder(snapshot.TenantId, snapshot.AsOf);
        foreach (var a in snapshot.Assessments.Reverse())
        {
            builder.AddAssessment(a.RecommendationId.Value, a.AssetId.Value, a.Status);
        }

        foreach (var r in snapshot.Recommendations)
        {
            builder.AddRecommendation(r);
        }

        foreach (var m in snapshot.Metrics)
        {
            builder.AddMetric(m);
        }

        foreach (var i in snapshot.Initiatives)
        {
            builder.AddInitiative(i);
        }

        builder.AssessmentCount.Should().Be(snapshot.Assessments.Count);
        RandomSnapshots.Dump(builder.Build().ToReport()).Should().Be(RandomSnapshots.Dump(ExposureScorer.Score(snapshot)));
    }

    [Fact]
    public void Builder_AssetAssessedTwiceAgainstARecommendation_ThrowsNamingBoth()
    {
        var builder = new ExposureDatasetBuilder("t", AsOf).AddRecommendation(Rec("r")).AddAssessment("r", "a", AssessmentStatus.Healthy).AddAssessment("r", "a", AssessmentStatus.Unhealthy);
        var act = () => builder.Build();
        act.Should().Throw<ArgumentException>().WithMessage("*'a'*'r'*");
    }

    [Fact]
    public void Builder_AssessmentOfUnknownRecommendation_ThrowsNamingIt()
    {
        var builder = new ExposureDatasetBuilder("t", AsOf).AddAssessment("ghost", "a", AssessmentStatus.Healthy);
        var act = () => builder.Build();
        act.Should().Throw<ArgumentException>().WithMessage("*'ghost'*");
    }

    [Fact]
    public void Builder_UsedAfterBuild_Throws()
    {
        var builder = new ExposureDatasetBuilder("t", AsOf);
        _ = builder.Build();
        var act = () => builder.AddRecommendation(Rec("r"));
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void SetAssessmentStatus_PairNotInDataset_Throws()
    {
        var dataset = ExposureDataset.FromSnapshot(Snap([Rec("r")], [U("r", "a")]));
        var act = () => dataset.SetAssessmentStatus("r", "b", AssessmentStatus.Healthy);
        act.Should().Throw<ArgumentException>().WithMessage("*'b'*'r'*");
    }

    [Fact]
    public void SetAssessmentStatus_FixingTheOnlyUnhealthyAsset_RaisesMetricAndInitiativeTo100()
    {
        var dataset = ExposureDataset.FromSnapshot(Snap([Rec("r", maxPoints: 10)], [U("r", "a"), H("r", "b")], [Met("m", MetricWeight.High, "r")], [Ini("i", ["m"])]));
        dataset.GetMetricScore("m").Should().Be(50);
        dataset.SetAssessmentStatus("r", "a", AssessmentStatus.Healthy);
        dataset.GetMetricScore("m").Should().Be(100);
        dataset.GetInitiativeScore("i").Should().Be(100);
        dataset.GetSecureScore().Percentage.Should().Be(100);
        dataset.ToReport().FindMetric("m")!.TopAffectedAssetIds.Should().BeEmpty();
    }

    [Fact]
    public void SetAssessmentStatus_AssetAssessedOnlyAgainstOtherRecommendations_ThrowsNamingBoth()
    {
        var dataset = ExposureDataset.FromSnapshot(Snap([Rec("r1"), Rec("r2"), Rec("r3")], [U("r1", "a"), H("r3", "a"), H("r2", "b")]));
        var act = () => dataset.SetAssessmentStatus("r2", "a", AssessmentStatus.Unhealthy);
        act.Should().Throw<ArgumentException>().WithMessage("*'a'*'r2'*");
    }

    [Fact]
    public void IncrementalUpdates_MoreThan65536Recommendations_EqualAFullRescore()
    {
        // Past 65,536 recommendations the per-asset rows hold 32-bit recommendation indices.
        const int count = 65_540;
        var recs = Enumerable.Range(0, count).Select(r => Rec($"r{r:D5}", maxPoints: 1 + (r % 5))).ToArray();
        var assessments = new Dictionary<(RecommendationId, AssetId), Assessment>();
        for (var r = 0; r < count; r++)
        {
            var status = r % 3 == 0 ? AssessmentStatus.Unhealthy : AssessmentStatus.Healthy;
            foreach (var asset in new[] { $"asset-{r % 7}", $"asset-{(r * 13) % 11}" }.Distinct())
            {
                assessments[(recs[r].Id, asset)] = new Assessment(recs[r].Id, asset, status);
            }
        }

        var metrics = new[]
        {
            Met("m-high", MetricWeight.High, "r65530", "r65533", "r65537", "r65539"),
            Met("m-span", MetricWeight.Medium, "r00003", "r40000", "r65536", "r65538"),
        };
        var initiatives = new[] { Ini("i", ["m-high", "m-span"]) };
        var dataset = ExposureDataset.FromSnapshot(Snap(recs, assessments.Values, metrics, initiatives), maxDegreeOfParallelism: 1);
        var random = new Random(65_537);
        var keys = assessments.Keys.Where(k => string.CompareOrdinal(k.Item1.Value, "r65530") >= 0 || k.Item1 == "r00003" || k.Item1 == "r40000").ToArray();
        for (var step = 0; step < 10; step++)
        {
            var key = keys[random.Next(keys.Length)];
            var status = (AssessmentStatus)random.Next(3);
            dataset.SetAssessmentStatus(key.Item1, key.Item2, status);
            assessments[key] = new Assessment(key.Item1, key.Item2, status);
        }

        var expected = ExposureScorer.Score(Snap(recs, assessments.Values, metrics, initiatives));
        foreach (var m in expected.Metrics)
        {
            Bits(dataset.GetMetricScore(m.Id)).Should().Be(Bits(m.Score), m.Id.Value);
        }

        Bits(dataset.GetInitiativeScore("i")).Should().Be(Bits(expected.FindInitiative("i")!.Score));
        var report = dataset.ToReport();
        report.Metrics.Select(m => (m.Id, m.Scope, m.Affected, string.Join(',', m.TopAffectedAssetIds)))
            .Should().Equal(expected.Metrics.Select(m => (m.Id, m.Scope, m.Affected, string.Join(',', m.TopAffectedAssetIds))));
    }

    [Fact]
    public void ColumnarBytes_AreAtMost16BytesPerAssessmentForADenseTenant()
    {
        // 2,000 assets × 50 recommendations (100,000 assessments), 20 metrics.
        var recs = Enumerable.Range(0, 50).Select(r => Rec($"r{r:D2}")).ToArray();
        var assessments = recs.SelectMany((r, i) => Enumerable.Range(0, 2000).Select(a => new Assessment(r.Id, $"asset-{a:D5}", (a + i) % 7 == 0 ? AssessmentStatus.Unhealthy : AssessmentStatus.Healthy)));
        var metrics = Enumerable.Range(0, 20).Select(m => Met($"m{m:D2}", MetricWeight.Medium, $"r{m:D2}", $"r{m + 20:D2}"));
        var dataset = ExposureDataset.FromSnapshot(Snap(recs, assessments, metrics), maxDegreeOfParallelism: 1);
        dataset.AssessmentCount.Should().Be(100_000);
        ((double)dataset.ColumnarBytes / dataset.AssessmentCount).Should().BeLessThanOrEqualTo(16);
    }

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", System.Globalization.CultureInfo.InvariantCulture) : "null";
}
