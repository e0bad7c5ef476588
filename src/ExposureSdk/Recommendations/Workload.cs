using System.Collections.Frozen;
using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>
/// The product or service a recommendation applies to (for example Microsoft Entra ID or Intune).
/// </summary>
/// <remarks>
/// An extensible, string-backed value: the 26 workloads named by the Microsoft Security Exposure
/// Management documentation are available as static members, and any other name a provider
/// reports is accepted as it is (domain rules §2). Names compare case-insensitively; parsing a
/// well-known name in any casing returns the well-known instance with its canonical spelling.
/// </remarks>
public readonly record struct Workload
{
    private readonly string? _name;

    private Workload(string name, bool isPreview)
    {
        _name = name;
        IsPreview = isPreview;
    }

    /// <summary>The workload's display name; empty for the default value.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Whether the product documents this workload as a preview.</summary>
    public bool IsPreview { get; }

    /// <summary>Whether this is one of the workloads the product documents.</summary>
    public bool IsWellKnown => _name is not null && ByName.TryGetValue(_name, out var known) && ReferenceEquals(known._name, _name);

    /// <summary>App governance.</summary>
    public static Workload AppGovernance { get; } = new("App governance", false);

    /// <summary>Atlassian (preview).</summary>
    public static Workload Atlassian { get; } = new("Atlassian", true);

    /// <summary>Microsoft Entra ID.</summary>
    public static Workload MicrosoftEntraId { get; } = new("Microsoft Entra ID", false);

    /// <summary>Citrix ShareFile.</summary>
    public static Workload CitrixShareFile { get; } = new("Citrix ShareFile", false);

    /// <summary>Microsoft Defender for Cloud.</summary>
    public static Workload DefenderForCloud { get; } = new("Defender for Cloud", false);

    /// <summary>Microsoft Defender for Endpoint.</summary>
    public static Workload DefenderForEndpoint { get; } = new("Defender for Endpoint", false);

    /// <summary>Microsoft Defender for Identity.</summary>
    public static Workload DefenderForIdentity { get; } = new("Defender for Identity", false);

    /// <summary>Microsoft Defender for Office 365.</summary>
    public static Workload DefenderForOffice { get; } = new("Defender for Office", false);

    /// <summary>DocuSign.</summary>
    public static Workload DocuSign { get; } = new("DocuSign", false);

    /// <summary>Dropbox (preview).</summary>
    public static Workload Dropbox { get; } = new("Dropbox", true);

    /// <summary>Exchange Online.</summary>
    public static Workload ExchangeOnline { get; } = new("Exchange Online", false);

    /// <summary>GitHub.</summary>
    public static Workload GitHub { get; } = new("GitHub", false);

    /// <summary>Google Workspace.</summary>
    public static Workload GoogleWorkspace { get; } = new("Google Workspace", false);

    /// <summary>Microsoft Intune.</summary>
    public static Workload Intune { get; } = new("Intune", false);

    /// <summary>Microsoft Defender for Cloud Apps.</summary>
    public static Workload DefenderForCloudApps { get; } = new("Microsoft Defender for Cloud Apps", false);

    /// <summary>Microsoft Purview Information Protection.</summary>
    public static Workload PurviewInformationProtection { get; } = new("Microsoft Purview Information Protection", false);

    /// <summary>Microsoft Teams.</summary>
    public static Workload MicrosoftTeams { get; } = new("Microsoft Teams", false);

    /// <summary>NetDocuments (preview).</summary>
    public static Workload NetDocuments { get; } = new("NetDocuments", true);

    /// <summary>Okta.</summary>
    public static Workload Okta { get; } = new("Okta", false);

    /// <summary>Salesforce.</summary>
    public static Workload Salesforce { get; } = new("Salesforce", false);

    /// <summary>ServiceNow.</summary>
    public static Workload ServiceNow { get; } = new("ServiceNow", false);

    /// <summary>SharePoint Online.</summary>
    public static Workload SharePointOnline { get; } = new("SharePoint Online", false);

    /// <summary>Slack (preview).</summary>
    public static Workload Slack { get; } = new("Slack", true);

    /// <summary>Workplace (preview).</summary>
    public static Workload Workplace { get; } = new("Workplace", true);

    /// <summary>Zendesk (preview).</summary>
    public static Workload Zendesk { get; } = new("Zendesk", true);

    /// <summary>Zoom.</summary>
    public static Workload Zoom { get; } = new("Zoom", false);

    /// <summary>The 26 workloads the product documents, in the documentation's order.</summary>
    public static IReadOnlyList<Workload> WellKnown { get; } =
    [
        AppGovernance, Atlassian, MicrosoftEntraId, CitrixShareFile, DefenderForCloud, DefenderForEndpoint,
        DefenderForIdentity, DefenderForOffice, DocuSign, Dropbox, ExchangeOnline, GitHub, GoogleWorkspace,
        Intune, DefenderForCloudApps, PurviewInformationProtection, MicrosoftTeams, NetDocuments, Okta,
        Salesforce, ServiceNow, SharePointOnline, Slack, Workplace, Zendesk, Zoom,
    ];

    private static readonly FrozenDictionary<string, Workload> ByName =
        WellKnown.ToFrozenDictionary(w => w.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Returns the workload with this name: the well-known instance when the name matches one
    /// (ignoring case), otherwise a new workload that is not a preview.
    /// </summary>
    /// <param name="name">The workload name.</param>
    /// <returns>The workload.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space, longer than 512 characters, or holds a lone surrogate (ill-formed UTF-16).</exception>
    public static Workload Parse(string name)
    {
        Guard.Identifier(name);
        return ByName.TryGetValue(name, out var known) ? known : new Workload(name, false);
    }

    /// <summary>Converts a name to a workload with <see cref="Parse"/>.</summary>
    /// <param name="name">The workload name.</param>
    public static implicit operator Workload(string name) => Parse(name);

    /// <inheritdoc/>
    public bool Equals(Workload other) => string.Equals(_name, other._name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
