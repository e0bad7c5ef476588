namespace ExposureSdk.Benchmarks.Dataset.Tests;

public sealed class DatasetFilesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-dataset-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void WriteThenRead_GivesTheSameDataset()
    {
        var dataset = RollupDataset.Generate(DatasetShape.Enterprise(1_000));

        DatasetFiles.Write(dataset, _directory, RollupDataset.DefaultSeed);
        var read = DatasetFiles.Read(_directory);

        read.AssetCount.Should().Be(dataset.AssetCount);
        read.InitiativeCount.Should().Be(dataset.InitiativeCount);
        read.AssessmentRecommendation.Should().Equal(dataset.AssessmentRecommendation);
        read.AssessmentAsset.Should().Equal(dataset.AssessmentAsset);
        read.AssessmentStatus.Should().Equal(dataset.AssessmentStatus);
        read.MetricRecommendationMetric.Should().Equal(dataset.MetricRecommendationMetric);
        read.MetricRecommendationRecommendation.Should().Equal(dataset.MetricRecommendationRecommendation);
        read.MetricWeights.Should().Equal(dataset.MetricWeights);
        read.InitiativeMetricInitiative.Should().Equal(dataset.InitiativeMetricInitiative);
        read.InitiativeMetricMetric.Should().Equal(dataset.InitiativeMetricMetric);
        File.ReadLines(Path.Combine(_directory, DatasetFiles.Assessments)).First().Should().Be("rec,asset,status");
    }

    [Fact]
    public void Read_MalformedLine_NamesTheFileAndLine()
    {
        DatasetFiles.Write(RollupDataset.Generate(DatasetShape.Enterprise(10)), _directory, 1);
        var path = Path.Combine(_directory, DatasetFiles.MetricRecommendations);
        var lines = File.ReadAllLines(path);
        lines[3] = "7;x";
        File.WriteAllText(path, string.Join('\n', lines) + "\n");

        var read = () => DatasetFiles.Read(_directory);

        read.Should().Throw<FormatException>().WithMessage("metric_recs.csv line 4:*");
    }

    [Fact]
    public void RollupResult_Differences_ListsCountAndScoreMismatches()
    {
        var a = new RollupResult("a", [10, 0], [5, 0], [50, null], [50]);
        var b = new RollupResult("b", [10, 1], [5, 0], [50 + 1e-6, 100], [50]);

        var differences = a.Differences(b);

        differences.Should().HaveCount(3);
        differences.Should().Contain(d => d.StartsWith("metric 0: a score 50, b 50.000001", StringComparison.Ordinal));
        differences.Should().Contain(d => d.StartsWith("metric 1: a affected/scope 0/0, b 0/1", StringComparison.Ordinal));
        a.Differences(a).Should().BeEmpty();
    }
}
