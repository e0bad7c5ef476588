using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Metrics;

/// <summary>Selector semantics (contracts §1): all given lists must match, each list is any-of; no lists = no members.</summary>
public sealed class MetricSelectorTests
{
    private static readonly Recommendation MfaAdmins = new(
        "mfa-admins", "Require MFA", RecommendationSource.MicrosoftSecureScore, Workload.MicrosoftEntraId, SecurityDomain.Identity, Impact.High,
        threats: ["accountBreach", "elevationOfPrivilege"], tags: ["cis-1.1.1"]);

    [Fact]
    public void Matches_EmptySelector_SelectsNothing()
    {
        var selector = new MetricSelector();
        selector.IsEmpty.Should().BeTrue();
        selector.Matches(MfaAdmins).Should().BeFalse();
        new MetricSelector([], [], [], [], []).Matches(MfaAdmins).Should().BeFalse();
    }

    [Fact]
    public void Matches_AnyOfWithinAList()
    {
        new MetricSelector(domains: [SecurityDomain.Devices, SecurityDomain.Identity]).Matches(MfaAdmins).Should().BeTrue();
        new MetricSelector(domains: [SecurityDomain.Devices, SecurityDomain.Apps]).Matches(MfaAdmins).Should().BeFalse();
        new MetricSelector(threats: ["ransomware", "accountBreach"]).Matches(MfaAdmins).Should().BeTrue();
    }

    [Fact]
    public void Matches_AllOfAcrossLists()
    {
        new MetricSelector(domains: [SecurityDomain.Identity], workloads: [Workload.MicrosoftEntraId], tags: ["cis-1.1.1"]).Matches(MfaAdmins).Should().BeTrue();
        new MetricSelector(domains: [SecurityDomain.Identity], workloads: [Workload.Intune]).Matches(MfaAdmins).Should().BeFalse("the workload list does not match");
        new MetricSelector(sources: [RecommendationSource.MicrosoftSecureScore], threats: ["dataExfiltration"]).Matches(MfaAdmins).Should().BeFalse("the threat list does not match");
    }

    [Fact]
    public void Matches_ComparesCaseInsensitively()
    {
        new MetricSelector(workloads: ["MICROSOFT ENTRA ID"]).Matches(MfaAdmins).Should().BeTrue();
        new MetricSelector(sources: ["microsoft secure score"]).Matches(MfaAdmins).Should().BeTrue();
        new MetricSelector(threats: ["ACCOUNTBREACH"]).Matches(MfaAdmins).Should().BeTrue();
        new MetricSelector(tags: ["CIS-1.1.1"]).Matches(MfaAdmins).Should().BeTrue();
    }

    [Fact]
    public void Matches_TagListAgainstRecommendationWithoutTags_DoesNotMatch()
        => new MetricSelector(tags: ["x"]).Matches(SampleData.Recommendation("plain")).Should().BeFalse();

    [Fact]
    public void Constructor_DefaultOrEmptyItems_ThrowArgumentException()
    {
        FluentActions.Invoking(() => new MetricSelector(domains: [default])).Should().Throw<ArgumentException>().WithParameterName("domains");
        FluentActions.Invoking(() => new MetricSelector(workloads: [default])).Should().Throw<ArgumentException>().WithParameterName("workloads");
        FluentActions.Invoking(() => new MetricSelector(sources: [default])).Should().Throw<ArgumentException>().WithParameterName("sources");
        FluentActions.Invoking(() => new MetricSelector(threats: [""])).Should().Throw<ArgumentException>().WithParameterName("threats");
        FluentActions.Invoking(() => new MetricSelector(tags: [" "])).Should().Throw<ArgumentException>().WithParameterName("tags");
    }

    [Fact]
    public void Constructor_DuplicateItems_AreDropped()
        => new MetricSelector(domains: [SecurityDomain.Identity, "identity"]).Domains.Should().ContainSingle();

    [Fact]
    public void Matches_Null_ThrowsArgumentNullException()
        => FluentActions.Invoking(() => new MetricSelector(tags: ["x"]).Matches(null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public void Matches_Impacts_SelectByImpactAndCombineWithTheOtherLists()
    {
        var high = new Recommendation("vm-ports", "Management ports should be closed", RecommendationSource.DefenderForCloud, Workload.DefenderForCloud, SecurityDomain.Cloud, Impact.High);
        var low = new Recommendation("kv-expiry", "Secrets should expire", RecommendationSource.DefenderForCloud, Workload.DefenderForCloud, SecurityDomain.Cloud, Impact.Low);

        var selector = new MetricSelector(domains: [SecurityDomain.Cloud], impacts: [Impact.High]);

        selector.IsEmpty.Should().BeFalse();
        selector.Matches(high).Should().BeTrue();
        selector.Matches(low).Should().BeFalse("an impact list is any-of, and Low is not in it");
        new MetricSelector(domains: [SecurityDomain.Identity], impacts: [Impact.High]).Matches(high).Should().BeFalse("every given list must match");
        new MetricSelector(impacts: [Impact.Low, Impact.High, Impact.Low]).Impacts.Should().Equal(Impact.Low, Impact.High);
    }

    [Fact]
    public void Constructor_UndefinedImpact_ThrowsArgumentException()
        => FluentActions.Invoking(() => new MetricSelector(impacts: [(Impact)0])).Should().Throw<ArgumentException>().WithParameterName("impacts");
}
