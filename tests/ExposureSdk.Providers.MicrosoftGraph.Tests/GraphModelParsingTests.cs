using ExposureSdk.Providers.MicrosoftGraph.Models;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

public sealed class GraphModelParsingTests
{
    [Fact]
    public async Task SecureScore_V1GetFixture_ReadsEveryDocumentedProperty()
    {
        var score = await GraphTestAdapters.Parse(GraphTestAdapters.Fixture("secureScore.v1.get.example.json"), SecureScore.CreateFromDiscriminatorValue);

        score.Id.Should().Be("00000001-0001-0001-0001-000000000001c_2019-03-19");
        score.AzureTenantId.Should().Be("00000001-0001-0001-0001-000000000001c");
        score.ActiveUserCount.Should().Be(0);
        score.LicensedUserCount.Should().Be(100);
        score.CreatedDateTime.Should().Be(new DateTimeOffset(2019, 3, 19, 15, 21, 0, TimeSpan.Zero));
        score.CurrentScore.Should().Be(387);
        score.MaxScore.Should().Be(697);
        score.EnabledServices.Should().Equal("HasExchange", "HasSharePoint", "HasInTune");
        score.AverageComparativeScores.Select(a => (a.Basis, a.AverageScore)).Should().Equal(("AllTenants", 37d), ("TotalSeats", 46d), ("IndustryTypes", 109d));
        score.ControlScores.Select(c => (c.ControlCategory, c.ControlName, c.Score)).Should().Equal(("Identity", "AdminMFA", 35d), ("Data", "DLPEnabled", 20d));
        score.ControlScores[0].Description.Should().StartWith("Requiring multi-factor authentication (MFA)");
        score.VendorInformation!.Provider.Should().Be("SecureScore");
        score.VendorInformation.Vendor.Should().Be("Microsoft");
        score.VendorInformation.ProviderVersion.Should().BeNull();
        score.VendorInformation.SubProvider.Should().BeNull();
    }

    [Fact]
    public async Task SecureScore_OlderRevision_ReadsNumbersAsStringsForComparativeScores()
    {
        var score = await GraphTestAdapters.Parse(GraphTestAdapters.Fixture("secureScore.v1.get.older-revision.example.json"), SecureScore.CreateFromDiscriminatorValue);

        score.CurrentScore.Should().Be(387);
        var seats = score.AverageComparativeScores[1];
        (seats.DeviceScore, seats.DataScore, seats.IdentityScore, seats.AppsScore).Should().Be((2d, 14d, 27d, 0d));
        (seats.SeatSizeRangeLowerValue, seats.SeatSizeRangeUpperValue).Should().Be((6L, 99L));
        score.AverageComparativeScores[2].CategoryValue.Should().Be("engineering,technology");
    }

    [Fact]
    public async Task SecureScore_BetaPlaceholders_ReadAsNullAndEnabledServicesStringAsOneItem()
    {
        var page = await GraphTestAdapters.Parse(GraphTestAdapters.Fixture("secureScores.beta.example.json"), SecureScoreCollectionResponse.CreateFromDiscriminatorValue);

        var score = page.Value.Should().ContainSingle().Subject;
        score.CreatedDateTime.Should().BeNull("createdDateTime.value is not a date");
        score.EnabledServices.Should().Equal("enabledServices.value");
        score.AverageComparativeScores.Should().HaveCount(3).And.OnlyContain(a => a.AverageScore == null && a.DeviceScore == null);
        var control = score.ControlScores.Should().ContainSingle().Subject;
        (control.Score, control.Count, control.Total).Should().Be((null, null, null));
    }

    [Fact]
    public async Task ControlProfile_V1Fixture_ReadsEveryDocumentedProperty()
    {
        var profile = await GraphTestAdapters.Parse(GraphTestAdapters.Fixture("secureScoreControlProfile.v1.get.example.json"), SecureScoreControlProfile.CreateFromDiscriminatorValue);

        profile.Id.Should().Be("DLPEnabled");
        profile.AzureTenantId.Should().Be("00000001-0001-0001-0001-000000000001c");
        profile.ActionType.Should().Be("Config");
        profile.ActionUrl.Should().Be("https://compliance.microsoft.com/#/policies");
        profile.ControlCategory.Should().Be("Data");
        profile.Title.Should().Be("Apply Data Loss Prevention policies");
        profile.Deprecated.Should().BeFalse();
        profile.ImplementationCost.Should().Be("Moderate");
        profile.LastModifiedDateTime.Should().BeNull();
        profile.MaxScore.Should().Be(20);
        profile.Rank.Should().Be(55);
        profile.Remediation.Should().StartWith("You can create and manage data loss prevention policies");
        profile.RemediationImpact.Should().Be("This change will have a moderate impact on your users.");
        profile.Service.Should().Be("IP");
        profile.Threats.Should().Equal("Data Exfiltration", "Data Spillage");
        profile.Tier.Should().Be("Advanced");
        profile.UserImpact.Should().Be("Moderate");
        var compliance = profile.ComplianceInformation.Should().ContainSingle().Subject;
        compliance.CertificationName.Should().Be("ISO 27001:2013");
        compliance.CertificationControls.Should().ContainSingle().Which.Should().Match<CertificationControl>(c => c.Name == "A.8.2.1" && c.Url == "");
        var update = profile.ControlStateUpdates.Should().ContainSingle().Subject;
        (update.State, update.AssignedTo, update.Comment, update.UpdatedBy).Should().Be(("Default", null, null, null));
        update.UpdatedDateTime.Should().Be(DateTimeOffset.Parse("2019-03-19T22:37:14.628799Z", System.Globalization.CultureInfo.InvariantCulture));
        profile.VendorInformation!.Provider.Should().Be("SecureScore");
    }

