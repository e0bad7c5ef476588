using ExposureSdk.Scoring;
using static ExposureSdk.Tests.Scoring.ScoringBuilders;

namespace ExposureSdk.Tests.Scoring;

/// <summary>
/// Edges of the columnar fast path that the random snapshots of <see cref="ExposureDatasetTests"/> do not reach
/// (found by the mutation run of 2026-12-03, docs/quality.md): more assets than one rollup range, more than 100
/// affected assets in a metric, an asset whose rows all come before the recommendation asked for, the documented
/// memory figure, and the argument checks of the builder and the what-if scenario.
/// </summary>
public sealed class ExposureDatasetEdgeTests
{
    private const int ManyAssets = 10_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(0)]
    public void FromSnapshot_MoreAssetsThanOneRollupRange_EqualsReferenceBitForBit(int threads)
    {
        // 10,000 assets are 157 bitset words: the rollup cuts them into ranges of 64 words (4,096 assets), and
        // r-d's assets all lie past the first range.
        var snapshot = Large();
        var dataset = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: threads);
        RandomSnapshots.Dump(dataset.ToReport()).Should().Be(RandomSnapshots.Dump(ExposureScorer.Score(snapshot)));
    }

    [Fact]
    public void Recompute_AfterIncrementalUpdates_EqualsReferenceBitForBit()
    {
        var snapshot = Large();
        var dataset = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1);
        var recs = snapshot.Recommendations.ToDictionary(r => r.Id);
        var assessments = snapshot.Assessments.ToDictionary(a => (a.RecommendationId, a.AssetId));
        foreach (var (rec, asset, status) in new[] { ("r-a", "asset-00002", AssessmentStatus.Healthy), ("r-d", "asset-09999", AssessmentStatus.Healthy), ("r-a", "asset-05000", AssessmentStatus.Unhealthy) })
        {
            dataset.SetAssessmentStatus(rec, asset, status);
            assessments[(rec, asset)] = new Assessment(rec, asset, status);
        }

        dataset.SetRecommendationState("r-b", null, isRiskAccepted: true);
        recs["r-b"] = Rec("r-b", maxPoints: 5, riskAccepted: true);
        dataset.SetRecommendationState("r-c", ComplianceState.NotCompliant, isRiskAccepted: false);
        recs["r-c"] = Rec("r-c", maxPoints: 2, state: ComplianceState.NotCompliant);
        var expected = RandomSnapshots.Dump(ExposureScorer.Score(new ExposureSnapshot(snapshot.TenantId, snapshot.AsOf, recs.Values, null, assessments.Values, snapshot.Metrics, snapshot.Initiatives)));

        RandomSnapshots.Dump(dataset.ToReport()).Should().Be(expected, "incrementally");
        foreach (var threads in new[] { 2, 1, 0 })
        {
            dataset.Recompute(threads);
            RandomSnapshots.Dump(dataset.ToReport()).Should().Be(expected, $"recomputed with {threads} threads");
        }
    }

    [Fact]
    public void Recompute_NegativeParallelism_Throws()
    {
        var dataset = ExposureDataset.FromSnapshot(Snap([Rec("r")], [U("r", "a")]));
        FluentActions.Invoking(() => dataset.Recompute(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDegreeOfParallelism");
    }

    [Fact]
    public void SetAssessmentStatus_MoreThan100Affected_KeepsTheFirst100AffectedExact()
    {
        // m-ab lists its first 100 affected assets of several thousand: fixing the 100th, fixing one inside
        // the list and breaking one past it must each leave the list equal to a full rescore.
        var snapshot = Large();
        var dataset = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1);
        var assessments = snapshot.Assessments.ToDictionary(a => (a.RecommendationId, a.AssetId));
        var top = dataset.ToReport().FindMetric("m-ab")!.TopAffectedAssetIds;
        top.Should().HaveCount(MetricScore.TopAffectedLimit);
        var steps = new List<(RecommendationId Rec, AssetId Asset, AssessmentStatus Status)>();
        foreach (var asset in new[] { top[^1], top[40], top[0] })
        {
            foreach (var rec in new RecommendationId[] { "r-a", "r-b" })
            {
                if (assessments.ContainsKey((rec, asset)))
                {
                    steps.Add((rec, asset, AssessmentStatus.Healthy));
                }
            }
        }

        steps.Add(("r-a", "asset-09998", AssessmentStatus.Unhealthy));
        foreach (var (rec, asset, status) in steps)
        {
            dataset.SetAssessmentStatus(rec, asset, status);
            assessments[(rec, asset)] = new Assessment(rec, asset, status);
            var expected = ExposureScorer.Score(new ExposureSnapshot(snapshot.TenantId, snapshot.AsOf, snapshot.Recommendations, null, assessments.Values, snapshot.Metrics, snapshot.Initiatives));
            foreach (var m in expected.Metrics)
            {
                dataset.ToReport().FindMetric(m.Id)!.TopAffectedAssetIds.Should().Equal(m.TopAffectedAssetIds, $"{m.Id} after {rec}/{asset} became {status}");
            }
        }
    }

    [Theory]
    [InlineData("a")] // an asset before another
    [InlineData("z")] // the last asset
    public void SetAssessmentStatus_AssetWhoseRowsAllComeBeforeTheRecommendation_Throws(string asset)
    {
        // The asset is assessed against r1 only; asking for r2 must not read the next asset's row.
        var dataset = ExposureDataset.FromSnapshot(Snap([Rec("r1"), Rec("r2")], [U("r1", asset), H("r2", "m"), U("r1", "m")]));
        FluentActions.Invoking(() => dataset.SetAssessmentStatus("r2", asset, AssessmentStatus.Healthy))
            .Should().Throw<ArgumentException>().WithMessage($"*'{asset}'*'r2'*");
        dataset.ToReport().FindRecommendation("r2")!.Healthy.Should().Be(1);
    }

    [Fact]
    public void SetAssessmentStatus_UndefinedStatus_Throws()
    {
        var dataset = ExposureDataset.FromSnapshot(Snap([Rec("r")], [U("r", "a")]));
        FluentActions.Invoking(() => dataset.SetAssessmentStatus("r", "a", (AssessmentStatus)7))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("status");
        dataset.ToReport().FindRecommendation("r")!.Unhealthy.Should().Be(1);
    }

    [Fact]
    public void ColumnarBytes_FollowTheDocumentedLayout()
    {
        // 8 bytes per assessment, 4 per asset for where its rows start, the id table (4 bytes a slot, a power of
        // two at least twice the assets, at least 16), two bitsets of one bit per asset per metric in 64-bit words.
        var recs = Enumerable.Range(0, 3).Select(r => Rec($"r{r}")).ToArray();
        var assessments = Enumerable.Range(0, 100).SelectMany(a => recs.Take(1 + (a % 3)).Select(r => new Assessment(r.Id, $"asset-{a:D3}", AssessmentStatus.Unhealthy))).ToArray();
        var dataset = ExposureDataset.FromSnapshot(Snap(recs, assessments, [Met("m1", MetricWeight.High, "r0"), Met("m2", MetricWeight.Low, "r1", "r2")]), maxDegreeOfParallelism: 1);

        dataset.ColumnarBytes.Should().Be(Documented(assessments.Length, 100, 2, recommendationBytes: 2));
    }

    [Theory]
    [InlineData(65_536, 2)] // the most recommendations with 2-byte indices
    [InlineData(65_537, 4)]
    public void ColumnarBytes_RecommendationIndexWidth_FollowsTheRecommendationCount(int count, int recommendationBytes)
    {
        var recs = Enumerable.Range(0, count).Select(r => Rec($"r{r:D5}")).ToArray();
        var assessments = recs.Select((r, i) => new Assessment(r.Id, $"asset-{i % 7}", AssessmentStatus.Healthy)).ToArray();
        var dataset = ExposureDataset.FromSnapshot(Snap(recs, assessments, [Met("m", MetricWeight.High, "r00000", $"r{count - 1:D5}")]), maxDegreeOfParallelism: 1);

        dataset.ColumnarBytes.Should().Be(Documented(count, 7, 1, recommendationBytes));
    }

    [Fact]
    public void Builder_ArgumentChecks()
    {
        FluentActions.Invoking(() => new ExposureDatasetBuilder(" ", AsOf)).Should().Throw<ArgumentException>().WithParameterName("tenantId");
        FluentActions.Invoking(() => new ExposureDatasetBuilder("t", AsOf).AddAssessment("r", "a", (AssessmentStatus)9)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("status");
        FluentActions.Invoking(() => new ExposureDatasetBuilder("t", AsOf).Build(maxDegreeOfParallelism: -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDegreeOfParallelism");
        FluentActions.Invoking(() => new ExposureDatasetBuilder("t", AsOf).AddRecommendation(Rec("b")).AddRecommendation(Rec("a")).AddRecommendation(Rec("b")).Build())
            .Should().Throw<ArgumentException>().WithMessage("*'b'*twice*");
    }

    [Fact]
    public void Builder_RefusedBuildArgument_LeavesTheBuilderUsable()
    {
        // A refused argument consumes nothing: the builder still builds, with everything added before.
        var builder = new ExposureDatasetBuilder("t", AsOf).AddRecommendation(Rec("r")).AddAssessment("r", "a", AssessmentStatus.Unhealthy).AddMetric(Met("m", MetricWeight.High, "r"));
        FluentActions.Invoking(() => builder.Build(maxDegreeOfParallelism: -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxDegreeOfParallelism");

        var dataset = builder.Build(maxDegreeOfParallelism: 1);
        dataset.GetMetricScore("m").Should().Be(0);
        dataset.ToReport().FindMetric("m")!.Scope.Should().Be(1);
    }

    [Fact]
    public void Builder_EveryAddAfterBuild_Throws()
    {
        var builder = new ExposureDatasetBuilder("t", AsOf);
        _ = builder.Build();
        FluentActions.Invoking(() => builder.AddMetric(Met("m", MetricWeight.High))).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => builder.AddInitiative(Ini("i"))).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => builder.AddAssessment("r", "a", AssessmentStatus.Healthy)).Should().Throw<InvalidOperationException>().WithMessage("Build was already called*");
        FluentActions.Invoking(() => builder.AddAssessments([H("r", "a")])).Should().Throw<InvalidOperationException>().WithMessage("Build was already called*");
        FluentActions.Invoking(() => builder.Build()).Should().Throw<InvalidOperationException>();
        builder.AssessmentCount.Should().Be(0);
    }

    [Fact]
    public void Builder_Options_WeighTheMetrics()
    {
        var options = new ScoringOptions { HighWeight = 7, LowWeight = 0.5 };
        var snapshot = Snap([Rec("r1"), Rec("r2")], [U("r1", "a"), H("r2", "a")], [Met("high", MetricWeight.High, "r1"), Met("low", MetricWeight.Low, "r2")], [Ini("i", ["high", "low"])]);
        var dataset = new ExposureDatasetBuilder(snapshot.TenantId, snapshot.AsOf)
            .AddRecommendation(snapshot.Recommendations[0]).AddRecommendation(snapshot.Recommendations[1])
            .AddAssessments(snapshot.Assessments).AddMetric(snapshot.Metrics[0]).AddMetric(snapshot.Metrics[1]).AddInitiative(snapshot.Initiatives[0])
            .Build(options, maxDegreeOfParallelism: 1);
        dataset.ToReport().FindMetric("high")!.NumericWeight.Should().Be(7);
        RandomSnapshots.Dump(dataset.ToReport()).Should().Be(RandomSnapshots.Dump(ExposureScorer.Score(snapshot, options)));
    }

    [Fact]
    public void ToReport_InitiativeOfFractionalPoints_SumsAsTheReference()
    {
        // Floating-point sums depend on their order: the fast path must add points in the reference's order.
        var recs = new[] { Rec("r1", maxPoints: 0.1), Rec("r2", maxPoints: 0.2), Rec("r3", maxPoints: 0.3), Rec("r4", maxPoints: 0.7) };
        var snapshot = Snap(recs, [H("r1", "a"), H("r2", "a"), H("r3", "a"), U("r4", "a")], [Met("m", MetricWeight.High, "r1")], [Ini("i", recs: ["r4", "r3", "r2", "r1"])]);
        RandomSnapshots.Dump(ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1).ToReport()).Should().Be(RandomSnapshots.Dump(ExposureScorer.Score(snapshot)));
    }

    [Fact]
    public void InitiativePoints_AreSummedInAscendingIdOrder()
    {
        // docs/scoring.md: every sum runs in ascending ordinal id order, whatever the order of the lists. In
        // doubles, 0.1 + 0.1 + 1.1 + 0.1 (ascending) is 1.4000000000000001 and 0.1 + 1.1 + 0.1 + 0.1 is 1.4000000000000004.
        var recs = new[] { Rec("r3", maxPoints: 1.1), Rec("r1", maxPoints: 0.1), Rec("r4", maxPoints: 0.1), Rec("r2", maxPoints: 0.1) };
        var snapshot = Snap(recs, [H("r1", "a"), H("r2", "a"), H("r3", "a"), U("r4", "a")], [Met("m", MetricWeight.High, "r1")], [Ini("i", recs: ["r4", "r2", "r3", "r1"])]);
        double one = 0.1, three = 1.1, nothing = 0;
        var expectedMax = one + one + three + one;
        var expectedAchieved = one + one + three + nothing;
        expectedMax.Should().NotBe(one + three + one + one, "the test needs sums that depend on their order");
        expectedAchieved.Should().NotBe(nothing + three + one + one, "the test needs sums that depend on their order");

        foreach (var report in new[] { ExposureScorer.Score(snapshot), ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1).ToReport() })
        {
            var points = report.FindInitiative("i")!.Points!.Value;
            points.MaxPoints.Should().Be(expectedMax);
            points.AchievedPoints.Should().Be(expectedAchieved);
        }
    }

    [Fact]
    public void RecommendationWithCountsAndPerAssetResults_IsScoredFromItsAssets()
    {
        // Per-asset results win over a recommendation's own counts, in the rollup and after a state change.
        var snapshot = Snap([Rec("r", counts: new ResultCounts(5, 10)), Rec("q")], [U("r", "a"), H("r", "b"), H("q", "a")], [Met("m", MetricWeight.High, "r", "q")]);
        var dataset = ExposureDataset.FromSnapshot(snapshot, maxDegreeOfParallelism: 1);
        dataset.ToReport().FindMetric("m")!.Scope.Should().Be(2);
        RandomSnapshots.Dump(dataset.ToReport()).Should().Be(RandomSnapshots.Dump(ExposureScorer.Score(snapshot)));

        dataset.SetRecommendationState("q", null, isRiskAccepted: true);
        var changed = Snap([snapshot.Recommendations[0], Rec("q", riskAccepted: true)], snapshot.Assessments, snapshot.Metrics);
        RandomSnapshots.Dump(dataset.ToReport()).Should().Be(RandomSnapshots.Dump(ExposureScorer.Score(changed)));
        dataset.GetMetricScore("m").Should().Be(50);
    }

    [Fact]
    public void RemediationScenario_DefaultIds_Throw()
    {
        FluentActions.Invoking(() => new AssetRemediation(default, "a")).Should().Throw<ArgumentException>().WithParameterName("recommendationId");
        FluentActions.Invoking(() => new AssetRemediation("r", default)).Should().Throw<ArgumentException>().WithParameterName("assetId");
        FluentActions.Invoking(() => new RemediationScenario([default(RecommendationId)])).Should().Throw<ArgumentException>().WithParameterName("recommendations");
        FluentActions.Invoking(() => new RemediationScenario(assets: [new AssetRemediation("r", "a"), default])).Should().Throw<ArgumentException>().WithParameterName("assets");
        new RemediationScenario(["r"], [new AssetRemediation("r", "a")]).Assets.Should().ContainSingle();
    }

    private static long Documented(long assessments, int assets, int metrics, int recommendationBytes)
    {
        var table = Math.Max(16, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)assets * 2));
        var words = (assets + 63) / 64;
        return (assessments * (4 + 1 + recommendationBytes + 1)) + (4L * (assets + 1)) + (4 * table) + (2L * 8 * metrics * words);
    }

    /// <summary>
    /// 10,000 assets against four recommendations (one mitigated, one whose assets all lie past the first
    /// 4,096), metrics of one and of several members, and an initiative over all of them.
    /// </summary>
    private static ExposureSnapshot Large()
    {
        var recs = new[]
        {
            Rec("r-a", maxPoints: 3),
            Rec("r-b", maxPoints: 5),
            Rec("r-c", maxPoints: 2, state: ComplianceState.MitigatedByOrganization),
            Rec("r-d", maxPoints: 1),
        };
        var assessments = new List<Assessment>();
        for (var a = 0; a < ManyAssets; a++)
        {
            var id = $"asset-{a:D5}";
            assessments.Add(new Assessment("r-a", id, (AssessmentStatus)(a % 3)));
            if (a % 2 == 0)
            {
                assessments.Add(new Assessment("r-b", id, a % 7 == 0 ? AssessmentStatus.Unhealthy : AssessmentStatus.Healthy));
            }

            if (a % 5 != 0)
            {
                assessments.Add(new Assessment("r-c", id, a % 11 == 0 ? AssessmentStatus.Unhealthy : AssessmentStatus.Healthy));
            }

            if (a > 4_100 && a % 3 == 0)
            {
                assessments.Add(new Assessment("r-d", id, a % 2 == 0 ? AssessmentStatus.Unhealthy : AssessmentStatus.Healthy));
            }
        }

        var metrics = new[]
        {
            Met("m-ab", MetricWeight.High, "r-a", "r-b"),
            Met("m-c", MetricWeight.Medium, "r-c"),
            Met("m-d", MetricWeight.Low, "r-d"),
            Met("m-all", MetricWeight.Medium, "r-a", "r-b", "r-c", "r-d"),
        };
        return Snap(recs, assessments, metrics, [Ini("i", ["m-ab", "m-c", "m-d", "m-all"])]);
    }
}
