using System.Globalization;

namespace ExposureSdk.Samples.Web.Pages;

/// <summary>
/// What the pages write: untrusted text neutralised (Razor then HTML-encodes it), scores with two decimals,
/// and the links between pages. Imported into every page with <c>@using static</c>.
/// </summary>
public static class PageText
{
    /// <summary>Untrusted text (a name, an id, a detail from a source): control, bidi and invisible characters made harmless, the length bounded (<see cref="SafeText.Neutralize"/>); Razor HTML-encodes the result.</summary>
    public static string Safe(string? text) => SafeText.Neutralize(text);

    /// <summary>A longer untrusted text (a description, a remediation step), bounded at 4,096 characters.</summary>
    public static string SafeLong(string? text) => SafeText.Neutralize(text, 4096);

    /// <summary>A score with two decimals, "≈" when approximate, "n/a" when absent.</summary>
    public static string Score(double? score, bool approximate = false) => Display.Score(score, approximate);

    /// <summary>A signed change with two decimals, or an empty string.</summary>
    public static string Change(double? change) => Display.Movement(change);

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => Display.Count(value);

    /// <summary>An instant in UTC, or an empty string.</summary>
    public static string When(DateTimeOffset? value) => value is { } v ? Display.Instant(v) : string.Empty;

    /// <summary>A day as yyyy-MM-dd.</summary>
    public static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The page of a recommendation.</summary>
    public static string RecommendationLink(string id) => "/recommendations/" + Uri.EscapeDataString(id);

    /// <summary>The page of a metric.</summary>
    public static string MetricLink(string id) => "/metrics/" + Uri.EscapeDataString(id);

    /// <summary>The page of an initiative.</summary>
    public static string InitiativeLink(string id) => "/initiatives/" + Uri.EscapeDataString(id);

    /// <summary>The page of an event's subject (its metric or initiative).</summary>
    public static string SubjectLink(Events.SecurityEvent e) =>
        e.Kind == Events.SecurityEventKind.MetricScoreDrop ? MetricLink(e.SubjectId) : InitiativeLink(e.SubjectId);

    /// <summary>An event kind in words.</summary>
    public static string Kind(Events.SecurityEventKind kind) => kind switch
    {
        Events.SecurityEventKind.MetricScoreDrop => "Metric score drop",
        Events.SecurityEventKind.InitiativeScoreDrop => "Initiative score drop",
        Events.SecurityEventKind.NewInitiative => "New initiative",
        _ => kind.ToString(),
    };

    /// <summary>A compliance state in words.</summary>
    public static string State(ComplianceState state) => state switch
    {
        ComplianceState.NotCompliant => "Not compliant",
        ComplianceState.MitigatedByOrganization => "Mitigated by organization",
        ComplianceState.NotAvailable => "Not available",
        _ => state.ToString(),
    };
}
