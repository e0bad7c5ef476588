using System.Globalization;
using System.Text.Json;
using ExposureSdk.Catalog;
using ExposureSdk.Pipeline;
using ExposureSdk.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

/// <summary>
/// Defender for Cloud read by the provider and scored through <see cref="ExposureCatalog.BuiltIn"/>: the
/// resource-family, internet-exposure and high-severity metrics select the provider's recommendations by
/// their <c>resourceType:</c>, <c>exposure:internet</c> tags and impact, and every count here can be
/// checked by hand from the rows served. The tenant is read and scored by the refresh pipeline, as an
/// application runs it (<c>AddExposureManagement(o =&gt; o.AddCatalog(ExposureCatalog.BuiltIn)).AddDefenderForCloud(...)</c>).
/// </summary>
public sealed class BuiltInCatalogScoringTests
{
    private const string Subscription = "20ff7fc3-e762-44dd-bd96-b71116dcdc23";

    [Fact]
    public async Task PublishedListAssessments_ScoredThroughTheBuiltInCatalog_VirtualMachineMetricHasTheHealthyScaleSet()
    {
        // ListAssessments: vmss1 Healthy, vmss2 NotApplicable; the published metadata (severity Medium).
        await using var server = new LoopbackArmServer((r, _) => Task.FromResult(ServeExamples(r, Arm.FixtureBody("ListAssessments_example.json"))));

        var result = await RefreshAsync(server);

        var report = result.Report;
        result.Snapshot.Recommendations.Should().ContainSingle().Which.Tags.Should().Contain(["resourceType:microsoft.compute/virtualmachinescalesets", "severity:medium"]);
        Metric(report, "cloud-virtual-machines").Should().Be((1L, 0L, 100.0), "vmss1 is healthy; vmss2 is not applicable, so out of scope");
        Metric(report, "cloud-defender-for-cloud").Should().Be((1L, 0L, 100.0));
        foreach (var id in new[] { "cloud-storage-accounts", "cloud-key-vaults", "cloud-sql", "cloud-kubernetes", "cloud-app-service", "cloud-network-security-groups", "cloud-public-ips", "cloud-high-severity", "cloud-internet-exposed", "cloud-identity-and-access" })
        {
            report.FindMetric(id)!.IsAvailable.Should().BeFalse(id + " selects nothing the example assessed (one Medium recommendation on scale sets, no risk factors)");
        }

        report.FindInitiative("cloud-security")!.Score.Should().Be(100);
        report.FindInitiative("ransomware-protection")!.Score.Should().Be(100, "its virtual machine metric is available");
    }

    [Fact]
    public async Task PublishedGetAssessment2025_RiskFactorExposureToTheInternet_TagsTheRecommendationForTheInternetExposedMetric()
    {
        // The 2025-05-04 example: vmss2 NotApplicable with risk factors "Exposure to the Internet", "Sensitive Data", "Critical Resource".
        await using var server = new LoopbackArmServer((r, _) => Task.FromResult(ServeExamples(r, "{\"value\":[" + Arm.FixtureBody("GetAssessment_example.json") + "]}")));

        var result = await RefreshAsync(server);

        result.Snapshot.Recommendations.Should().ContainSingle().Which.Tags.Should().Contain("exposure:internet");
        var metric = result.Report.FindMetric("cloud-internet-exposed")!;
        metric.RecommendationIds.Select(id => id.Value).Should().Equal("21300918-b2e3-0346-785f-c77ff57d243b");
        metric.IsAvailable.Should().BeFalse("its only result is not applicable: no scope, so no score (never 0 or 100)");
    }

