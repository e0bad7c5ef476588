namespace ExposureSdk.Tests.Assets;

public sealed class AssetTests
{
    [Fact]
    public void Constructor_ValidArguments_KeepsThem_AndDropsDuplicateTags()
    {
        var asset = new Asset("dev-1", AssetKind.Device, "LAPTOP-01", AssetCriticality.High, ["finance", "finance", "emea"]);

        asset.Id.Should().Be(new AssetId("dev-1"));
        asset.Kind.Should().Be(AssetKind.Device);
        asset.Name.Should().Be("LAPTOP-01");
        asset.Criticality.Should().Be(AssetCriticality.High);
        asset.Tags.Should().Equal("finance", "emea");
    }

    [Fact]
    public void Constructor_DefaultIdOrKind_ThrowsArgumentException()
    {
        FluentActions.Invoking(() => new Asset(default, AssetKind.Device)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => new Asset("a", default)).Should().Throw<ArgumentException>().WithParameterName("kind");
    }

    [Fact]
    public void Constructor_UndefinedCriticality_ThrowsArgumentOutOfRange()
        => FluentActions.Invoking(() => new Asset("a", AssetKind.Device, criticality: (AssetCriticality)9)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("criticality");

    [Fact]
    public void Constructor_EmptyTagOrOverlongName_ThrowsArgumentException()
    {
        FluentActions.Invoking(() => new Asset("a", AssetKind.Device, tags: ["ok", " "])).Should().Throw<ArgumentException>().WithParameterName("tags");
        FluentActions.Invoking(() => new Asset("a", AssetKind.Device, new string('n', 513))).Should().Throw<ArgumentException>().WithParameterName("name");
    }

    [Fact]
    public void AssessmentConstructor_ChecksIdsAndStatus()
    {
        var assessment = new Assessment("rec", "asset", AssessmentStatus.Unhealthy);
        var (recommendationId, assetId, status) = assessment;
        recommendationId.Should().Be(new RecommendationId("rec"));
        assetId.Should().Be(new AssetId("asset"));
        status.Should().Be(AssessmentStatus.Unhealthy);

        FluentActions.Invoking(() => new Assessment(default, "a", AssessmentStatus.Healthy)).Should().Throw<ArgumentException>().WithParameterName("recommendationId");
        FluentActions.Invoking(() => new Assessment("r", default, AssessmentStatus.Healthy)).Should().Throw<ArgumentException>().WithParameterName("assetId");
        FluentActions.Invoking(() => new Assessment("r", "a", (AssessmentStatus)7)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
