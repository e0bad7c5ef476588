namespace ExposureSdk.Tests.Assets;

/// <summary>
/// The string-backed extensible values (RecommendationSource, SecurityDomain, AssetKind; Workload has
/// its own tests): case-insensitive parsing to the canonical well-known instance, unknown names kept
/// as given, empty and overlong names rejected.
/// </summary>
public sealed class ExtensibleValueTests
{
    [Theory]
    [InlineData("microsoft secure score", "Microsoft Secure Score")]
    [InlineData("CIS BENCHMARK", "CIS Benchmark")]
    [InlineData("Microsoft Defender for Cloud", "Microsoft Defender for Cloud")]
    public void RecommendationSourceParse_WellKnownInAnyCase_ReturnsCanonical(string input, string canonical)
    {
        var source = RecommendationSource.Parse(input);
        source.Name.Should().Be(canonical);
        source.IsWellKnown.Should().BeTrue();
        RecommendationSource.WellKnown.Should().Contain(source);
    }

    [Fact]
    public void RecommendationSourceParse_Unknown_IsKeptAsGiven()
    {
        RecommendationSource source = "Prowler";
        source.Name.Should().Be("Prowler");
        source.IsWellKnown.Should().BeFalse();
        source.Should().Be(RecommendationSource.Parse("PROWLER"), "names compare case-insensitively");
    }

    [Theory]
    [InlineData("identity", "Identity")]
    [InlineData("DEVICES", "Devices")]
    [InlineData("saas", "SaaS")]
    [InlineData("Cloud", "Cloud")]
    public void SecurityDomainParse_WellKnownInAnyCase_ReturnsCanonical(string input, string canonical)
    {
        var domain = SecurityDomain.Parse(input);
        domain.Name.Should().Be(canonical);
        domain.IsWellKnown.Should().BeTrue();
    }

    [Fact]
    public void SecurityDomain_WellKnown_AreTheSixDomains()
        => SecurityDomain.WellKnown.Select(d => d.Name).Should().Equal("Devices", "Apps", "Data", "Identity", "Cloud", "SaaS");

    [Theory]
    [InlineData("device", "Device")]
    [InlineData("CLOUDRESOURCE", "CloudResource")]
    [InlineData("saasapp", "SaaSApp")]
    [InlineData("unknown", "Unknown")]
    public void AssetKindParse_WellKnownInAnyCase_ReturnsCanonical(string input, string canonical)
    {
        var kind = AssetKind.Parse(input);
        kind.Name.Should().Be(canonical);
        kind.IsWellKnown.Should().BeTrue();
    }

    [Fact]
    public void AssetKindParse_Unknown_IsKeptAsGiven()
    {
        AssetKind kind = "Mailbox";
        kind.Name.Should().Be("Mailbox");
        kind.IsWellKnown.Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_EmptyName_ThrowsArgumentException(string name)
    {
        FluentActions.Invoking(() => RecommendationSource.Parse(name)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => SecurityDomain.Parse(name)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => AssetKind.Parse(name)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Workload.Parse(name)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Parse_NullOrOverlongName_Throws()
    {
        FluentActions.Invoking(() => RecommendationSource.Parse(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => SecurityDomain.Parse(new string('d', 513))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => AssetKind.Parse(new string('k', 513))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Workload.Parse(new string('w', 513))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Default_HasEmptyNameAndIsNotWellKnown()
    {
        default(RecommendationSource).Name.Should().BeEmpty();
        default(SecurityDomain).IsWellKnown.Should().BeFalse();
        default(AssetKind).Should().NotBe(AssetKind.Unknown);
        default(Workload).IsWellKnown.Should().BeFalse();
    }
}