    [Fact]
    public async Task HandWrittenTenant_EveryCloudMetricAndTheInitiativesTheyFeed_HaveTheHandCountedScores()
    {
        await using var server = new LoopbackArmServer((r, _) => Task.FromResult(ServeTenant(r)));

        var report = (await RefreshAsync(server)).Report;

        // (scope, affected, score), counted from the rows in Rows below.
        Metric(report, "cloud-virtual-machines").Should().Be((2L, 1L, 50.0), "vm1 and vm2 assessed (vm3 only not applicable); vm1 fails the management-ports check");
        Metric(report, "cloud-storage-accounts").Should().Be((2L, 1L, 50.0), "st1 allows public access");
        Metric(report, "cloud-key-vaults").Should().Be((1L, 0L, 100.0));
        Metric(report, "cloud-sql").Should().Be((2L, 1L, 50.0), "the server fails auditing, its database is healthy");
        Metric(report, "cloud-kubernetes").Should().Be((1L, 1L, 0.0));
        Metric(report, "cloud-app-service").Should().Be((2L, 1L, 50.0), "app2 serves plain HTTP");
        Metric(report, "cloud-network-security-groups").Should().Be((1L, 0L, 100.0));
        Metric(report, "cloud-public-ips").Should().Be((1L, 1L, 0.0));
        Metric(report, "cloud-internet-exposed").Should().Be((2L, 1L, 50.0), "only the management-ports recommendation reported internet exposure; it assessed vm1 (unhealthy) and vm2");
        Metric(report, "cloud-high-severity").Should().Be((6L, 3L, 50.0), "High: endpoint protection and management ports (vm1, vm2), public access (st1, st2), SQL vulnerabilities (db1), AKS (aks1); vm1, st1, aks1 fail");
        Metric(report, "cloud-identity-and-access").Should().Be((2L, 1L, 50.0), "the subscription has a guest owner, the resource group has none");
        Metric(report, "cloud-defender-for-cloud").Should().Be((14L, 7L, 50.0), "14 assessed resources, 7 with a failing recommendation");
        Metric(report, "cloud-resources").Should().Be((14L, 7L, 50.0));

        // Weights High = 3, Medium = 2 (domain rules §3).
        report.FindInitiative("cloud-security")!.Score.Should().BeApproximately(50, 1e-9, "(3 × (50+50+50+100+50+0+50+50+50) + 2 × (50+50+100+0)) / 35");
        report.FindInitiative("identity-security")!.Score.Should().BeApproximately(50, 1e-9, "only its cloud identity metric is available");
        report.FindInitiative("external-attack-surface")!.Score.Should().BeApproximately(30, 1e-9, "(3 × 50 internet-exposed + 2 × 0 public IPs) / 5");
        report.FindInitiative("ransomware-protection")!.Score.Should().BeApproximately(62.5, 1e-9, "internet-exposed 50, virtual machines 50, storage 50, key vaults 100, all High");
        report.FindInitiative("vulnerability-assessment")!.Score.Should().BeApproximately(50, 1e-9, "virtual machines 50 and high severity 50");
        report.FindInitiative("critical-asset-protection")!.Score.Should().BeApproximately(75, 1e-9, "key vaults 100 and SQL 50");
    }

    private static (long Scope, long Affected, double? Score) Metric(ScoreReport report, string id)
    {
        var metric = report.FindMetric(id)!;
        return (metric.Scope, metric.Affected, metric.Score);
    }

    private static async Task<RefreshResult> RefreshAsync(LoopbackArmServer server)
    {
        var services = new ServiceCollection();
        services.AddExposureManagement(o =>
        {
            o.TenantId = "contoso";
            o.AddCatalog(ExposureCatalog.BuiltIn);
        }).AddDefenderForCloud(_ => _ => ValueTask.FromResult(Arm.Token), o =>
        {
            o.BaseUrl = server.BaseUrl;
            o.ReadPath = DefenderForCloudReadPath.Rest;
            o.RetryBaseDelay = TimeSpan.Zero;
        });
        await using var container = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var result = await container.GetRequiredService<ExposureRefreshPipeline>().RefreshAsync().WaitAsync(Arm.Bound);

        result.Outcomes.Should().ContainSingle().Which.Succeeded.Should().BeTrue(result.Outcomes[0].ToString());
        return result;
    }

    private static readonly (string Name, string DisplayName, string Severity, string Category)[] Metadata =
    [
        ("a0000000-0000-4000-8000-000000000001", "Endpoint protection should be installed on your machines", "High", "Compute"),
        ("a0000000-0000-4000-8000-000000000002", "Management ports should be closed on your virtual machines", "High", "Networking"),
        ("a0000000-0000-4000-8000-000000000003", "Storage account public access should be disallowed", "High", "Data"),
        ("a0000000-0000-4000-8000-000000000004", "Key vaults should have deletion protection enabled", "Medium", "Data"),
        ("a0000000-0000-4000-8000-000000000005", "Auditing on SQL server should be enabled", "Low", "Data"),
        ("a0000000-0000-4000-8000-000000000006", "SQL databases should have vulnerability findings resolved", "High", "Data"),
        ("a0000000-0000-4000-8000-000000000007", "Azure Kubernetes Service clusters should have Defender profile enabled", "High", "Compute"),
        ("a0000000-0000-4000-8000-000000000008", "Web apps should only be accessible over HTTPS", "Medium", "AppServices"),
        ("a0000000-0000-4000-8000-000000000009", "Flow logs should be configured for every network security group", "Low", "Networking"),
        ("a0000000-0000-4000-8000-00000000000a", "Public IP addresses should have resource logs enabled for Azure DDoS Protection", "Medium", "Networking"),
        ("a0000000-0000-4000-8000-00000000000b", "Guest accounts with owner permissions on Azure resources should be removed", "Medium", "IdentityAndAccess"),
    ];

