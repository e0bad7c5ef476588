using ExposureSdk.Providers.MicrosoftGraph.Mapping;
using ExposureSdk.Providers.MicrosoftGraph.Models;
using ExposureSdk.Scoring;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

public sealed class SecureScoreMapperTests
{
    private static Task<SecureScoreControlProfile> Profile(string json) => GraphTestAdapters.Parse(json, SecureScoreControlProfile.CreateFromDiscriminatorValue);

    private static Task<ControlScore> Score(string json) => GraphTestAdapters.Parse(json, ControlScore.CreateFromDiscriminatorValue);

    private static Recommendation Map(SecureScoreControlProfile profile, ControlScore? score = null)
        => SecureScoreMapper.ToRecommendation(profile, score, null, "MicrosoftGraph", 0);

    private static string ProfileJson(string extra = "", double maxScore = 10)
        => $$"""{"id":"AdminMFA","title":"Require MFA for admins","controlCategory":"Identity","service":"AzureAD","maxScore":{{maxScore}},"userImpact":"High"{{extra}}}""";

    [Fact]
    public async Task ToRecommendation_CountAndTotalAsStrings_AffectedIsTotalMinusCount()
    {
        var profile = await Profile(ProfileJson());
        var score = await Score("""{"controlName":"AdminMFA","score":"5","count":"3","total":"10"}""");

        var recommendation = Map(profile, score);

        recommendation.Counts.Should().Be(new ResultCounts(7, 10));
        recommendation.State.Should().BeNull("partially scored and 7 affected agree: the state is derived (NotCompliant)");
        recommendation.Impact.Should().Be(Impact.High);
        recommendation.Workload.Should().Be(Workload.MicrosoftEntraId);
        recommendation.Domain.Should().Be(SecurityDomain.Identity);
    }

    [Fact]
    public async Task ToRecommendation_FullyScoredButCountsShowAffected_PointsWinAsExplicitState()
    {
        var recommendation = Map(await Profile(ProfileJson()), await Score("""{"controlName":"AdminMFA","score":10,"count":"9","total":"10"}"""));

        recommendation.State.Should().Be(ComplianceState.Compliant);
        recommendation.Counts.Should().Be(new ResultCounts(1, 10));
    }

    [Fact]
    public async Task ToRecommendation_PartialScoreWithoutCounts_TenantIsOneAffectedEntity()
    {
        var recommendation = Map(await Profile(ProfileJson()), await Score("""{"controlName":"AdminMFA","score":4.5}"""));

        recommendation.Counts.Should().Be(new ResultCounts(1, 1));
        recommendation.State.Should().BeNull();
    }

    [Fact]
    public async Task ToRecommendation_NoScoreToday_HasNoResult()
    {
        var recommendation = Map(await Profile(ProfileJson()));

        recommendation.Counts.Should().BeNull();
        recommendation.LastCalculated.Should().BeNull();
    }

