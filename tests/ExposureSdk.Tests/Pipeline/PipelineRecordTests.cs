using ExposureSdk.Pipeline;
using ExposureSdk.Providers;

namespace ExposureSdk.Tests.Pipeline;

/// <summary>
/// The pipeline's small record types, found unchecked by the Pipeline mutation run: the counts' argument
/// checks, the duplicate-id checks of a provider's delivery for every list, and an outcome's text.
/// </summary>
public sealed class PipelineRecordTests
{
    [Theory]
    [InlineData(-1, 0, 0, 0, 0, 0, "recommendations")]
    [InlineData(0, -1, 0, 0, 0, 0, "assets")]
    [InlineData(0, 0, -1, 0, 0, -1, "assessedResults")]
    [InlineData(0, 0, 1, -1, 0, 0, "metrics")]
    [InlineData(0, 0, 1, 0, -1, 0, "initiatives")]
    [InlineData(0, 0, 2, 0, 0, 3, "assessedResults")]
    [InlineData(0, 0, 2, 0, 0, -1, "assessedResults")]
    public void Counts_OutOfRange_NameTheArgument(int recommendations, int assets, int assessments, int metrics, int initiatives, int assessedResults, string parameter)
    {
        FluentActions.Invoking(() => new ProviderRecordCounts(recommendations, assets, assessments, metrics, initiatives, assessedResults))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }

    [Fact]
    public void Counts_NegativeAssessments_AreRefused_ByTheShortConstructorToo()
    {
        FluentActions.Invoking(() => new ProviderRecordCounts(0, 0, -1, 0, 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new ProviderRecordCounts(0, 0, 0, 0, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initiatives");
    }

    [Fact]
    public void Counts_InRange_KeepEveryValue()
    {
        var counts = new ProviderRecordCounts(1, 2, 5, 3, 4, 5);

        counts.Should().BeEquivalentTo(new { Recommendations = 1, Assets = 2, Assessments = 5, Metrics = 3, Initiatives = 4, AssessedResults = 5 });
        new ProviderRecordCounts(0, 0, 0, 0, 0, 0).AssessedResults.Should().Be(0);
    }

    [Theory]
    [InlineData("recommendations")]
    [InlineData("assets")]
    [InlineData("metrics")]
    [InlineData("initiatives")]
    public void CheckDistinctIds_ARepeatedId_NamesItsListAndIndex(string list)
    {
        Recommendation[] recommendations = [Rec("r1"), Rec(list == "recommendations" ? "r1" : "r2")];
        Asset[] assets = [new("a1", AssetKind.Device), new(list == "assets" ? "a1" : "a2", AssetKind.Device)];
        Metric[] metrics = [new("m1", "M1", MetricWeight.Low, ["r1"]), new(list == "metrics" ? "m1" : "m2", "M2", MetricWeight.Low, ["r2"])];
        Initiative[] initiatives = [new("i1", "I1", InitiativeKind.Workload, ["m1"]), new(list == "initiatives" ? "i1" : "i2", "I2", InitiativeKind.Workload, ["m2"])];
        var records = new ProviderRecords("P", DateTimeOffset.UnixEpoch, recommendations, assets, [], metrics, initiatives);

        var error = FluentActions.Invoking(records.CheckDistinctIds).Should().Throw<ExposureSourceException>().Which;

        error.Field.Should().Be(list);
        error.Message.Should().Contain($"{list}[1] repeats the id");
    }

    [Fact]
    public void CheckDistinctIds_DistinctIds_Pass_AndWarningsDefaultToEmpty()
    {
        var records = new ProviderRecords("P", DateTimeOffset.UnixEpoch, [Rec("r1"), Rec("r2")], [new("a1", AssetKind.Device)], [], [], []);

        FluentActions.Invoking(records.CheckDistinctIds).Should().NotThrow();
        records.Warnings.Should().BeEmpty().And.NotBeNull();
    }

    [Fact]
    public void Outcome_ToString_NamesTheProviderTheKindAndTheError()
    {
        static ProviderOutcome Outcome(ProviderOutcomeKind kind, string? error)
            => new("Graph", kind, TimeSpan.FromSeconds(1), default, error, null, false, SourceCoverage.Active, []);

        Outcome(ProviderOutcomeKind.Succeeded, null).ToString().Should().Be("Graph: Succeeded");
        Outcome(ProviderOutcomeKind.Failed, "HTTP 503").ToString().Should().Be("Graph: Failed (HTTP 503)");
    }

    private static Recommendation Rec(string id) => new(id, "N " + id, "S", "W", SecurityDomain.Identity, Impact.High);
}
