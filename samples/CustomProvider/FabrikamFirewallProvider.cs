using System.Net.Http.Json;
using ExposureSdk;
using ExposureSdk.Providers;

namespace Fabrikam.ExposureSdk;

/// <summary>
/// Brings Fabrikam Firewall's best-practice checks into ExposureSdk: each appliance becomes an asset,
/// each check a recommendation, each check result an assessment. Reads <c>GET api/v2/appliances</c>.
/// </summary>
public sealed class FabrikamFirewallProvider(HttpClient http) : ExposureSourceProvider("Fabrikam Firewall")
{
    /// <summary>The workload and source names the recommendations carry (any string is accepted).</summary>
    public const string Product = "Fabrikam Firewall";

    private static readonly Recommendation[] Checks =
    [
        Check("fabrikam-admin-https", "Allow administration over HTTPS only", Impact.High, 8, "Turn off HTTP and Telnet on the management interface; allow HTTPS from the admin network only."),
        Check("fabrikam-firmware", "Run a supported firmware version", Impact.High, 9, "Upgrade the appliance to FabrikamOS 7.4 or later from the update portal."),
        Check("fabrikam-any-any", "Remove 'any to any' allow rules", Impact.Medium, 6, "Replace 'any to any' rules with rules that name sources, destinations and ports."),
        Check("fabrikam-log-forwarding", "Forward logs to the SIEM", Impact.Low, 3, "Add a syslog-over-TLS destination pointing at the SIEM collector."),
    ];

    private static readonly Metric UnsafeFirewalls = new("fabrikam-unsafe-firewalls", "Firewalls with unsafe configurations", MetricWeight.High,
        selector: new MetricSelector(workloads: [Product]), description: "Share of Fabrikam appliances failing at least one best-practice check.");

    /// <summary>
    /// One pull: reads the appliance list once and serves the assets and the assessments from that one
    /// answer, so they always describe the same state. The list lives in this call, not in a field:
    /// pulls may overlap, and the next refresh reads the appliances again.
    /// </summary>
    protected override async Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
    {
        var appliances = await AppliancesAsync(cancellationToken);
        var assets = appliances.Select(a => new Asset(a.Serial, AssetKind.Device, a.Hostname, a.InternetFacing ? AssetCriticality.High : AssetCriticality.Medium, ["firewall", a.Site]));
        var assessments = appliances.SelectMany(a => a.Checks
            .Where(c => Checks.Any(k => k.Id.Value == c.Id)) // checks this provider does not know are skipped
            .Select(c => new Assessment(c.Id, a.Serial, StatusOf(a, c))));
        return new SourceBatch(Checks.ToAsyncEnumerable(), assets.ToAsyncEnumerable(), assessments.ToAsyncEnumerable(), new[] { UnsafeFirewalls }.ToAsyncEnumerable());
    }

    private AssessmentStatus StatusOf(Appliance appliance, CheckResult check) => check.Result switch
    {
        "pass" => AssessmentStatus.Healthy,
        "fail" => AssessmentStatus.Unhealthy,
        "n/a" => AssessmentStatus.NotApplicable,
        _ => throw new ExposureSourceException(Name, $"Unknown check result '{check.Result}'.", recordId: appliance.Serial, field: "checks.result"),
    };

    private async Task<Appliance[]> AppliancesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetFromJsonAsync<Appliance[]>("api/v2/appliances", cancellationToken) ?? [];
        }
        catch (HttpRequestException ex)
        {
            throw new ExposureSourceException(Name, "The appliance list could not be read.", ex, statusCode: (int?)ex.StatusCode);
        }
    }

    private static Recommendation Check(string id, string name, Impact impact, double points, string step) =>
        new(id, name, Product, Product, SecurityDomain.Devices, impact, remediationSteps: [step], manageUrl: new Uri("https://firewall.fabrikam.example/admin/best-practices"), maxPoints: points, tags: ["firewall"]);

    private sealed record Appliance(string Serial, string Hostname, string Site, bool InternetFacing, CheckResult[] Checks);

    private sealed record CheckResult(string Id, string Result);
}
