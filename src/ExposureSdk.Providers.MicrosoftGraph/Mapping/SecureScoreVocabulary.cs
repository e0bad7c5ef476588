using System.Collections.Frozen;

namespace ExposureSdk.Providers.MicrosoftGraph.Mapping;

/// <summary>How Secure Score's vocabularies (control category, service code, user impact, threats) map to the SDK's.</summary>
internal static class SecureScoreVocabulary
{
    /// <summary>
    /// Control category → domain: Identity → Identity, Data → Data, Device → Devices, Apps → Apps,
    /// Infrastructure → Cloud; a category already named like an SDK domain (Devices, Cloud, SaaS…) maps to
    /// it; any other non-empty category is kept as-is (an extensible domain).
    /// </summary>
    public static readonly FrozenDictionary<string, SecurityDomain> Domains = new Dictionary<string, SecurityDomain>(StringComparer.OrdinalIgnoreCase)
    {
        ["Identity"] = SecurityDomain.Identity,
        ["Data"] = SecurityDomain.Data,
        ["Device"] = SecurityDomain.Devices,
        ["Devices"] = SecurityDomain.Devices,
        ["Apps"] = SecurityDomain.Apps,
        ["App"] = SecurityDomain.Apps,
        ["Infrastructure"] = SecurityDomain.Cloud,
        ["Cloud"] = SecurityDomain.Cloud,
        ["SaaS"] = SecurityDomain.SaaS,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Secure Score <c>service</c> codes → well-known workloads. A service not listed here is parsed with
    /// <see cref="Workload.Parse"/>: a workload's display name maps to it, anything else is kept as-is.
    /// </summary>
    public static readonly FrozenDictionary<string, Workload> Services = new Dictionary<string, Workload>(StringComparer.OrdinalIgnoreCase)
    {
        ["AzureAD"] = Workload.MicrosoftEntraId,
        ["AAD"] = Workload.MicrosoftEntraId,
        ["EntraID"] = Workload.MicrosoftEntraId,
        ["EXO"] = Workload.ExchangeOnline,
        ["Exchange"] = Workload.ExchangeOnline,
        ["SPO"] = Workload.SharePointOnline,
        ["SharePoint"] = Workload.SharePointOnline,
        ["IP"] = Workload.PurviewInformationProtection,
        ["MIP"] = Workload.PurviewInformationProtection,
        ["MDATP"] = Workload.DefenderForEndpoint,
        ["MDE"] = Workload.DefenderForEndpoint,
        ["MDO"] = Workload.DefenderForOffice,
        ["OATP"] = Workload.DefenderForOffice,
        ["MDI"] = Workload.DefenderForIdentity,
        ["AATP"] = Workload.DefenderForIdentity,
        ["AzureATP"] = Workload.DefenderForIdentity,
        ["MCAS"] = Workload.DefenderForCloudApps,
        ["MDA"] = Workload.DefenderForCloudApps,
        ["Intune"] = Workload.Intune,
        ["MDM"] = Workload.Intune,
        ["Teams"] = Workload.MicrosoftTeams,
        ["MicrosoftTeams"] = Workload.MicrosoftTeams,
        ["MDC"] = Workload.DefenderForCloud,
        ["ASC"] = Workload.DefenderForCloud,
        ["AppG"] = Workload.AppGovernance,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The threat values of the Graph <c>secureScoreControlProfile</c> resource, in their documented camelCase spelling.</summary>
    public static readonly FrozenDictionary<string, string> Threats = new[]
    {
        "accountBreach", "dataDeletion", "dataExfiltration", "dataSpillage", "elevationOfPrivilege",
        "maliciousInsider", "passwordCracking", "phishingOrWhaling", "spoofing",
    }.ToFrozenDictionary(t => t, t => t, StringComparer.OrdinalIgnoreCase);

    /// <summary>The workload a Secure Score service maps to; <c>Microsoft 365</c> when the service is missing.</summary>
    public static Workload MapWorkload(string? service)
    {
        if (string.IsNullOrWhiteSpace(service))
        {
            return Workload.Parse("Microsoft 365");
        }

        var trimmed = service.Trim();
        return Services.TryGetValue(trimmed, out var known) ? known : Workload.Parse(trimmed);
    }

    /// <summary>The domain a control category maps to, or <see langword="null"/> when the category is missing.</summary>
    public static SecurityDomain? MapDomain(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return null;
        }

        var trimmed = category.Trim();
        return Domains.TryGetValue(trimmed, out var known) ? known : SecurityDomain.Parse(trimmed);
    }

    /// <summary>User impact → impact: Low → Low, Moderate (or Medium) → Medium, High → High; anything else → Medium.</summary>
    public static Impact MapImpact(string? userImpact) => userImpact?.Trim().ToUpperInvariant() switch
    {
        "LOW" => Impact.Low,
        "HIGH" => Impact.High,
        _ => Impact.Medium,
    };

    /// <summary>
    /// A threat in its documented camelCase spelling when it names one of the documented values in any
    /// spelling ("Data Exfiltration", "data-exfiltration" → <c>dataExfiltration</c>); otherwise as given, trimmed.
    /// </summary>
    public static string MapThreat(string threat)
    {
        var compact = new string(threat.Where(char.IsLetterOrDigit).ToArray());
        return Threats.TryGetValue(compact, out var known) ? known : threat.Trim();
    }
}