    /// <summary>(resource path under the resource group's providers, or "" for the subscription and "rg" for the resource group; metadata index, status, internet exposure).</summary>
    private static readonly (string Resource, int Metadata, string Status, bool Internet)[] Rows =
    [
        ("Microsoft.Compute/virtualMachines/vm1", 0, "Healthy", false),
        ("Microsoft.Compute/virtualMachines/vm2", 0, "Healthy", false),
        ("Microsoft.Compute/virtualMachines/vm3", 0, "NotApplicable", false),
        ("Microsoft.Compute/virtualMachines/vm1", 1, "Unhealthy", true),
        ("Microsoft.Compute/virtualMachines/vm2", 1, "Healthy", false),
        ("Microsoft.Storage/storageAccounts/st1", 2, "Unhealthy", false),
        ("Microsoft.Storage/storageAccounts/st2", 2, "Healthy", false),
        ("Microsoft.KeyVault/vaults/kv1", 3, "Healthy", false),
        ("Microsoft.Sql/servers/sql1", 4, "Unhealthy", false),
        ("Microsoft.Sql/servers/sql1/databases/db1", 5, "Healthy", false),
        ("Microsoft.ContainerService/managedClusters/aks1", 6, "Unhealthy", false),
        ("Microsoft.Web/sites/app1", 7, "Healthy", false),
        ("Microsoft.Web/sites/app2", 7, "Unhealthy", false),
        ("Microsoft.Network/networkSecurityGroups/nsg1", 8, "Healthy", false),
        ("Microsoft.Network/publicIPAddresses/pip1", 9, "Unhealthy", false),
        (string.Empty, 10, "Unhealthy", false),
        ("rg", 10, "Healthy", false),
    ];

    private static string Q(string value) => JsonSerializer.Serialize(value);

    private static ArmResponse ServeTenant(ArmRequest r)
    {
        var path = r.Path;
        if (path.EndsWith("/assessmentMetadata", StringComparison.Ordinal))
        {
            return ArmResponse.Json("{\"value\":[" + string.Join(",", Metadata.Select(m =>
                $"{{\"id\":{Q("/providers/Microsoft.Security/assessmentMetadata/" + m.Name)},\"name\":{Q(m.Name)},\"type\":\"Microsoft.Security/assessmentMetadata\",\"properties\":{{\"displayName\":{Q(m.DisplayName)},\"severity\":{Q(m.Severity)},\"categories\":[{Q(m.Category)}],\"assessmentType\":\"BuiltIn\"}}}}")) + "]}");
        }

        if (path.EndsWith("/assessments", StringComparison.Ordinal))
        {
            return ArmResponse.Json("{\"value\":[" + string.Join(",", Rows.Select(row =>
            {
                var resource = row.Resource switch
                {
                    "" => $"/subscriptions/{Subscription}",
                    "rg" => $"/subscriptions/{Subscription}/resourceGroups/rg",
                    _ => $"/subscriptions/{Subscription}/resourceGroups/rg/providers/{row.Resource}",
                };
                var name = Metadata[row.Metadata].Name;
                var risk = row.Internet ? ",\"risk\":{\"level\":\"High\",\"riskFactors\":[\"Exposure to the Internet\"]}" : string.Empty;
                return $"{{\"id\":{Q(resource + "/providers/Microsoft.Security/assessments/" + name)},\"name\":{Q(name)},\"properties\":{{\"resourceDetails\":{{\"source\":\"Azure\",\"id\":{Q(resource)}}},\"status\":{{\"code\":{Q(row.Status)}}}{risk}}}}}";
            })) + "]}");
        }

        return ServeCommon(r) ?? ArmResponse.Error(404, "NotFound");
    }

    private static ArmResponse ServeExamples(ArmRequest r, string assessments)
    {
        var path = r.Path;
        if (path.EndsWith("/assessmentMetadata", StringComparison.Ordinal))
        {
            return ArmResponse.Json(Arm.FixtureBody("ListAssessmentsMetadata_example.json"));
        }

        if (path.EndsWith("/assessments", StringComparison.Ordinal))
        {
            return ArmResponse.Json(assessments);
        }

        return ServeCommon(r) ?? ArmResponse.Error(404, "NotFound");
    }

    /// <summary>One subscription with the published secure score, no controls, and the published pricings (Defender CSPM on).</summary>
    private static ArmResponse? ServeCommon(ArmRequest r)
    {
        var path = r.Path;
        if (path == "/subscriptions")
        {
            return ArmResponse.Json($"{{\"value\":[{{\"id\":\"/subscriptions/{Subscription}\",\"subscriptionId\":\"{Subscription}\",\"displayName\":\"Example\",\"state\":\"Enabled\"}}]}}");
        }

        if (path.EndsWith("/secureScores", StringComparison.Ordinal))
        {
            return ArmResponse.Json(string.Create(CultureInfo.InvariantCulture, $"{{\"value\":[{{\"name\":\"ascScore\",\"properties\":{{\"score\":{{\"max\":0,\"current\":0}}}}}}]}}"));
        }

        if (path.EndsWith("/secureScoreControls", StringComparison.Ordinal))
        {
            return ArmResponse.Json("{\"value\":[]}");
        }

        return path.EndsWith("/pricings", StringComparison.Ordinal) ? ArmResponse.Json(Arm.FixtureBody("ListPricings_example.json")) : null;
    }
}
