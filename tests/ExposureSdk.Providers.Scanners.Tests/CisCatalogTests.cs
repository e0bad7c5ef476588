using System.Text;
using System.Text.Json.Nodes;
using ExposureSdk.Catalog;
using ExposureSdk.Scoring;

namespace ExposureSdk.Providers.Scanners.Tests;

/// <summary>
/// Issue 13, built-in CIS initiatives: the Prowler and Maester fixtures scored through the built-in catalog
/// and the opt-in compliance initiatives (<see cref="ExposureCatalog.WithComplianceInitiatives"/>). Every
/// count can be checked by hand against the fixtures' findings (tests/fixtures/README.md).
/// </summary>
public sealed class CisCatalogTests
{
    private const string Aws3 = "compliance-cis-amazon-web-services-foundations-benchmark-v3-0";
    private const string Gcp3 = "compliance-cis-google-cloud-platform-foundation-benchmark-v3-0";

    private static (ExposureCatalog Catalog, ScoreReport Report) Score(params ScanResult[] scans)
    {
        var snapshot = new ExposureSnapshot(
            "contoso",
            new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero),
            scans.SelectMany(s => s.Recommendations),
            scans.SelectMany(s => s.Assets),
            scans.SelectMany(s => s.Assessments));
        var catalog = ExposureCatalog.BuiltIn.WithComplianceInitiatives(snapshot.Recommendations);
        return (catalog, ExposureScorer.Score(catalog.ApplyTo(snapshot)));
    }

    private static Task<ScanResult> Prowler(string file) => OcsfFindingReader.ReadFileAsync(TestPaths.Fixture("prowler", file));

    private static (long Scope, long Affected, double? Score) Metric(ScoreReport report, string id)
    {
        var metric = report.FindMetric(id)!;
        return (metric.Scope, metric.Affected, metric.Score);
    }

    [Fact]
    public async Task ProwlerAws_OneInitiativePerNumberedFrameworkVersion_SectionsScoredFromTheFindings()
    {
        var (catalog, report) = Score(await Prowler("example_output_aws.ocsf.json"));

        // CIS-1.4, 1.5, 2.0, 3.0 and the two KISA-ISMS-P mappings are numbered; AWS-Account-Security-Onboarding,
        // AWS-Well-Architected, AWS-Foundational-Security-Best-Practices and ENS-RD2022 are not.
        catalog.Initiatives.Skip(ExposureCatalog.BuiltIn.Initiatives.Count).Select(i => i.Name).Should().Equal(
            "CIS Amazon Web Services Foundations Benchmark v1.4",
            "CIS Amazon Web Services Foundations Benchmark v1.5",
            "CIS Amazon Web Services Foundations Benchmark v2.0",
            "CIS Amazon Web Services Foundations Benchmark v3.0",
            "KISA-ISMS-P-2023",
            "KISA-ISMS-P-2023-korean");
        catalog.FindInitiative(Aws3)!.MetricIds.Select(m => m.Value).Should().Equal(Aws3 + "-section-1");

        // Section 1 of CIS v3.0: accessanalyzer_enabled (1.20) FAIL on <resource_uid>; 1.1, 1.2 and 1.3 are MANUAL on the root account.
        Metric(report, Aws3 + "-section-1").Should().Be((1L, 1L, 0.0));
        report.FindInitiative(Aws3)!.Score.Should().Be(0);

        // KISA section 2: accessanalyzer (FAIL, <resource_uid>) and the different-contacts check (FAIL, root); the other three are MANUAL.
        Metric(report, "compliance-kisa-isms-p-2023-section-2").Should().Be((2L, 2L, 0.0));
        report.FindInitiative("cis-m365-foundations")!.Score.Should().BeNull("no Microsoft 365 finding: the built-in CIS Microsoft 365 initiative is unavailable, not 0");
    }

    [Fact]
    public async Task ProwlerGcp_RepeatedFirewallCheck_LaterFailWinsInSection3AndSection1Passes()
    {
        var (_, report) = Score(await Prowler("example_output_gcp.ocsf.json"));

        Metric(report, Gcp3 + "-section-1").Should().Be((1L, 0L, 100.0), "apikeys_key_exists (1.12) PASS on <project_id>");
        Metric(report, Gcp3 + "-section-3").Should().Be((1L, 1L, 0.0), "the firewall check (3.7) on <uid>: PASS, PASS, then FAIL, and the later finding wins");
        report.FindInitiative(Gcp3)!.Score.Should().Be(50, "two sections of equal weight");
        report.FindInitiative("compliance-cis-google-cloud-platform-foundation-benchmark-v2-0")!.Score.Should().Be(50, "CIS-2.0 maps the same requirements");
    }

    [Fact]
    public async Task ProwlerAzureAndKubernetes_EveryCisVersionGetsItsOwnSections()
    {
        var (azureCatalog, azure) = Score(await Prowler("example_output_azure.ocsf.json"));
        var (kubernetesCatalog, kubernetes) = Score(await Prowler("example_output_kubernetes.ocsf.json"));

        Sections(azureCatalog, "compliance-cis-microsoft-azure-foundations-benchmark-v2-0").Should().Equal("2", "5");
        Sections(azureCatalog, "compliance-cis-microsoft-azure-foundations-benchmark-v2-1").Should().Equal("2", "5");
        Sections(azureCatalog, "compliance-cis-microsoft-azure-foundations-benchmark-v3-0").Should().Equal("3", "6");
        azure.FindInitiative("compliance-cis-microsoft-azure-foundations-benchmark-v3-0")!.Score.Should().Be(0, "all five Azure findings FAIL");
        Sections(kubernetesCatalog, "compliance-cis-kubernetes-benchmark-v1-10").Should().Equal("1");
        Metric(kubernetes, "compliance-cis-kubernetes-benchmark-v1-10-section-1").Should().Be((1L, 1L, 0.0), "one <resource_uid> API server; five checks FAIL, one PASS");

        static IEnumerable<string> Sections(ExposureCatalog catalog, string id) => catalog.FindInitiative(id)!.MetricIds.Select(m => m.Value[(m.Value.LastIndexOf('-') + 1)..]);
    }

    [Fact]
    public async Task MaesterFixtures_ActiveDirectoryTestsMapToNoBenchmark_NothingIsAddedAndCisM365StaysUnavailable()
    {
        foreach (var file in new[] { "AD-TestResults-2026-04-25-230529.json", "AD-TestResults-2026-04-25-234045.json", "AD-TestResults-2026-04-25-235045.json" })
        {
            var (catalog, report) = Score(await MaesterResultReader.ReadFileAsync(TestPaths.Fixture("maester", file)));

            catalog.Initiatives.Should().HaveCount(ExposureCatalog.BuiltIn.Initiatives.Count, file + " has no benchmark tags (AD.* tests)");
            report.FindInitiative("cis-m365-foundations")!.Score.Should().BeNull(file);
        }
    }

    [Fact]
    public async Task CisMicrosoft365_FromMaesterCisTestsAndProwlerM365Checks_ScoresTheBuiltInInitiativeBySection()
    {
        const string maester = """
            { "ExecutedAt": "2026-12-01T05:00:00Z", "TenantId": "contoso.onmicrosoft.com", "TenantName": "Contoso",
              "Tests": [
                { "Id": "CIS.M365.1.1.3", "Title": "Ensure that between two and four global admins are designated", "Severity": "High", "Tag": ["CIS", "CIS.M365.1.1.3"], "Result": "Failed" },
                { "Id": "CIS.M365.5.2.2.1", "Title": "Ensure multifactor authentication is enabled for all users in administrative roles", "Severity": "High", "Tag": ["CIS.M365.5.2.2.1"], "Result": "Passed" },
                { "Id": "CIS.M365.6.2.1", "Title": "Ensure all forms of mail forwarding are blocked", "Severity": "Medium", "Tag": ["CIS.M365.6.2.1"], "Result": "Skipped" },
                { "Id": "MT.1001", "Title": "At least one Conditional Access policy is configured", "Tag": ["Maester"], "Result": "Failed" }
              ] }
            """;
        var maesterScan = await MaesterResultReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(maester)), "maester.json");
        var prowlerScan = await OcsfFindingReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(ProwlerM365Findings())), "prowler-m365.ocsf.json");

        var (catalog, report) = Score(maesterScan, prowlerScan);

        prowlerScan.Recommendations.Should().OnlyContain(r => r.Source.Name == "CIS Microsoft 365 Foundations Benchmark v4.0" && r.Tags.Contains("cis-m365"));
        // Section 1: Maester's 1.1.3 failed on the tenant; Prowler's admin check (1.1.1) passed on its resource.
        Metric(report, "cis-m365-section-1").Should().Be((2L, 1L, 50.0));
        // Section 5: Maester's 5.2.2.1 passed on the tenant; Prowler's 5.2.2.2 failed on its resource.
        Metric(report, "cis-m365-section-5").Should().Be((2L, 1L, 50.0));
        report.FindMetric("cis-m365-section-6")!.IsAvailable.Should().BeFalse("the only section 6 test was skipped");
        report.FindMetric("cis-m365-section-1")!.RecommendationIds.Select(id => id.Value).Should().BeEquivalentTo(["CIS.M365.1.1.3", "entra_admin_portals_access_restriction"]);
        report.FindInitiative("cis-m365-foundations")!.Score.Should().Be(50);
        catalog.FindInitiative("compliance-cis-microsoft-365-foundations-benchmark-v4-0").Should().NotBeNull("the opt-in initiatives cover every framework, this version too");
    }

    /// <summary>
    /// Two Prowler Microsoft 365 findings (Prowler ships no Microsoft 365 example, fixtures README): the
    /// published Azure fixture's first finding with <c>cloud.provider</c> m365 and CIS-4.0 mappings.
    /// </summary>
    private static string ProwlerM365Findings()
    {
        var template = JsonNode.Parse(File.ReadAllText(TestPaths.Fixture("prowler", "example_output_azure.ocsf.json")))!.AsArray()[0]!;
        var findings = new JsonArray();
        foreach (var (check, requirement, status, resource) in new[]
        {
            ("entra_admin_portals_access_restriction", "1.1.1", "PASS", "m365-admin-center"),
            ("entra_admin_users_phishing_resistant_mfa_enabled", "5.2.2.2", "FAIL", "entra-conditional-access"),
        })
        {
            var finding = template.DeepClone();
            finding["metadata"]!["event_code"] = check;
            finding["finding_info"]!["title"] = check;
            finding["status_code"] = status;
            finding["cloud"]!["provider"] = "m365";
            finding["resources"]![0]!["uid"] = resource;
            finding["unmapped"]!["compliance"] = new JsonObject { ["CIS-4.0"] = new JsonArray(requirement) };
            findings.Add(finding);
        }

        return findings.ToJsonString();
    }
}
