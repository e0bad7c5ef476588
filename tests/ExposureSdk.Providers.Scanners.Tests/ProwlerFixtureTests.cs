namespace ExposureSdk.Providers.Scanners.Tests;

/// <summary>
/// Domain rules §7, field by field, against every Prowler fixture. The JSON and CSV files hold different
/// findings (fixtures README): each file is checked on its own.
/// </summary>
public sealed class ProwlerFixtureTests
{
    // time 1739539623 (epoch seconds) is 13:27:03 UTC; time_dt and the CSV's TIMESTAMP say 14:27:03 without a
    // zone (the scanning machine's local time): the epoch wins, a time without zone is read as UTC.
    private static readonly DateTimeOffset AwsScan = new(2025, 2, 14, 13, 27, 3, TimeSpan.Zero);

    private static Task<ScanResult> Read(string file) => OcsfFindingReader.ReadFileAsync(TestPaths.Fixture("prowler", file));

    private static Assessment Result(ScanResult r, string check, string resource)
        => r.Assessments.Single(a => a.RecommendationId.Value == check && a.AssetId.Value == resource);

    [Fact]
    public async Task AwsJson_MapsEveryFieldOfTheCheckTheResourceAndTheStatus()
    {
        var r = await Read("example_output_aws.ocsf.json");

        r.RecordCount.Should().Be(5);
        r.ScannedAt.Should().Be(AwsScan, "time 1739539623 is epoch seconds (Prowler), not milliseconds");
        r.Recommendations.Select(x => x.Id.Value).Should().Equal(
            "accessanalyzer_enabled",
            "account_maintain_current_contact_details",
            "account_maintain_different_contact_details_to_security_billing_and_operations",
            "account_security_contact_information_is_registered",
            "account_security_questions_are_registered_in_the_aws_account");

        var rec = r.Recommendations[0];
        rec.Name.Should().Be("Check if IAM Access Analyzer is enabled");
        rec.Description.Should().StartWith("Check if IAM Access Analyzer is enabled\n\nRisk: AWS IAM Access Analyzer helps you identify");
        rec.RemediationSteps.Should().Equal(
            "Enable IAM Access Analyzer for all accounts, create analyzer and take action over it is recommendations (IAM Access Analyzer is available at no additional cost).",
            "aws accessanalyzer create-analyzer --analyzer-name <NAME> --type <ACCOUNT|ORGANIZATION>",
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html");
        rec.Impact.Should().Be(Impact.Low, "severity Low (severity_id 2)");
        rec.Source.Name.Should().Be("CIS Amazon Web Services Foundations Benchmark v3.0", "the newest of CIS-1.4, 1.5, 2.0 and 3.0");
        rec.Workload.Name.Should().Be("Amazon Web Services");
        rec.Domain.Should().Be(SecurityDomain.Cloud);
        rec.IsRiskAccepted.Should().BeFalse();
        rec.LastCalculated.Should().Be(AwsScan);
        rec.Tags.Should().Contain([
            "compliance:CIS Amazon Web Services Foundations Benchmark v3.0:1.20",
            "compliance-section:CIS Amazon Web Services Foundations Benchmark v3.0:1",
            "compliance:CIS Amazon Web Services Foundations Benchmark v1.4:1.20",
            "compliance:KISA-ISMS-P-2023:2.5.6",
            "compliance:AWS-Account-Security-Onboarding:Enabled security services",
            "cis", "prowler", "aws", "service:accessanalyzer"]);
        rec.Tags.Should().NotContain("cis-m365");

        r.Recommendations[2].Source.Name.Should().Be("Prowler", "it maps only to KISA-ISMS-P, not to a CIS benchmark");
        r.Recommendations[1].Impact.Should().Be(Impact.Medium);

        r.Assets.Select(a => a.Id.Value).Should().Equal("<resource_uid>", "arn:aws:iam::<account_uid>:root");
        var asset = r.Assets[0];
        asset.Kind.Name.Should().Be("Other");
        asset.Name.Should().Be("<resource_name>");
        asset.Tags.Should().Equal("region:<region>", "account:<account_uid>", "provider:aws");

        r.Assessments.Should().HaveCount(5);
        Result(r, "accessanalyzer_enabled", "<resource_uid>").Status.Should().Be(AssessmentStatus.Unhealthy, "FAIL");
        Result(r, "account_maintain_current_contact_details", "arn:aws:iam::<account_uid>:root").Status.Should().Be(AssessmentStatus.NotApplicable, "MANUAL is not assessed");
        r.Assessments.Count(a => a.Status == AssessmentStatus.Unhealthy).Should().Be(2);
        r.Assessments.Count(a => a.Status == AssessmentStatus.NotApplicable).Should().Be(3);
        r.RepeatedResults.Should().Be(0);
    }

    [Fact]
    public async Task AzureJson_MapsTheAzureBenchmarkHighSeverityAndTheMitreOnlyCheck()
    {
        var r = await Read("example_output_azure.ocsf.json");

        r.Recommendations.Should().HaveCount(5);
        r.Assessments.Should().OnlyContain(a => a.Status == AssessmentStatus.Unhealthy, "all 5 are FAIL");
        var insights = r.Recommendations.Single(x => x.Id.Value == "appinsights_ensure_is_configured");
        insights.Source.Name.Should().Be("CIS Microsoft Azure Foundations Benchmark v3.0");
        insights.Workload.Name.Should().Be("Microsoft Azure");
        insights.Tags.Should().Contain(["compliance:CIS Microsoft Azure Foundations Benchmark v3.0:6.3.1", "compliance:CIS Microsoft Azure Foundations Benchmark v2.1:5.3.1", "compliance-section:CIS Microsoft Azure Foundations Benchmark v3.0:6"]);
        r.Recommendations.Single(x => x.Id.Value == "defender_ensure_defender_for_app_services_is_on").Impact.Should().Be(Impact.High);
        r.Recommendations.Single(x => x.Id.Value == "defender_container_images_scan_enabled").Source.Name.Should().Be("Prowler", "MITRE-ATTACK only");
        var app = r.Assets.Single(a => a.Id.Value == "AppInsights");
        app.Kind.Name.Should().Be("Microsoft.Insights/components");
        app.Name.Should().Be("AppInsights");
        app.Tags.Should().Equal("region:global", "account:<subscription_uid>", "provider:azure");
        r.Assets.Select(a => a.Id.Value).Should().BeEquivalentTo(["AppInsights", "<resource_uid>"]);
    }

    [Fact]
    public async Task GcpJson_SameCheckAndResourceThreeTimes_LaterFindingWinsAndTheResultSaysSo()
    {
        var r = await Read("example_output_gcp.ocsf.json");

        r.RecordCount.Should().Be(5);
        r.Recommendations.Should().HaveCount(3);
        var firewall = r.Recommendations.Single(x => x.Id.Value == "compute_firewall_rdp_access_from_the_internet_allowed");
        firewall.Impact.Should().Be(Impact.High, "Critical maps to High");
        firewall.Source.Name.Should().Be("CIS Google Cloud Platform Foundation Benchmark v3.0");
        Result(r, firewall.Id.Value, "<uid>").Status.Should().Be(AssessmentStatus.Unhealthy, "PASS, PASS, then FAIL: the later finding wins");
        r.Assessments.Should().HaveCount(3);
        r.RepeatedResults.Should().Be(2);
        r.Warnings.Should().ContainSingle().Which.Should().Contain("2 record(s) repeated a (check, resource) pair").And.Contain("the later record won").And.Contain("compute_firewall_rdp_access_from_the_internet_allowed");
        Result(r, "apikeys_key_exists", "<project_id>").Status.Should().Be(AssessmentStatus.Healthy);
        r.Assets.Single(a => a.Id.Value == "containeranalysis.googleapis.com").Kind.Name.Should().Be("Service");
    }

    [Fact]
    public async Task KubernetesJson_NoCloudObject_IsKubernetesByTheResourceNamespace()
    {
        var r = await Read("example_output_kubernetes.ocsf.json");

        r.RecordCount.Should().Be(6);
        r.Recommendations.Should().HaveCount(6);
        r.Recommendations.Should().OnlyContain(x => x.Workload.Name == "Kubernetes" && x.Domain == SecurityDomain.Cloud);
        r.Recommendations.Should().OnlyContain(x => x.Source.Name == "CIS Kubernetes Benchmark v1.10", "1.10 is newer than 1.8 (compared as versions, not text)");
        var asset = r.Assets.Should().ContainSingle().Subject;
        asset.Id.Value.Should().Be("<resource_uid>");
        asset.Kind.Name.Should().Be("KubernetesAPIServer");
        asset.Tags.Should().Equal(["provider:kubernetes"], "no region and no account in the finding");
        r.Assessments.Count(a => a.Status == AssessmentStatus.Unhealthy).Should().Be(5);
        r.Assessments.Count(a => a.Status == AssessmentStatus.Healthy).Should().Be(1);
        r.Recommendations.Single(x => x.Id.Value == "apiserver_audit_log_path_set").Impact.Should().Be(Impact.High);
    }

    [Fact]
    public async Task AwsCsv_SameCheckAsTheJson_MapsToTheSameRecommendation()
    {
        var json = await Read("example_output_aws.ocsf.json");
        var csv = await Read("example_output_aws.csv");

        csv.RecordCount.Should().Be(4, "the CSV drops the 5th (MANUAL) finding");
        csv.ScannedAt.Should().Be(new DateTimeOffset(2025, 2, 14, 14, 27, 3, 913, TimeSpan.Zero).AddTicks(8740), "TIMESTAMP has no zone: UTC");
        csv.Recommendations.Select(x => x.Id.Value).Should().Equal(json.Recommendations.Take(4).Select(x => x.Id.Value));
        for (var i = 0; i < 4; i++)
        {
            var c = csv.Recommendations[i];
            var j = json.Recommendations[i];
            c.Name.Should().Be(j.Name);
            c.Description.Should().Be(j.Description);
            c.RemediationSteps.Should().Equal(j.RemediationSteps, "the CSV's remediation code and URL columns are the JSON's references, in order");
            c.Impact.Should().Be(j.Impact, "SEVERITY is lower case in the CSV");
            c.Source.Should().Be(j.Source);
            c.Workload.Should().Be(j.Workload);
            // COMPLIANCE 'FW: a, b | FW2: c' holds the same mappings, except that a requirement whose name holds a
            // comma ("Billing, emergency, security contacts") cannot be told from two requirements in the CSV.
            c.Tags.Where(t => !t.Contains("AWS-Account-Security-Onboarding", StringComparison.Ordinal)).Should()
                .BeEquivalentTo(j.Tags.Where(t => !t.Contains("AWS-Account-Security-Onboarding", StringComparison.Ordinal)));
        }

        csv.Assets.Select(a => a.Id.Value).Should().Equal(["<resource_uid>", "<resource_uid>:root"], "the CSV has its own resource uids");
        csv.Assets[0].Tags.Should().Equal("region:<region>", "account:<account_uid>", "provider:aws");
        csv.Assessments.Select(a => a.Status).Should().Equal(AssessmentStatus.Unhealthy, AssessmentStatus.NotApplicable, AssessmentStatus.Unhealthy, AssessmentStatus.NotApplicable);
    }

    [Fact]
    public async Task AzureCsv_DifferentChecksThanTheJson_ArmIdsInLowerCase()
    {
        var r = await Read("example_output_azure.csv");

        r.Recommendations.Select(x => x.Id.Value).Should().Equal("aks_cluster_rbac_enabled", "aks_clusters_created_with_private_nodes", "aks_clusters_public_access_disabled", "aks_network_policy_enabled");
        r.Assessments.Select(a => a.Status).Should().Equal(AssessmentStatus.Healthy, AssessmentStatus.Healthy, AssessmentStatus.Unhealthy, AssessmentStatus.Healthy);
        var cluster = r.Assets.Should().ContainSingle("all four rows are about one cluster").Subject;
        cluster.Id.Value.Should().Be("/subscriptions/<account_uid>/resourcegroups/<resource_name>_group/providers/microsoft.containerservice/managedclusters/<resource_name>");
        cluster.Kind.Name.Should().Be("Microsoft.ContainerService/ManagedClusters");
        r.Recommendations.Should().OnlyContain(x => x.Source.Name == "Prowler", "ENS and MITRE only, no CIS mapping");
        r.Recommendations[1].Impact.Should().Be(Impact.High);
        r.Recommendations[1].Tags.Should().Contain(["compliance:MITRE-ATTACK:T1190", "compliance:MITRE-ATTACK:T1530", "compliance:ENS-RD2022:mp.com.4.r2.az.aks.1"]);
    }

    [Fact]
    public async Task GcpCsv_TheFirewallCheckTwice_IsOneResultAndOneRepeat()
    {
        var r = await Read("example_output_gcp.csv");

        r.RecordCount.Should().Be(4);
        r.Recommendations.Should().HaveCount(3);
        r.RepeatedResults.Should().Be(1);
        r.Assessments.Single(a => a.RecommendationId.Value == "compute_firewall_rdp_access_from_the_internet_allowed").Status.Should().Be(AssessmentStatus.Healthy, "the CSV lacks the JSON's FAIL");
        r.Recommendations[0].Tags.Should().Contain("compliance:CIS Google Cloud Platform Foundation Benchmark v3.0:1.12");
    }

    [Fact]
    public async Task KubernetesCsv_ProviderColumn_GivesTheKubernetesBenchmark()
    {
        var r = await Read("example_output_kubernetes.csv");

        r.Recommendations.Should().HaveCount(4);
        r.Recommendations.Should().OnlyContain(x => x.Source.Name == "CIS Kubernetes Benchmark v1.10" && x.Workload.Name == "Kubernetes");
        r.Assets.Should().ContainSingle().Which.Tags.Should().Equal("region:namespace: kube-system", "account:<account_uid>", "provider:kubernetes");
        r.Recommendations[2].Tags.Should().Contain(["compliance:CIS Kubernetes Benchmark v1.10:1.2.17", "compliance:CIS Kubernetes Benchmark v1.8:1.2.18"]);
    }
}
