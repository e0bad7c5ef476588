using System.Net.Http.Json;
using System.Runtime.CompilerServices;
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

    protected override async IAsyncEnumerable<Recommendation> GetRecommendationsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var check in Checks)
        {
            yield return check;
        }
    }

    protected override async IAsyncEnumerable<Asset> GetAssetsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var a in await AppliancesAsync(cancellationToken))
        {
            yield return new Asset(a.Serial, AssetKind.Device, a.Hostname, a.InternetFacing ? AssetCriticality.High : AssetCriticality.Medium, ["firewall", a.Site]);
        }
    }

    protected override async IAsyncEnumerable<Assessment> GetAssessmentsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var a in await AppliancesAsync(cancellationToken))
        {
            foreach (var c in a.Checks.Where(c => Checks.Any(k => k.Id.Value == c.Id)))
            {
                var status = c.Result switch
                {
                    "pass" => AssessmentStatus.Healthy,
                    "fail" => AssessmentStatus.Unhealthy,
                    "n/a" => AssessmentStatus.NotApplicable,
                    _ => throw new ExposureSourceException(Name, $"Unknown check result '{c.Result}'.", recordId: a.Serial, field: "checks.result"),
                };
                yield return new Assessment(c.Id, a.Serial, status);
            }
        }
    }

    protected override async IAsyncEnumerable<Metric> GetMetricsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield return new Metric("fabrikam-unsafe-firewalls", "Firewalls with unsafe configurations", MetricWeight.High,
            selector: new MetricSelector(workloads: [Product]), description: "Share of Fabrikam appliances failing at least one best-practice check.");
    }

    private async Task<Appliance[]> AppliancesAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Read on every call: the pipeline calls each hook once per refresh, possibly concurrently, so keep no state between calls.
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
