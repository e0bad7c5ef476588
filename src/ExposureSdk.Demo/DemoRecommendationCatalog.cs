using ExposureSdk.Catalog;

namespace ExposureSdk.Demo;

/// <summary>One recommendation of the demo organization, before it is assessed.</summary>
/// <param name="Id">The recommendation id.</param>
/// <param name="Name">The title.</param>
/// <param name="Workload">The workload.</param>
/// <param name="Domain">The security domain.</param>
/// <param name="Source">The source.</param>
/// <param name="Impact">The impact.</param>
/// <param name="Roles">The asset roles assessed one by one; empty for a count-only recommendation.</param>
/// <param name="CountTotal">For a count-only recommendation, how many items the source counts (1 for a tenant-wide setting).</param>
/// <param name="MaxPoints">Secure Score style points, or null.</param>
/// <param name="FailRate">The typical share of unhealthy results (0–1).</param>
/// <param name="Threats">Threat tags.</param>
/// <param name="Tags">Control tags.</param>
/// <param name="Description">What the control is and why it matters.</param>
/// <param name="Steps">Remediation steps.</param>
internal sealed record DemoRecommendationSpec(
    string Id,
    string Name,
    Workload Workload,
    SecurityDomain Domain,
    RecommendationSource Source,
    Impact Impact,
    IReadOnlyList<DemoRole> Roles,
    int CountTotal,
    double? MaxPoints,
    double FailRate,
    IReadOnlyList<string> Threats,
    IReadOnlyList<string> Tags,
    string Description,
    IReadOnlyList<string> Steps)
{
    /// <summary>Gets a value indicating whether the source reports counts only (no per-asset results).</summary>
    public bool IsCountOnly => Roles.Count == 0;
}

/// <summary>
/// The recommendations of the demo organization: about 150 controls over the 26 well-known workloads,
/// from Microsoft Secure Score, Microsoft Defender for Cloud, Microsoft Defender Vulnerability
/// Management and CIS benchmarks, with realistic titles, descriptions, remediation steps and links.
/// </summary>
internal static partial class DemoRecommendationCatalog
{
    /// <summary>Gets every recommendation spec, in a fixed order.</summary>
    public static IReadOnlyList<DemoRecommendationSpec> All { get; } = Build();

    /// <summary>Gets the "Manage" link of a workload's recommendations.</summary>
    /// <param name="workload">The workload.</param>
    /// <returns>An absolute https link into the workload's admin portal.</returns>
    public static Uri ManageUrl(Workload workload) => new(workload.Name switch
    {
        "Microsoft Entra ID" => "https://entra.microsoft.com/#view/Microsoft_AAD_ConditionalAccess/ConditionalAccessBlade/~/Policies",
        "Defender for Endpoint" => "https://security.microsoft.com/security-recommendations",
        "Intune" => "https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesMenu/~/compliance",
        "Defender for Cloud" => "https://portal.azure.com/#view/Microsoft_Azure_Security/SecurityMenuBlade/~/5",
        "Defender for Identity" => "https://security.microsoft.com/securescore?viewid=actions",
        "Defender for Office" => "https://security.microsoft.com/threatpolicy",
        "Exchange Online" => "https://admin.exchange.microsoft.com/#/mailflow",
        "SharePoint Online" => "https://admin.microsoft.com/sharepoint?page=sharing&modern=true",
        "Microsoft Teams" => "https://admin.teams.microsoft.com/company-wide-settings/external-communications",
        "Microsoft Purview Information Protection" => "https://purview.microsoft.com/informationprotection",
        "Microsoft Defender for Cloud Apps" => "https://security.microsoft.com/cloudapps/app-connectors",
        "App governance" => "https://security.microsoft.com/cloudapps/app-governance",
        "GitHub" => "https://github.com/organizations/contoso/settings/security",
        "Okta" => "https://contoso-admin.okta.com/admin/access/policies",
        "Salesforce" => "https://contoso.my.salesforce.com/lightning/setup/SecurityCentral/home",
        "Google Workspace" => "https://admin.google.com/ac/security",
        _ => "https://security.microsoft.com/cloudapps/settings?tabid=saasSecurityPosture",
    });

    // Sources and role sets the specs share.
    internal const string SS = "Microsoft Secure Score";
    internal const string MDC = "Microsoft Defender for Cloud";
    internal const string CIS = "CIS Benchmark";
    internal const string MDVM = "Microsoft Defender Vulnerability Management";
    internal const string Windows = "Workstation+WindowsServer";

