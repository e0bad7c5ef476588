using ExposureSdk.Catalog;

namespace ExposureSdk.Demo;

/// <summary>
/// How the demo organization is scored: the built-in catalog (<see cref="ExposureCatalog.BuiltIn"/>),
/// with its metric selectors unchanged, plus the organization's own settings and the threat-analytics
/// reports its sources publish during the history.
/// </summary>
/// <remarks>
/// The demo defines no metric of its own: every metric and predefined initiative comes from the built-in
/// catalog, applied to each snapshot with <see cref="ExposureCatalog.ApplyTo"/> exactly as the runtime
/// applies it to a real tenant (<c>o.AddCatalog(ExposureCatalog.BuiltIn)</c>). The only overrides are
/// the ones an administrator makes in a real tenant and that do not change any score: target scores and
/// favorites of five initiatives (<see cref="ExposureCatalog.Merge"/>, same ids and metrics). The two
/// threat-analytics initiatives are source data (a report lists the recommendations it needs), like
/// Microsoft's threat analytics, so they are part of the snapshot before the catalog is applied.
/// </remarks>
internal static class DemoPostureModel
{
    /// <summary>The id of the threat-analytics initiative published during the history.</summary>
    public const string RansomwareReportId = "ta-storm-0501-hybrid-ransomware";

    /// <summary>The id of the threat-analytics initiative published today.</summary>
    public const string BrowserZeroDayReportId = "ta-browser-zero-day";

    /// <summary>Days before today when <see cref="RansomwareReportId"/> appears.</summary>
    public const int RansomwareReportAge = 9;

    /// <summary>
    /// Gets the catalog the demo is scored with: <see cref="ExposureCatalog.BuiltIn"/> with the
    /// organization's targets and favorites (initiative id, target score, favorite).
    /// </summary>
    public static ExposureCatalog Catalog { get; } = BuildCatalog(
    [
        ("cis-m365-foundations", 90, false),
        ("cloud-security", 80, true),
        ("endpoint-security", 85, true),
        ("identity-security", 85, true),
        ("ransomware-protection", 75, true),
    ]);

    /// <summary>Gets the threat-analytics initiatives present on a given day.</summary>
    /// <param name="daysAgo">How many days before today (0 = today).</param>
    /// <returns>The initiatives, in a fixed order.</returns>
    public static IReadOnlyList<Initiative> ThreatAnalyticsOn(int daysAgo)
    {
        var list = new List<Initiative>(2);
        if (daysAgo <= RansomwareReportAge)
        {
            list.Add(new Initiative(
                RansomwareReportId,
                "Threat analytics: Storm-0501 hybrid ransomware campaign",
                InitiativeKind.ThreatAnalytics,
                recommendationIds: ["mde-asr-ransomware", "mde-tamper-protection", "entra-mfa-admins", "mdc-keyvault-purge-protection", "cis-azure-rdp-internet", "mdi-unsecure-delegation", "entra-pim"],
                description: "Storm-0501 moves from on-premises Active Directory to Microsoft Entra ID and Azure, exfiltrates data and deploys ransomware. The recommendations below block the techniques in the report."));
        }

        if (daysAgo == 0)
        {
            list.Add(new Initiative(
                BrowserZeroDayReportId,
                "Threat analytics: Browser zero-day exploited in the wild",
                InitiativeKind.ThreatAnalytics,
                recommendationIds: ["mdvm-update-chrome", "mde-network-protection", "mdvm-update-windows"],
                targetScore: 95,
                description: "A type confusion vulnerability in the V8 JavaScript engine is exploited through malicious advertising. Update browsers and turn on network protection."));
        }

        return list;
    }

    private static ExposureCatalog BuildCatalog((string Id, double Target, bool Favorite)[] settings)
    {
        var builtIn = ExposureCatalog.BuiltIn;
        var overrides = settings.Select(s =>
        {
            var i = builtIn.FindInitiative(new InitiativeId(s.Id)) ?? throw new InvalidOperationException($"The built-in catalog has no initiative '{s.Id}'.");
            return new Initiative(i.Id, i.Name, i.Kind, i.MetricIds, i.RecommendationIds, targetScore: s.Target, isFavorite: s.Favorite, description: i.Description);
        });
        return builtIn.Merge(initiatives: overrides);
    }
}