    [Fact]
    public async Task ControlProfile_ListFixtureItem_EqualsTheGetFixture()
    {
        var list = await GraphTestAdapters.Parse(GraphTestAdapters.Fixture("secureScoreControlProfiles.v1.example.json"), SecureScoreControlProfileCollectionResponse.CreateFromDiscriminatorValue);
        var single = await GraphTestAdapters.Parse(GraphTestAdapters.Fixture("secureScoreControlProfile.v1.get.example.json"), SecureScoreControlProfile.CreateFromDiscriminatorValue);

        list.Value.Should().ContainSingle().Which.Should().BeEquivalentTo(single);
        list.OdataNextLink.Should().BeNull();
    }

    [Fact]
    public async Task ControlProfile_BetaPlaceholders_ReadAsNullDatesAndKeepFractionalMaxScore()
    {
        var page = await GraphTestAdapters.Parse(GraphTestAdapters.Fixture("secureScoreControlProfiles.beta.example.json"), SecureScoreControlProfileCollectionResponse.CreateFromDiscriminatorValue);

        var profile = page.Value.Should().ContainSingle().Subject;
        profile.Deprecated.Should().BeTrue();
        profile.MaxScore.Should().Be(1020.13);
        profile.Rank.Should().Be(100);
        profile.LastModifiedDateTime.Should().BeNull();
        profile.ControlStateUpdates.Single().UpdatedDateTime.Should().BeNull();
        profile.ComplianceInformation.Should().BeEmpty();
    }

    [Fact]
    public async Task ControlScore_UndocumentedProperties_AreKeptInAdditionalData()
    {
        var score = await GraphTestAdapters.Parse(
            """{"controlName":"MFARegistrationV2","score":"7.5","scoreInPercentage":75.0,"implementationStatus":"You have 3 of 4 users","count":"3","total":"4"}""",
            ControlScore.CreateFromDiscriminatorValue);

        (score.Score, score.Count, score.Total).Should().Be((7.5, 3L, 4L));
        score.AdditionalData.Keys.Should().BeEquivalentTo("scoreInPercentage", "implementationStatus");
    }

    [Fact]
    public async Task AverageComparativeScore_MinusOne_ReadsAsNoAverage()
    {
        var score = await GraphTestAdapters.Parse("""{"basis":"AllTenants","averageScore":-1}""", AverageComparativeScore.CreateFromDiscriminatorValue);

        score.AverageScore.Should().BeNull();
    }

    [Fact]
    public async Task SecureScore_EmptyComparativeScores_IsEmptyList()
    {
        var score = await GraphTestAdapters.Parse("""{"averageComparativeScores":[],"enabledServices":null}""", SecureScore.CreateFromDiscriminatorValue);

        score.AverageComparativeScores.Should().BeEmpty();
        score.EnabledServices.Should().BeEmpty();
    }

    [Fact]
    public async Task ODataError_GraphErrorBody_ReadsCodeAndRequestIds()
    {
        var error = await GraphTestAdapters.Parse(
            """{"error":{"code":"TooManyRequests","message":"Slow down","innerError":{"request-id":"r-1","client-request-id":"c-1","date":"2026-11-21T06:00:00"}}}""",
            ODataError.CreateFromDiscriminatorValue);

        error.Error!.Code.Should().Be("TooManyRequests");
        error.Message.Should().Be("Slow down");
        (error.Error.InnerError!.RequestId, error.Error.InnerError.ClientRequestId).Should().Be(("r-1", "c-1"));
    }

    [Fact]
    public void RequestBuilders_ToGetRequestInformation_ArePureGetsWithTop()
    {
        using var adapter = GraphTestAdapters.UserAdapter();
        var parameters = new Dictionary<string, object> { ["baseurl"] = "https://graph.microsoft.com/v1.0" };

        var scores = new Requests.SecureScoresRequestBuilder(parameters, adapter).ToGetRequestInformation(c => c.QueryParameters.Top = 7);
        var profiles = new Requests.SecureScoreControlProfilesRequestBuilder(parameters, adapter).ToGetRequestInformation();

        scores.HttpMethod.Should().Be(Microsoft.Kiota.Abstractions.Method.GET);
        scores.URI.AbsoluteUri.Should().Be("https://graph.microsoft.com/v1.0/security/secureScores?%24top=7");
        scores.Headers["Accept"].Should().Contain("application/json");
        profiles.URI.AbsoluteUri.Should().Be("https://graph.microsoft.com/v1.0/security/secureScoreControlProfiles");
        new Requests.SecureScoresRequestBuilder(parameters, adapter).WithUrl("https://graph.microsoft.com/v1.0/security/secureScores?$skiptoken=x")
            .ToGetRequestInformation().URI.AbsoluteUri.Should().Be("https://graph.microsoft.com/v1.0/security/secureScores?$skiptoken=x");
    }
}
