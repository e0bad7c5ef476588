namespace ExposureSdk.Tests.Recommendations;

public sealed class RecommendationTests
{
    private static Recommendation Make(
        RecommendationId? id = null,
        string name = "Require MFA",
        RecommendationSource? source = null,
        Workload? workload = null,
        SecurityDomain? domain = null,
        Impact impact = Impact.High,
        string? description = null,
        IEnumerable<string>? remediationSteps = null,
        Uri? manageUrl = null,
        double? maxPoints = null,
        ComplianceState? state = null,
        IEnumerable<string>? threats = null,
        IEnumerable<string>? tags = null,
        DateTimeOffset? lastCalculated = null)
        => new(
            id ?? "mfa-admins",
            name,
            source ?? RecommendationSource.MicrosoftSecureScore,
            workload ?? Workload.MicrosoftEntraId,
            domain ?? SecurityDomain.Identity,
            impact,
            description,
            remediationSteps,
            manageUrl,
            maxPoints,
            state,
            lastCalculated: lastCalculated,
            threats: threats,
            tags: tags);

    [Fact]
    public void Constructor_AllFields_KeepsThem()
    {
        var calculated = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(2));
        var recommendation = new Recommendation(
            "mfa-admins", "Require MFA for administrative roles", "Microsoft Secure Score", "microsoft entra id", "identity", Impact.High,
            "Admins need MFA.", ["Open Entra ID", "Create a policy"], new Uri("https://entra.microsoft.com/x"), 10,
            ComplianceState.MitigatedByOrganization, true, calculated, calculated.AddDays(-1), ["accountBreach"], ["cis-1.1.1"], new ResultCounts(3, 10));

        recommendation.Workload.Should().Be(Workload.MicrosoftEntraId);
        recommendation.Workload.Name.Should().Be("Microsoft Entra ID");
        recommendation.Domain.Name.Should().Be("Identity");
        recommendation.Source.IsWellKnown.Should().BeTrue();
        recommendation.RemediationSteps.Should().Equal("Open Entra ID", "Create a policy");
        recommendation.MaxPoints.Should().Be(10);
        recommendation.State.Should().Be(ComplianceState.MitigatedByOrganization);
        recommendation.IsRiskAccepted.Should().BeTrue();
        recommendation.LastCalculated.Should().Be(calculated);
        recommendation.LastCalculated!.Value.Offset.Should().Be(TimeSpan.Zero, "times are stored in UTC");
        recommendation.LastStateChange!.Value.Offset.Should().Be(TimeSpan.Zero);
        recommendation.Threats.Should().Equal("accountBreach");
        recommendation.Tags.Should().Equal("cis-1.1.1");
        recommendation.Counts.Should().Be(new ResultCounts(3, 10));
    }

    [Fact]
    public void Constructor_DefaultIdSourceWorkloadOrDomain_ThrowsNamingTheParameter()
    {
        FluentActions.Invoking(() => new Recommendation(default, "n", "s", "w", "Identity", Impact.Low)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => new Recommendation("r", "n", default, "w", "Identity", Impact.Low)).Should().Throw<ArgumentException>().WithParameterName("source");
        FluentActions.Invoking(() => new Recommendation("r", "n", "s", default, "Identity", Impact.Low)).Should().Throw<ArgumentException>().WithParameterName("workload");
        FluentActions.Invoking(() => new Recommendation("r", "n", "s", "w", default, Impact.Low)).Should().Throw<ArgumentException>().WithParameterName("domain");
    }

    [Fact]
    public void Constructor_NullOrEmptyName_Throws()
    {
        FluentActions.Invoking(() => Make(name: null!)).Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => Make(name: "")).Should().Throw<ArgumentException>().WithParameterName("name");
    }

    [Theory]
    [InlineData("ftp://example.com/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public void Constructor_NonHttpManageUrl_ThrowsArgumentException(string url)
        => FluentActions.Invoking(() => Make(manageUrl: new Uri(url))).Should().Throw<ArgumentException>().WithParameterName("manageUrl");

    [Fact]
    public void Constructor_RelativeManageUrl_ThrowsArgumentException()
        => FluentActions.Invoking(() => Make(manageUrl: new Uri("/relative/path", UriKind.Relative))).Should().Throw<ArgumentException>().WithParameterName("manageUrl");

    [Theory]
    [InlineData("http://example.com/")]
    [InlineData("https://security.microsoft.com/securescore")]
    public void Constructor_HttpOrHttpsManageUrl_IsAccepted(string url)
        => Make(manageUrl: new Uri(url)).ManageUrl.Should().Be(new Uri(url));

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void PointsAreTheSourcesOwn_MaxPointsNegativeOrNotFinite_ThrowsArgumentOutOfRange(double points)
        => FluentActions.Invoking(() => Make(maxPoints: points)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxPoints");

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(2.5)]
    [InlineData(20)]
    [InlineData(1020.13)]
    [InlineData(double.MaxValue)]
    public void PointsAreTheSourcesOwn_AnyFiniteMaxPointsOfAtLeast0_IsAcceptedAsGiven(double points)
        => Make(maxPoints: points).MaxPoints.Should().Be(points);

    [Fact]
    public void Constructor_UndefinedImpactOrState_ThrowsArgumentOutOfRange()
    {
        FluentActions.Invoking(() => Make(impact: (Impact)0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("impact");
        FluentActions.Invoking(() => Make(state: (ComplianceState)42)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("state");
    }

    [Fact]
    public void Constructor_EmptyRemediationStep_ThrowsNamingRemediationSteps()
        => FluentActions.Invoking(() => Make(remediationSteps: ["step", ""])).Should().Throw<ArgumentException>().WithParameterName("remediationSteps");

    [Fact]
    public void Constructor_TextLongerThan64KiB_Throws_AndExactly64KiBIsAccepted()
    {
        FluentActions.Invoking(() => Make(description: new string('d', (64 * 1024) + 1))).Should().Throw<ArgumentException>().WithParameterName("description");
        FluentActions.Invoking(() => Make(remediationSteps: [new string('s', (64 * 1024) + 1)])).Should().Throw<ArgumentException>().WithParameterName("remediationSteps");
        Make(description: new string('d', 64 * 1024)).Description.Should().HaveLength(64 * 1024);
    }

    [Fact]
    public void Constructor_ThreatsAndTags_DropDuplicatesAndRejectEmpties()
    {
        Make(threats: ["a", "b", "a"], tags: ["t", "t"]).Threats.Should().Equal("a", "b");
        FluentActions.Invoking(() => Make(threats: [""])).Should().Throw<ArgumentException>().WithParameterName("threats");
        FluentActions.Invoking(() => Make(tags: [null!])).Should().Throw<ArgumentException>().WithParameterName("tags");
    }

    [Fact]
    public void Constructor_LastCalculatedWithOffset_IsStoredInUtc()
    {
        var local = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.FromHours(-5));
        var stored = Make(lastCalculated: local).LastCalculated!.Value;
        stored.Offset.Should().Be(TimeSpan.Zero);
        stored.Should().Be(local);
        stored.Hour.Should().Be(11);
    }
}
