using System.Globalization;
using System.Text.Json;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

/// <summary>Domain rules §6 field by field, on the published Microsoft.Security examples served by the REST path.</summary>
public sealed class FixtureMappingTests
{
    private const string Subscription = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";
    private const string Endpoint = "21300918-b2e3-0346-785f-c77ff57d243b";

    [Fact]
    public async Task ReadAsync_PublishedExamples_MapsRecommendationAssetsAndAssessmentsFieldByField()
    {
        await using var server = new LoopbackArmServer((r, _) => Task.FromResult(Serve(r, Arm.FixtureBody("ListSecureScoreControlsForNameWithExpand_builtin_example.json"))));
        using var provider = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);

        var reading = await Arm.ReadAllAsync(provider);

        var recommendation = reading.Result.Recommendations.Should().ContainSingle().Subject;
        recommendation.Id.Value.Should().Be(Endpoint);
        recommendation.Name.Should().Be("Install endpoint protection solution on virtual machine scale sets");
        recommendation.Source.Should().Be(RecommendationSource.DefenderForCloud);
        recommendation.Workload.Should().Be(Workload.DefenderForCloud);
        recommendation.Domain.Should().Be(SecurityDomain.Cloud);
        recommendation.Impact.Should().Be(Impact.Medium, "severity Medium");
        recommendation.Description.Should().StartWith("Install an endpoint protection solution on your virtual machines scale sets");
        recommendation.RemediationSteps.Should().Equal(
            "To install an endpoint protection solution: 1. Follow the instructions in How do I turn on antimalware in my virtual machine scale set (https://docs.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-faq#how-do-i-turn-on-antimalware-in-my-virtual-machine-scale-set)");
        recommendation.ManageUrl!.AbsoluteUri.Should().Be("https://www.portal.azure.com/?fea#blade/Microsoft_Azure_Security/RecommendationsBlade/assessmentKey/21300918-b2e3-0346-785f-c77ff57d243b");
        recommendation.Threats.Should().Equal("dataExfiltration", "dataSpillage", "maliciousInsider");
        recommendation.Tags.Should().Contain(["category:Compute", "severity:medium", "resourceType:microsoft.compute/virtualmachinescalesets", "assessmentType:BuiltIn", "userImpact:Low", "implementationEffort:Low"]);
        recommendation.MaxPoints.Should().BeNull("Defender scores controls, not recommendations");

