using ExposureSdk.Scoring;

namespace ExposureSdk.Benchmarks.Dataset.Tests;

public sealed class RollupDatasetTests
{
    private static readonly DatasetShape Small = DatasetShape.Enterprise(2_000);

    [Fact]
    public void Generate_SameShapeAndSeed_GivesTheSameData()
    {
        var a = RollupDataset.Generate(Small, 7);
        var b = RollupDataset.Generate(Small, 7);

        a.AssessmentRecommendation.Should().Equal(b.AssessmentRecommendation);
        a.AssessmentAsset.Should().Equal(b.AssessmentAsset);
        a.AssessmentStatus.Should().Equal(b.AssessmentStatus);
        a.MetricRecommendationRecommendation.Should().Equal(b.MetricRecommendationRecommendation);
        a.MetricWeights.Should().Equal(b.MetricWeights);
        a.InitiativeMetricMetric.Should().Equal(b.InitiativeMetricMetric);
    }

    [Fact]
    public void Generate_AnotherSeed_GivesOtherData()
    {
        var a = RollupDataset.Generate(Small, 7);
        var b = RollupDataset.Generate(Small, 8);

        a.AssessmentRecommendation.Should().NotEqual(b.AssessmentRecommendation);
    }

    [Fact]
    public void Generate_EnterpriseShape_HasTheSizesOfTheTargets()
    {
        var dataset = RollupDataset.Generate(Small);

        dataset.AssessmentCount.Should().Be(2_000 * 20);
        dataset.RecommendationCount.Should().Be(2_000);
        dataset.MetricCount.Should().Be(300);
        dataset.InitiativeCount.Should().Be(30);
        dataset.MetricRecommendationMetric.Length.Should().BeInRange(2_800, 3_200);
        dataset.AssessmentStatus.Should().Contain([0, 1, 2]);
    }

    [Fact]
    public void Generate_AssetsAssessedOncePerRecommendation_NoDuplicatePairs()
    {
        var dataset = RollupDataset.Generate(Small);
        var pairs = new HashSet<(int, int)>();

        for (var i = 0; i < dataset.AssessmentCount; i++)
        {
            pairs.Add((dataset.AssessmentRecommendation[i], dataset.AssessmentAsset[i])).Should().BeTrue($"row {i} repeats a pair");
        }
    }

    [Fact]
    public void ReferenceRollup_LastMetricAndLastInitiative_AreUnavailableAndAbsent()
    {
        var result = ReferenceRollup.Compute(RollupDataset.Generate(Small));

        result.Scope[^1].Should().Be(0);
        result.MetricScores[^1].Should().BeNull();
        result.InitiativeScores[^1].Should().BeNull();
        result.MetricScores.Take(299).Should().OnlyContain(s => s.HasValue && s.Value >= 0 && s.Value <= 100);
    }

    [Fact]
    public void ReferenceRollup_HandMadeDataset_CountsEachAssetOncePerMetric()
    {
        // Metric 0 = recs {0, 1}; metric 1 = rec {2}. Asset 0 fails rec 0 and rec 1 (affected once),
        // asset 1 is healthy on rec 1 and NotApplicable on rec 2 (in scope of metric 0 only).
        var dataset = new RollupDataset(
            assetCount: 2,
            recommendationCount: 3,
            assessmentRecommendation: [0, 1, 1, 2],
            assessmentAsset: [0, 0, 1, 1],
            assessmentStatus: [2, 2, 1, 0],
            metricRecommendationMetric: [0, 0, 1],
            metricRecommendationRecommendation: [0, 1, 2],
            metricWeights: [3, 1],
            initiativeMetricInitiative: [0, 0],
            initiativeMetricMetric: [0, 1],
            initiativeCount: 1);

        var result = ReferenceRollup.Compute(dataset);

        result.Scope.Should().Equal(2, 0);
        result.Affected.Should().Equal(1, 0);
        result.MetricScores[0].Should().Be(50);
        result.MetricScores[1].Should().BeNull();
        result.InitiativeScores[0].Should().Be(50);
    }

    [Fact]
    public void FastPath_Recompute_AgreesWithTheReferenceRollup()
    {
        var dataset = RollupDataset.Generate(Small);
        var sdk = FastPath.Build(dataset);
        sdk.Recompute(2);

        var result = FastPath.ToResult(sdk.ToReport(), dataset, "ExposureSdk");

        result.Differences(ReferenceRollup.Compute(dataset)).Should().BeEmpty();
    }

    [Fact]
    public void ExposureScorer_OverTheSnapshot_AgreesWithTheReferenceRollup()
    {
        var dataset = RollupDataset.Generate(DatasetShape.Enterprise(300));

        var result = FastPath.ToResult(ExposureScorer.Score(DatasetSnapshots.ToSnapshot(dataset)), dataset, "ExposureScorer");

        result.Differences(ReferenceRollup.Compute(dataset)).Should().BeEmpty();
    }

    [Fact]
    public void TakeAssets_KeepsOnlyTheFirstAssetsWithAllTheirAssessments()
    {
        var dataset = RollupDataset.Generate(Small);

        var part = dataset.TakeAssets(500);

        part.AssetCount.Should().Be(500);
        part.AssessmentCount.Should().Be(500 * 20);
        part.AssessmentAsset.Should().OnlyContain(a => a < 500);
        part.MetricWeights.Should().BeSameAs(dataset.MetricWeights);
    }

    [Fact]
    public void SequentialScan_Sum_ReadsEveryByteOfTheThreeColumns()
    {
        var dataset = new RollupDataset(5, 3, [1, 2, 0], [4, 3, 2], [2, 1, 0], [0], [0], [1], [0], [0], 1);

        // The checksum adds 64-bit little-endian words, then the bytes left over at each column's end:
        // rec [1, 2 | 0] = (1 + 2·2³²) + 0, asset [4, 3 | 2] = (4 + 3·2³²) + 2, status [2, 1, 0] = 3 bytes.
        SequentialScan.Sum(dataset).Should().Be((1UL + (2UL << 32)) + (4UL + (3UL << 32)) + 2 + (2 + 1 + 0));
    }
}
