using System.Globalization;
using System.Text.RegularExpressions;
using ExposureSdk.Catalog;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// How scanner terms map to ExposureSdk's: the workload and domain of a Prowler provider (and, for
/// Microsoft 365, of its service), the display name of a framework key such as <c>CIS-2.0</c>, and the
/// impact of an OCSF severity.
/// </summary>
internal static partial class ScannerVocabulary
{
    public const string ComplianceTagPrefix = ComplianceTags.RequirementPrefix;
    public const string SectionTagPrefix = ComplianceTags.SectionPrefix;
    public const string CisM365Tag = "cis-m365";
    public const string CisM365Name = ComplianceTags.CisMicrosoft365Benchmark;

    private static readonly Workload Aws = Workload.Parse("Amazon Web Services");
    private static readonly Workload Azure = Workload.Parse("Microsoft Azure");
    private static readonly Workload Gcp = Workload.Parse("Google Cloud");
    private static readonly Workload Kubernetes = Workload.Parse("Kubernetes");
    private static readonly Workload Microsoft365 = Workload.Parse("Microsoft 365");

    /// <summary>The workload and domain of a finding from its cloud provider (Prowler's <c>provider</c>) and service.</summary>
    public static (Workload Workload, SecurityDomain Domain) Classify(string? provider, string? service, string scanner)
        => Normalize(provider) switch
        {
            "aws" => (Aws, SecurityDomain.Cloud),
            "azure" => (Azure, SecurityDomain.Cloud),
            "gcp" => (Gcp, SecurityDomain.Cloud),
            "kubernetes" => (Kubernetes, SecurityDomain.Cloud),
            "m365" or "microsoft365" => Microsoft365Service(service),
            "github" => (Workload.GitHub, SecurityDomain.SaaS),
            "googleworkspace" => (Workload.GoogleWorkspace, SecurityDomain.SaaS),
            // Blank or over-long names threw ArgumentException from Workload.Parse (issue 17, found by fuzzing).
            _ when !string.IsNullOrWhiteSpace(provider) => (Workload.Parse(ScanText.Name(provider, "OCSF")), SecurityDomain.Cloud),
            _ => (Workload.Parse(ScanText.Name(scanner, "OCSF")), SecurityDomain.Cloud),
        };

    /// <summary>Whether the provider is Microsoft 365 (whose CIS benchmark feeds the built-in CIS initiative).</summary>
    public static bool IsMicrosoft365(string? provider) => Normalize(provider) is "m365" or "microsoft365";

    /// <summary>
    /// The display name of a framework key: Prowler's <c>CIS-2.0</c> for provider <c>azure</c> is
    /// "CIS Microsoft Azure Foundations Benchmark v2.0"; other keys are kept as they are.
    /// </summary>
    public static string FrameworkName(string key, string? provider, out Version? cisVersion)
    {
        cisVersion = null;
        var match = CisKey().Match(key.Trim());
        if (!match.Success)
        {
            return key.Trim();
        }

        var benchmark = Normalize(provider) switch
        {
            "aws" => "CIS Amazon Web Services Foundations Benchmark",
            "azure" => "CIS Microsoft Azure Foundations Benchmark",
            "gcp" => "CIS Google Cloud Platform Foundation Benchmark",
            "kubernetes" => "CIS Kubernetes Benchmark",
            "m365" or "microsoft365" => CisM365Name,
            "github" => "CIS GitHub Benchmark",
            "googleworkspace" => "CIS Google Workspace Foundations Benchmark",
            _ => null,
        };
        if (benchmark is null)
        {
            return key.Trim();
        }

        var version = match.Groups[1].Value;
        cisVersion = Version.TryParse(version.Contains('.', StringComparison.Ordinal) ? version : version + ".0", out var v) ? v : null;
        return string.Create(CultureInfo.InvariantCulture, $"{benchmark} v{version}");
    }

    /// <summary>Whether a framework name is a CIS benchmark.</summary>
    public static bool IsCis(string framework) => framework.StartsWith("CIS", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The tags that record a mapping (<see cref="ComplianceTags"/>): <c>compliance:{framework}:{requirement}</c>
    /// and, for a numbered requirement, <c>compliance-section:{framework}:{section}</c>; for the CIS Microsoft
    /// 365 Foundations Benchmark of any version also <c>cis-m365-section:{section}</c>, which the built-in
    /// CIS Microsoft 365 initiative selects.
    /// </summary>
    public static void AddComplianceTags(List<string> tags, string framework, string requirement)
    {
        var req = requirement.Trim();
        if (req.Length == 0)
        {
            return;
        }

        ScanText.AddTag(tags, ComplianceTagPrefix + framework + ":" + req);
        if (Section(req) is { } section)
        {
            ScanText.AddTag(tags, SectionTagPrefix + framework + ":" + section);
            if (ComplianceTags.IsCisMicrosoft365(framework))
            {
                ScanText.AddTag(tags, ComplianceTags.CisMicrosoft365SectionPrefix + section);
            }
        }
    }

    /// <summary>The section of a numbered requirement ("6.3.1" is in section "6"); <see langword="null"/> when it is not numbered.</summary>
    public static string? Section(string requirement) => ComplianceTags.SectionOf(requirement);

    /// <summary>The impact of an OCSF <c>severity_id</c>: Critical, Fatal and High → High; Medium → Medium; Low and Informational → Low; Unknown and Other → <see langword="null"/> (use the caption).</summary>
    public static Impact? ImpactOf(long severityId) => severityId switch
    {
        4 or 5 or 6 => Impact.High,
        3 => Impact.Medium,
        1 or 2 => Impact.Low,
        _ => null,
    };

    /// <summary>The impact of a severity caption (any case): critical, fatal, high → High; medium → Medium; low, informational, info → Low; anything else → <see langword="null"/>.</summary>
    public static Impact? ImpactOf(string? severity) => severity?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" or "FATAL" or "HIGH" => Impact.High,
        "MEDIUM" or "MODERATE" => Impact.Medium,
        "LOW" or "INFORMATIONAL" or "INFO" => Impact.Low,
        _ => null,
    };

    private static string? Normalize(string? provider)
        => string.IsNullOrWhiteSpace(provider) ? null : provider.Trim().ToLowerInvariant();

    private static (Workload, SecurityDomain) Microsoft365Service(string? service)
        => service?.Trim().ToLowerInvariant() switch
        {
            "entra" or "admincenter" => (Workload.MicrosoftEntraId, SecurityDomain.Identity),
            "exchange" => (Workload.ExchangeOnline, SecurityDomain.Apps),
            "sharepoint" => (Workload.SharePointOnline, SecurityDomain.Data),
            "teams" => (Workload.MicrosoftTeams, SecurityDomain.Apps),
            "defender" => (Workload.DefenderForOffice, SecurityDomain.Apps),
            "purview" => (Workload.PurviewInformationProtection, SecurityDomain.Data),
            _ => (Microsoft365, SecurityDomain.SaaS),
        };

    [GeneratedRegex(@"^CIS[-_ ]?v?(\d+(?:\.\d+)*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CisKey();
}