        reading.Assets.Select(a => a.Id.Value).Should().Equal(
            $"/subscriptions/{Subscription}/resourcegroups/myrg/providers/microsoft.compute/virtualmachinescalesets/vmss1",
            $"/subscriptions/{Subscription}/resourcegroups/myrg/providers/microsoft.compute/virtualmachinescalesets/vmss2");
        reading.Assets.Should().OnlyContain(a => a.Kind.Name == "microsoft.compute/virtualmachinescalesets");
        reading.Assets.Select(a => a.Name).Should().Equal("vmss1", "vmss2");
        reading.Assessments.Select(a => (a.RecommendationId.Value, a.Status)).Should().Equal(
            (Endpoint, AssessmentStatus.Healthy),
            (Endpoint, AssessmentStatus.NotApplicable),
            (Endpoint, AssessmentStatus.NotApplicable));
        reading.Result.Assessments.Should().Be(1, "only healthy and unhealthy results count");
        reading.Result.Subscriptions.Single().Status.Should().Be(DefenderForCloudStatus.Active, "the pricing example has CloudPosture Standard");
    }

    [Fact]
    public async Task ReadAsync_PreviewMetadata_IsARecommendationButEarnsNoPoints()
    {
        // bc303248 (Close management ports) is preview in the metadata example; a control made of it alone earns nothing from it.
        var controls = "{\"value\":[" + Control("ffffffff-0000-4000-8000-000000000001", 10, ["bc303248-3d14-44c2-96a0-55f5c326b5fe", Endpoint]) + "]}";
        var assessments = Rows(
            ("vmA", "bc303248-3d14-44c2-96a0-55f5c326b5fe", "Unhealthy"),
            ("vmA", Endpoint, "Healthy"),
            ("vmB", Endpoint, "Healthy"));
        await using var server = new LoopbackArmServer((r, _) => Task.FromResult(Serve(r, controls, assessments, ascCurrent: 10, ascMax: 10)));
        using var provider = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);

        var reading = await Arm.ReadAllAsync(provider);

        reading.Result.Recommendations.Should().Contain(r => r.Id.Value == "bc303248-3d14-44c2-96a0-55f5c326b5fe" && r.Tags.Contains("preview"));
        reading.Result.Score!.AchievedPoints.Should().Be(10, "the unhealthy preview result does not make vmA unhealthy for the control");
        reading.Result.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_FixtureControls_AgreeWithTheReportedAscScore23Point53Of39()
    {
        var controlsBody = Arm.FixtureBody("ListSecureScoreControlsForNameWithExpand_builtin_example.json");
        var assessments = AssessmentsMatchingControlCounts(controlsBody, flipOne: false);
        await using var server = new LoopbackArmServer((r, _) => Task.FromResult(Serve(r, controlsBody, assessments)));
        using var provider = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);

        var reading = await Arm.ReadAllAsync(provider);

        var score = reading.Result.Subscriptions.Single().Score!;
        score.AchievedPoints.Should().BeApproximately(23.5333, 0.0001);
        score.MaxPoints.Should().Be(39);
        score.ReportedPoints.Should().Be(23.53);
        score.ReportedPercentage.Should().BeApproximately(60.33, 1e-9);
        score.Percentage.Should().BeApproximately(60.3419, 0.0001);
        reading.Result.Warnings.Should().NotContain(w => w.Contains("ascScore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ControlPointsDifferFromAscScore_WarnsByHowMuch()
    {
        var controlsBody = Arm.FixtureBody("ListSecureScoreControlsForNameWithExpand_builtin_example.json");
        var assessments = AssessmentsMatchingControlCounts(controlsBody, flipOne: true);
        await using var server = new LoopbackArmServer((r, _) => Task.FromResult(Serve(r, controlsBody, assessments)));
        using var provider = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);

        var reading = await Arm.ReadAllAsync(provider);

        reading.Result.Subscriptions.Single().Score!.AchievedPoints.Should().BeApproximately(23.7333, 0.0001);
        reading.Result.Warnings.Should().ContainSingle(w => w.Contains("ascScore", StringComparison.Ordinal))
            .Which.Should().Contain("23.7333 of 39").And.Contain("23.53 of 39").And.Contain("by +0.2033 points");
    }

    [Fact]
    public async Task Pull_ControlPointsDifferFromAscScore_TheWarningReachesTheRefreshResult()
    {
        var controlsBody = Arm.FixtureBody("ListSecureScoreControlsForNameWithExpand_builtin_example.json");
        var assessments = AssessmentsMatchingControlCounts(controlsBody, flipOne: true);
        await using var server = new LoopbackArmServer((r, _) => Task.FromResult(Serve(r, controlsBody, assessments)));
        using var provider = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);

        var result = await DefenderForCloudCoverageTests.RefreshAsync(provider);

        var outcome = result.FindOutcome(DefenderForCloudProvider.ProviderName)!;
        outcome.Warnings.Should().ContainSingle(w => w.Contains("ascScore", StringComparison.Ordinal)).Which.Should().Contain("by +0.2033 points");
        result.Warnings.Should().ContainSingle(w => w.StartsWith("Provider 'DefenderForCloud': ", StringComparison.Ordinal) && w.Contains("ascScore", StringComparison.Ordinal));
        outcome.Coverage.Status.Should().Be(SourceStatus.Active, "the pricing example has CloudPosture Standard");
        outcome.Coverage.Score!.Value.AchievedPoints.Should().BeApproximately(23.7333, 0.0001);
        outcome.Coverage.Score.Value.MaxPoints.Should().Be(39);
    }

    /// <summary>Per-resource assessments reproducing each fixture control's healthy/unhealthy resource counts (one resource per count, on the control's first assessment).</summary>
    private static string AssessmentsMatchingControlCounts(string controlsBody, bool flipOne)
    {
        using var document = JsonDocument.Parse(controlsBody);
        var rows = new List<(string Resource, string Metadata, string Status)>();
        var n = 0;
        var used = new HashSet<string>();
        foreach (var control in document.RootElement.GetProperty("value").EnumerateArray())
        {
            var p = control.GetProperty("properties");
            var metadata = p.GetProperty("definition").GetProperty("properties").GetProperty("assessmentDefinitions").EnumerateArray()
                .Select(d => d.GetProperty("id").GetString()!.Split('/')[^1]).First(used.Add);
            var healthy = p.GetProperty("healthyResourceCount").GetInt32();
            var unhealthy = p.GetProperty("unhealthyResourceCount").GetInt32();
            var flip = flipOne && p.GetProperty("displayName").GetString() == "Enable auditing and logging";
            for (var i = 0; i < healthy + unhealthy; i++)
            {
                var status = i < healthy || (flip && i == healthy) ? "Healthy" : "Unhealthy";
                rows.Add(("res" + n++, metadata, status));
            }
        }

        return Rows([.. rows]);
    }

    private static string Rows(params (string Resource, string Metadata, string Status)[] rows)
        => "{\"value\":[" + string.Join(",", rows.Select(r =>
            $"{{\"id\":\"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/{r.Resource}/providers/Microsoft.Security/assessments/{r.Metadata}\",\"name\":\"{r.Metadata}\",\"properties\":{{\"resourceDetails\":{{\"source\":\"Azure\",\"id\":\"/subscriptions/{Subscription}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/{r.Resource}\"}},\"status\":{{\"code\":\"{r.Status}\"}}}}}}")) + "]}";

    private static string Control(string name, double max, string[] metadata)
        => $"{{\"id\":\"/subscriptions/{Subscription}/providers/Microsoft.Security/secureScores/ascScore/secureScoreControls/{name}\",\"name\":\"{name}\",\"properties\":{{\"displayName\":\"c\",\"score\":{{\"max\":{max.ToString(CultureInfo.InvariantCulture)},\"current\":0,\"percentage\":0}},\"definition\":{{\"properties\":{{\"maxScore\":{max.ToString(CultureInfo.InvariantCulture)},\"assessmentDefinitions\":[{string.Join(",", metadata.Select(m => $"{{\"id\":\"/providers/Microsoft.Security/assessmentMetadata/{m}\"}}"))}]}}}}}}}}";

    /// <summary>
    /// The REST path over the fixtures: one subscription; assessments page 1 = ListAssessments with a
    /// nextLink to page 2 = GetAssessmentWithExpand (the one with <c>links.azurePortalUri</c>), unless given.
    /// </summary>
    private static ArmResponse Serve(ArmRequest r, string controlsBody, string? assessments = null, double? ascCurrent = null, double? ascMax = null)
    {
        var path = r.Path;
        if (path == "/subscriptions")
        {
            return ArmResponse.Json($"{{\"value\":[{{\"id\":\"/subscriptions/{Subscription}\",\"subscriptionId\":\"{Subscription}\",\"displayName\":\"Example\",\"state\":\"Enabled\"}}]}}");
        }

        if (path.EndsWith("/assessmentMetadata", StringComparison.Ordinal))
        {
            return ArmResponse.Json(Arm.FixtureBody("ListAssessmentsMetadata_example.json"));
        }

        if (path.EndsWith("/secureScores", StringComparison.Ordinal))
        {
            if (ascCurrent is { } current)
            {
                return ArmResponse.Json($"{{\"value\":[{{\"name\":\"ascScore\",\"properties\":{{\"score\":{{\"max\":{ascMax!.Value.ToString(CultureInfo.InvariantCulture)},\"current\":{current.ToString(CultureInfo.InvariantCulture)}}}}}}}]}}");
            }

            return ArmResponse.Json(Arm.FixtureBody("ListSecureScores_example.json"));
        }

        if (path.EndsWith("/secureScoreControls", StringComparison.Ordinal))
        {
            return ArmResponse.Json(controlsBody);
        }

        if (path.EndsWith("/pricings", StringComparison.Ordinal))
        {
            return ArmResponse.Json(Arm.FixtureBody("ListPricings_example.json"));
        }

        if (path.EndsWith("/assessments", StringComparison.Ordinal))
        {
            if (assessments is not null)
            {
                return ArmResponse.Json(assessments);
            }

            if (r.Query.Contains("page=2", StringComparison.Ordinal))
            {
                return ArmResponse.Json("{\"value\":[" + Arm.FixtureBody("GetAssessmentWithExpand_example.json") + "]}");
            }

            var page1 = Arm.FixtureBody("ListAssessments_example.json");
            var next = $"http://127.0.0.1:{r.Header("Host")!.Split(':')[1]}/subscriptions/{Subscription}/providers/Microsoft.Security/assessments?api-version=2021-06-01&page=2";
            return ArmResponse.Json(page1.TrimEnd()[..^1] + ",\"nextLink\":" + JsonSerializer.Serialize(next) + "}");
        }

        return ArmResponse.Error(404, "NotFound");
    }
}
