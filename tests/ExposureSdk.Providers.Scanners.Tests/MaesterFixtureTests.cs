using System.Text;

namespace ExposureSdk.Providers.Scanners.Tests;

/// <summary>Domain rules §7 (Maester): every fixture run, field by field, and the benchmark tags.</summary>
public sealed class MaesterFixtureTests
{
    private const string Run1 = "AD-TestResults-2026-04-25-230529.json";
    private const string Run2 = "AD-TestResults-2026-04-25-234045.json";
    private const string Run3 = "AD-TestResults-2026-04-25-235045.json";

    private static Task<ScanResult> Read(string file) => MaesterResultReader.ReadFileAsync(TestPaths.Fixture("maester", file));

    [Theory]
    [InlineData(Run1, 127, 14, 39)]
    [InlineData(Run2, 130, 11, 39)]
    [InlineData(Run3, 130, 11, 39)]
    public async Task EveryRun_OneRecommendationPerTest_OneTenantAsset_ResultsMapped(string file, int passed, int failed, int notAssessed)
    {
        var r = await Read(file);

        r.RecordCount.Should().Be(180);
        r.Recommendations.Should().HaveCount(180);
        r.Recommendations.Select(x => x.Id).Should().OnlyHaveUniqueItems();
        var tenant = r.Assets.Should().ContainSingle().Subject;
        tenant.Id.Value.Should().Be("tenant:TenantId (not connected to Graph)");
        tenant.Kind.Should().Be(MaesterResultReader.TenantKind);
        tenant.Name.Should().Be("TenantName (not connected to Graph)");
        r.Assessments.Should().OnlyContain(a => a.AssetId == tenant.Id);
        r.Assessments.Count(a => a.Status == AssessmentStatus.Healthy).Should().Be(passed);
        r.Assessments.Count(a => a.Status == AssessmentStatus.Unhealthy).Should().Be(failed);
        r.Assessments.Count(a => a.Status == AssessmentStatus.NotApplicable).Should().Be(notAssessed, "Error (runs 1, 2) and Skipped (run 3) are not assessed");
        r.Recommendations.Should().OnlyContain(x => x.Impact == Impact.Medium, "Severity is empty in these runs (decision: Medium)");
        r.Recommendations.Should().OnlyContain(x => x.Source.Name == "Maester" && x.Workload.Name == "Active Directory" && x.Domain == SecurityDomain.Identity);
    }

    [Fact]
    public async Task Run1_FirstTest_FieldByField()
    {
        var r = await Read(Run1);

        r.ScannedAt.Should().Be(new DateTimeOffset(2026, 4, 25, 23, 5, 30, TimeSpan.Zero).AddTicks(1062091));
        var test = r.Recommendations[0];
        test.Id.Value.Should().Be("AD-COMP-01");
        test.Name.Should().Be("Computer disabled count should be retrievable", "Title, not the Name that repeats the id");
        test.Description.Should().StartWith("# Test-MtAdComputerDisabledCount\n\n## Why This Test Matters");
        test.RemediationSteps.Should().BeEmpty("HelpUrl is empty");
        test.Tags.Should().Contain(["AD", "AD.Computer", "AD-COMP-01", "maester"]);
        test.LastCalculated.Should().Be(r.ScannedAt);
        r.Assessments[0].Status.Should().Be(AssessmentStatus.Healthy);
        var error = r.Recommendations.Single(x => x.Id.Value == "AD-GPO-01");
        r.Assessments.Single(a => a.RecommendationId == error.Id).Status.Should().Be(AssessmentStatus.NotApplicable, "Result Error");
    }

    [Fact]
    public async Task Runs_ThreeTestsWentFailedToPassed()
    {
        var first = await Read(Run1);
        var second = await Read(Run2);
        foreach (var id in new[] { "AD-DCD-03", "AD-DCD-04", "AD-PWDPOL-06" })
        {
            first.Assessments.Single(a => a.RecommendationId.Value == id).Status.Should().Be(AssessmentStatus.Unhealthy);
            second.Assessments.Single(a => a.RecommendationId.Value == id).Status.Should().Be(AssessmentStatus.Healthy);
        }
    }

    [Fact]
    public async Task CisTags_MapToTheM365BenchmarkWithWorkloadFromTheSection()
    {
        const string json = """
            { "ExecutedAt": "2026-05-01T08:00:00+02:00", "TenantId": "contoso.onmicrosoft.com", "TenantName": "Contoso",
              "Tests": [
                { "Id": "CIS.M365.1.1.3", "Title": "Ensure that between two and four global admins are designated", "Severity": "High",
                  "Tag": ["CIS", "CIS.M365.1.1.3", "L1"], "Result": "Failed", "HelpUrl": "https://maester.dev/docs/tests/cis/" },
                { "Id": "CIS.M365.6.2.1", "Title": "Ensure all forms of mail forwarding are blocked", "Severity": "Medium", "Tag": ["CIS.M365.6.2.1"], "Result": "Passed" },
                { "Id": "CISA.MS.AAD.1.1", "Name": "MS.AAD.1.1: Legacy authentication SHALL be blocked", "Severity": "Critical", "Tag": ["CISA.MS.AAD.1.1", "CISA"], "Result": "Skipped" },
                { "Id": "EIDSCA.AF01", "Title": "Default Authorization Settings", "Severity": "Info", "Tag": ["EIDSCA", "EIDSCA.AF01"], "Result": "NotRun" },
                { "Id": "MT.1001", "Title": "At least one Conditional Access policy is configured", "Tag": ["Maester"], "Result": "Passed" }
              ] }
            """;
        var r = await MaesterResultReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "m365.json");

        r.ScannedAt.Should().Be(new DateTimeOffset(2026, 5, 1, 6, 0, 0, TimeSpan.Zero));
        r.Assets.Should().ContainSingle().Which.Id.Value.Should().Be("tenant:contoso.onmicrosoft.com");
        var admins = r.Recommendations[0];
        admins.Source.Name.Should().Be("CIS Microsoft 365 Foundations Benchmark");
        admins.Workload.Should().Be(Workload.MicrosoftEntraId);
        admins.Domain.Should().Be(SecurityDomain.Identity);
        admins.Impact.Should().Be(Impact.High);
        admins.RemediationSteps.Should().Equal("https://maester.dev/docs/tests/cis/");
        admins.Tags.Should().Contain(["cis", "cis-m365", "compliance:CIS Microsoft 365 Foundations Benchmark:1.1.3", "compliance-section:CIS Microsoft 365 Foundations Benchmark:1"]);
        r.Recommendations[1].Workload.Should().Be(Workload.ExchangeOnline, "section 6 is the Exchange admin center");
        var cisa = r.Recommendations[2];
        cisa.Name.Should().Be("MS.AAD.1.1: Legacy authentication SHALL be blocked", "no Title: the Name");
        cisa.Source.Name.Should().Be("CISA SCuBA");
        cisa.Impact.Should().Be(Impact.High, "Critical");
        cisa.Tags.Should().NotContain("cis-m365");
        r.Recommendations[3].Source.Name.Should().Be("EIDSCA");
        r.Recommendations[3].Impact.Should().Be(Impact.Low, "Info");
        r.Recommendations[4].Source.Name.Should().Be("Maester");
        r.Assessments.Select(a => a.Status).Should().Equal(AssessmentStatus.Unhealthy, AssessmentStatus.Healthy, AssessmentStatus.NotApplicable, AssessmentStatus.NotApplicable, AssessmentStatus.Healthy);
    }
}