    /// <summary>Every spec, in the fixed order the demo's seeded draws depend on.</summary>
    private static DemoRecommendationSpec[] Build() => [.. IdentityAndDevices(), .. Cloud(), .. CollaborationAndSaaS()];

    /// <summary>
    /// Adds the tags the built-in catalog's selectors read, as a source that follows its conventions
    /// would: <c>cis-m365</c> and <c>cis-m365-section:1</c> on controls mapped to a CIS Microsoft 365
    /// benchmark requirement (<c>cis-m365-1.1.1</c>), <c>ransomware</c> on controls against ransomware, <c>critical-asset</c> on
    /// controls assessed on the organization's most critical assets (administrators, SQL servers, key
    /// vaults, subscriptions: the roles the organization rates very high in production); and, on
    /// Defender for Cloud recommendations, one <c>resourceType:</c> tag per Azure resource type assessed,
    /// as the Defender for Cloud provider writes them (the catalog's resource-family metrics read them).
    /// </summary>
    private static string[] WithCatalogConventions(string[] tags, string threats, string source, List<DemoRole> roles)
    {
        var result = new List<string>(tags);
        if (source == RecommendationSource.DefenderForCloud.Name)
        {
            foreach (var role in roles)
            {
                if (AzureResourceType(role) is { } type)
                {
                    result.Add("resourceType:" + type);
                }
            }
        }

        foreach (var section in tags.Where(t => t.StartsWith("cis-m365-", StringComparison.Ordinal)).Select(t => ComplianceTags.SectionOf(t["cis-m365-".Length..])).OfType<string>().Distinct())
        {
            result.Add(ComplianceTags.CisMicrosoft365SectionPrefix + section);
        }

        if (tags.Any(t => t.StartsWith("cis-m365-", StringComparison.Ordinal)))
        {
            result.Add("cis-m365");
        }

        if (threats.Split(',').Contains("ransomware"))
        {
            result.Add("ransomware");
        }

        if (roles.Any(r => r is DemoRole.Admin or DemoRole.SqlServer or DemoRole.KeyVault or DemoRole.Subscription))
        {
            result.Add("critical-asset");
        }

        return [.. result];
    }

    /// <summary>The ARM resource type (lower case, as Defender for Cloud's resource ids give it) of a cloud role; <see langword="null"/> for other roles.</summary>
    private static string? AzureResourceType(DemoRole role) => role switch
    {
        DemoRole.VirtualMachine => "microsoft.compute/virtualmachines",
        DemoRole.StorageAccount => "microsoft.storage/storageaccounts",
        DemoRole.SqlServer => "microsoft.sql/servers",
        DemoRole.KeyVault => "microsoft.keyvault/vaults",
        DemoRole.Kubernetes => "microsoft.containerservice/managedclusters",
        DemoRole.AppService => "microsoft.web/sites",
        DemoRole.Subscription => "microsoft.resources/subscriptions",
        DemoRole.NetworkSecurityGroup => "microsoft.network/networksecuritygroups",
        _ => null,
    };

    private static DemoRecommendationSpec R(
        string id, string workload, string domain, string source, string impact, string target, double? points, double fail,
        string threats, string tags, string name, string description, string steps)
    {
        var roles = new List<DemoRole>();
        var countTotal = 0;
        if (target == "tenant")
        {
            countTotal = 1;
        }
        else if (target == "na")
        {
            countTotal = 0;
        }
        else if (target.StartsWith("count:", StringComparison.Ordinal))
        {
            countTotal = int.Parse(target.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            foreach (var role in target.Split('+'))
            {
                roles.Add(Enum.Parse<DemoRole>(role));
            }
        }

        return new DemoRecommendationSpec(
            id,
            name,
            Workload.Parse(workload),
            SecurityDomain.Parse(domain),
            RecommendationSource.Parse(source),
            Enum.Parse<Impact>(impact),
            roles,
            countTotal,
            points,
            fail,
            threats.Split(',', StringSplitOptions.RemoveEmptyEntries),
            WithCatalogConventions(tags.Split(',', StringSplitOptions.RemoveEmptyEntries), threats, source, roles),
            description,
            steps.Split('|'));
    }
}
