using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Snapshots;

public sealed class ExposureSnapshotTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    private static ExposureSnapshot Make(
        IEnumerable<Recommendation>? recommendations = null,
        IEnumerable<Asset>? assets = null,
        IEnumerable<Assessment>? assessments = null,
        IEnumerable<Metric>? metrics = null,
        IEnumerable<Initiative>? initiatives = null)
        => new("contoso", AsOf, recommendations ?? [SampleData.Recommendation("r1"), SampleData.Recommendation("r2")], assets, assessments, metrics, initiatives);

    [Fact]
    public void Constructor_ConsistentParts_KeepsThem_AndStoresAsOfInUtc()
    {
        var local = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(2));
        var snapshot = new ExposureSnapshot(
            "contoso", local, [SampleData.Recommendation("r1")], [new Asset("a1", AssetKind.Device)],
            [new Assessment("r1", "a1", AssessmentStatus.Healthy)], [new Metric("m1", "M", MetricWeight.High, ["r1"])],
            [new Initiative("i1", "I", InitiativeKind.Workload, ["m1"], ["r1"])]);

        snapshot.TenantId.Should().Be("contoso");
        snapshot.AsOf.Should().Be(local);
        snapshot.AsOf.Offset.Should().Be(TimeSpan.Zero);
        snapshot.Recommendations.Should().ContainSingle();
        snapshot.Assessments.Should().ContainSingle();
    }

    [Fact]
    public void Constructor_AssetOnlyReferencedByAnAssessment_IsAccepted()
        => Make(assessments: [new Assessment("r1", "not-listed", AssessmentStatus.Unhealthy)]).Assets.Should().BeEmpty();

    [Fact]
    public void Constructor_NoLists_GivesEmptyLists()
    {
        var snapshot = new ExposureSnapshot("t", AsOf);
        snapshot.Recommendations.Should().BeEmpty();
        snapshot.Assets.Should().BeEmpty();
        snapshot.Assessments.Should().BeEmpty();
        snapshot.Metrics.Should().BeEmpty();
        snapshot.Initiatives.Should().BeEmpty();
    }

    [Fact]
    public void Constructor_EmptyTenant_Throws()
    {
        FluentActions.Invoking(() => new ExposureSnapshot("", AsOf)).Should().Throw<ArgumentException>().WithParameterName("tenantId");
        FluentActions.Invoking(() => new ExposureSnapshot(null!, AsOf)).Should().Throw<ArgumentNullException>().WithParameterName("tenantId");
    }

    [Fact]
    public void Constructor_DuplicateRecommendationId_NamesListAndIndex()
        => FluentActions.Invoking(() => Make([SampleData.Recommendation("r1"), SampleData.Recommendation("r2"), SampleData.Recommendation("r1")]))
            .Should().Throw<ArgumentException>().WithMessage("recommendations[2] repeats the id 'r1'*");

    [Fact]
    public void Constructor_DuplicateAssetMetricOrInitiativeId_NamesListAndIndex()
    {
        FluentActions.Invoking(() => Make(assets: [new Asset("a", AssetKind.Device), new Asset("a", AssetKind.Identity)]))
            .Should().Throw<ArgumentException>().WithMessage("assets[1] repeats the id 'a'*");
        FluentActions.Invoking(() => Make(metrics: [new Metric("m", "M", MetricWeight.Low), new Metric("m", "M2", MetricWeight.Low)]))
            .Should().Throw<ArgumentException>().WithMessage("metrics[1] repeats the id 'm'*");
        FluentActions.Invoking(() => Make(initiatives: [new Initiative("i", "I", InitiativeKind.Workload), new Initiative("i", "I", InitiativeKind.Compliance)]))
            .Should().Throw<ArgumentException>().WithMessage("initiatives[1] repeats the id 'i'*");
    }

    [Fact]
    public void Constructor_DanglingReferences_NameListIndexAndId()
    {
        FluentActions.Invoking(() => Make(assessments: [new Assessment("r1", "a", AssessmentStatus.Healthy), new Assessment("nope", "a", AssessmentStatus.Healthy)]))
            .Should().Throw<ArgumentException>().WithMessage("assessments[1].recommendationId 'nope' names no recommendation*");
        FluentActions.Invoking(() => Make(metrics: [new Metric("m", "M", MetricWeight.Low, ["r1", "ghost"])]))
            .Should().Throw<ArgumentException>().WithMessage("metrics[0].recommendationIds[1] 'ghost'*");
        FluentActions.Invoking(() => Make(initiatives: [new Initiative("i", "I", InitiativeKind.Workload, ["ghost"])]))
            .Should().Throw<ArgumentException>().WithMessage("initiatives[0].metricIds[0] 'ghost' names no metric*");
        FluentActions.Invoking(() => Make(initiatives: [new Initiative("i", "I", InitiativeKind.ThreatAnalytics, recommendationIds: ["r2", "ghost"])]))
            .Should().Throw<ArgumentException>().WithMessage("initiatives[0].recommendationIds[1] 'ghost'*");
    }

    [Fact]
    public void Constructor_AssetAssessedTwiceAgainstOneRecommendation_Throws()
        => FluentActions.Invoking(() => Make(assessments:
            [new Assessment("r1", "a", AssessmentStatus.Healthy), new Assessment("r2", "a", AssessmentStatus.Healthy), new Assessment("r1", "a", AssessmentStatus.Unhealthy)]))
            .Should().Throw<ArgumentException>().WithMessage("assessments[2] assesses asset 'a' against recommendation 'r1' a second time*");

    [Fact]
    public void Constructor_DefaultAssessment_Throws()
        => FluentActions.Invoking(() => Make(assessments: [default])).Should().Throw<ArgumentException>().WithMessage("assessments[0]*");

    [Fact]
    public void Constructor_NullItem_ThrowsArgumentNullNamingTheIndex()
        => FluentActions.Invoking(() => Make([SampleData.Recommendation("r1"), null!])).Should().Throw<ArgumentNullException>().WithMessage("recommendations[1] is null*");

    [Fact]
    public void Constructor_CopiesTheLists()
    {
        var recommendations = new List<Recommendation> { SampleData.Recommendation("r1") };
        var snapshot = Make(recommendations);
        recommendations.Add(SampleData.Recommendation("r2"));
        snapshot.Recommendations.Should().ContainSingle();
    }
}