    [Fact]
    public async Task ToRecommendation_LatestStateThirdParty_IsMitigatedByOrganization()
    {
        var profile = await Profile(ProfileJson(""","controlStateUpdates":[ {"state":"ThirdParty","updatedDateTime":"2026-11-20T10:00:00Z"}, {"state":"Default","updatedDateTime":"2026-11-01T10:00:00Z"}]"""));

        var recommendation = Map(profile, await Score("""{"controlName":"AdminMFA","score":0}"""));

        recommendation.State.Should().Be(ComplianceState.MitigatedByOrganization);
        recommendation.IsRiskAccepted.Should().BeFalse();
        recommendation.LastStateChange.Should().Be(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ToRecommendation_LatestStateIgnored_IsRiskAccepted()
    {
        var profile = await Profile(ProfileJson(""","controlStateUpdates":[ {"state":"ThirdParty","updatedDateTime":"2026-10-01T10:00:00Z"}, {"state":"Ignored","updatedDateTime":"2026-11-20T10:00:00Z"}]"""));

        var recommendation = Map(profile, await Score("""{"controlName":"AdminMFA","score":0}"""));

        recommendation.IsRiskAccepted.Should().BeTrue();
        recommendation.State.Should().BeNull("the newer Ignored replaces the older ThirdParty");
    }

    [Theory]
    [InlineData("Reviewed")]
    [InlineData("Default")]
    [InlineData("state.value")]
    public async Task ToRecommendation_DefaultOrReviewedOrUnknownState_IsDerived(string state)
    {
        var profile = await Profile(ProfileJson($$""","controlStateUpdates":[{"state":"{{state}}","updatedDateTime":"2026-11-20T10:00:00Z"}]"""));

        var recommendation = Map(profile, await Score("""{"controlName":"AdminMFA","score":0}"""));

        recommendation.State.Should().BeNull();
        recommendation.IsRiskAccepted.Should().BeFalse();
        recommendation.Counts.Should().Be(new ResultCounts(1, 1));
    }

    [Theory]
    [InlineData("Identity", "Identity")]
    [InlineData("Data", "Data")]
    [InlineData("Device", "Devices")]
    [InlineData("Apps", "Apps")]
    [InlineData("Infrastructure", "Cloud")]
    [InlineData("infrastructure", "Cloud")]
    [InlineData("Quantum", "Quantum")]
    public void MapDomain_ControlCategory_MapsToDomain(string category, string domain)
        => SecureScoreVocabulary.MapDomain(category).Should().Be(SecurityDomain.Parse(domain));

    [Theory]
    [InlineData("IP", "Microsoft Purview Information Protection")]
    [InlineData("MDATP", "Defender for Endpoint")]
    [InlineData("EXO", "Exchange Online")]
    [InlineData("AzureAD", "Microsoft Entra ID")]
    [InlineData("SPO", "SharePoint Online")]
    [InlineData("MCAS", "Microsoft Defender for Cloud Apps")]
    [InlineData("Intune", "Intune")]
    [InlineData("MDO", "Defender for Office")]
    [InlineData("MDI", "Defender for Identity")]
    [InlineData("Teams", "Microsoft Teams")]
    [InlineData("Exchange Online", "Exchange Online")]
    [InlineData("Contoso Firewall", "Contoso Firewall")]
    [InlineData(null, "Microsoft 365")]
    public void MapWorkload_ServiceCode_MapsToWorkload(string? service, string workload)
    {
        var mapped = SecureScoreVocabulary.MapWorkload(service);

        mapped.Should().Be(Workload.Parse(workload));
        mapped.Name.Should().Be(workload);
    }

    [Theory]
    [InlineData("Low", Impact.Low)]
    [InlineData("Moderate", Impact.Medium)]
    [InlineData("High", Impact.High)]
    [InlineData("userImpact.value", Impact.Medium)]
    [InlineData(null, Impact.Medium)]
    public void MapImpact_UserImpact_MapsToImpact(string? userImpact, Impact impact)
        => SecureScoreVocabulary.MapImpact(userImpact).Should().Be(impact);

    [Theory]
    [InlineData("Data Exfiltration", "dataExfiltration")]
    [InlineData("accountBreach", "accountBreach")]
    [InlineData("Phishing or Whaling", "phishingOrWhaling")]
    [InlineData(" Elevation of privilege ", "elevationOfPrivilege")]
    [InlineData("Cryptojacking", "Cryptojacking")]
    public void MapThreat_DisplayName_IsDocumentedCamelCase(string threat, string expected)
        => SecureScoreVocabulary.MapThreat(threat).Should().Be(expected);

    [Fact]
    public async Task PointsAreTheSourcesOwn_AnyFiniteMaxIsKept_FractionalIncluded()
    {
        var profiles = new List<SecureScoreControlProfile>
        {
            await Profile("""{"id":"A","title":"A","controlCategory":"Identity","service":"AzureAD","maxScore":20}"""),
            await Profile("""{"id":"B","title":"B","controlCategory":"Data","service":"IP","maxScore":"5"}"""),
            await Profile("""{"id":"D","title":"D","controlCategory":"Apps","service":"MCAS","maxScore":1020.13}"""),
            await Profile("""{"id":"Z","title":"Z","controlCategory":"Apps","maxScore":0}"""),
            await Profile("""{"id":"C","title":"C","controlCategory":"Apps","service":"MCAS","maxScore":1020.13,"deprecated":true}"""),
        };

        var recommendations = SecureScoreMapper.ToRecommendations(profiles, null, "MicrosoftGraph");

        recommendations.Select(r => r.Id.Value).Should().Equal("A", "B", "D", "Z");
        recommendations.Select(r => r.MaxPoints).Should().Equal(20, 5, 1020.13, 0);
        recommendations.Should().OnlyContain(r => r.Description == null || !r.Description.Contains("scaled", StringComparison.Ordinal));
        recommendations[1].Tags.Should().Contain("secureScoreMaxScore:5");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("1e400")]
    public async Task PointsAreTheSourcesOwn_AMaxThatIsNotAFiniteNumberAtLeast0_IsNoMax(string maxScore)
    {
        var profile = await Profile($$"""{"id":"A","title":"A","controlCategory":"Identity","maxScore":{{maxScore}}}""");

        Map(profile).MaxPoints.Should().BeNull();
    }

    [Fact]
    public async Task PointsAreTheSourcesOwn_SecureScoreIsGraphsPointsOverGraphsMax()
    {
        var profiles = new List<SecureScoreControlProfile>
        {
            await Profile("""{"id":"A","controlCategory":"Identity","maxScore":40}"""),
            await Profile("""{"id":"B","controlCategory":"Identity","maxScore":8}"""),
            await Profile("""{"id":"Z","controlCategory":"Identity","maxScore":0}"""),
        };
        var today = await GraphTestAdapters.Parse(
            """{"createdDateTime":"2026-11-21T01:00:00Z","controlScores":[{"controlName":"A","score":40},{"controlName":"B","score":2,"count":"1","total":"4"},{"controlName":"Z","score":0,"count":"0","total":"3"}]}""",
            SecureScore.CreateFromDiscriminatorValue);

        var recommendations = SecureScoreMapper.ToRecommendations(profiles, today, "MicrosoftGraph");
        var report = ExposureScorer.Score(new ExposureSnapshot("t", new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero), recommendations));

        report.SecureScore.AchievedPoints.Should().BeApproximately(40 + 2, 1e-9, "40 of 40, and 1 of 4 healthy on 8 points");
        report.SecureScore.MaxPoints.Should().Be(48, "a max of 0 adds nothing");
        recommendations.Should().OnlyContain(r => r.LastCalculated == new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ToRecommendations_DuplicateProfileId_FirstWins()
    {
        var profiles = new List<SecureScoreControlProfile>
        {
            await Profile("""{"id":"A","title":"First","controlCategory":"Identity"}"""),
            await Profile("""{"id":"A","title":"Second","controlCategory":"Identity"}"""),
        };

        SecureScoreMapper.ToRecommendations(profiles, null, "MicrosoftGraph").Should().ContainSingle().Which.Name.Should().Be("First");
    }

    [Fact]
    public async Task ToRecommendations_ProfileWithoutId_FailsNamingTheRecord()
    {
        var profiles = new List<SecureScoreControlProfile> { await Profile("""{"title":"No id","controlCategory":"Identity"}""") };

        var act = () => SecureScoreMapper.ToRecommendations(profiles, null, "MicrosoftGraph");

        act.Should().Throw<ExposureSourceException>().Which.Field.Should().Be("id");
    }

    [Fact]
    public async Task ToRecommendations_ProfileWithoutCategory_FailsNamingTheField()
    {
        var profiles = new List<SecureScoreControlProfile> { await Profile("""{"id":"X","title":"No category"}""") };

        var act = () => SecureScoreMapper.ToRecommendations(profiles, null, "MicrosoftGraph");

        var failure = act.Should().Throw<ExposureSourceException>().Which;
        failure.RecordId.Should().Be("X");
        failure.Field.Should().Be("secureScoreControlProfiles[0].controlCategory");
    }

    [Fact]
    public async Task ToRecommendation_PlaceholderActionUrl_HasNoManageLink()
        => Map(await Profile(ProfileJson(""","actionUrl":"actionUrl.value" """))).ManageUrl.Should().BeNull();
}
