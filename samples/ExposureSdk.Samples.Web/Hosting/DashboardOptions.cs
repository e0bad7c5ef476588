using System.ComponentModel.DataAnnotations;
using ExposureSdk.Demo;
using ExposureSdk.Providers.DefenderForCloud;

namespace ExposureSdk.Samples.Web.Hosting;

/// <summary>
/// The dashboard's settings (configuration section <c>Dashboard</c>, from <c>appsettings.json</c>, the
/// environment as <c>Dashboard__Sources=graph,defender-for-cloud</c>, or the command line). The pipeline's
/// own options (tenant, threshold, time zone, retention) are the section <c>ExposureManagement</c>.
/// </summary>
public sealed class DashboardOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>The source names, as the CLI's <c>--source</c> spells them.</summary>
    public static readonly IReadOnlyList<string> SourceNames = ["demo", "file", "graph", "defender-for-cloud", "ocsf", "maester"];

    /// <summary>Gets or sets the sources to read, comma-separated (the CLI's <c>--source</c> names): <c>demo</c> (the default), <c>file</c>, <c>graph</c>, <c>defender-for-cloud</c>, <c>ocsf</c>, <c>maester</c>.</summary>
    [Required]
    public string Sources { get; set; } = "demo";

    /// <summary>Gets or sets how often the hosted service refreshes (1 minute to 1 day; the refresh button refreshes at once).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the SQLite history database (relative to the content root).</summary>
    [Required]
    public string HistoryDatabase { get; set; } = "exposure-history.db";

    /// <summary>Gets the demo tenant's settings.</summary>
    public DemoSettings Demo { get; } = new();

    /// <summary>Gets the snapshot-document source's settings (<c>file</c>).</summary>
    public SnapshotSettings Snapshot { get; } = new();

    /// <summary>Gets the Microsoft Graph source's settings.</summary>
    public EndpointSettings Graph { get; } = new() { BaseUrl = "https://graph.microsoft.com/v1.0" };

    /// <summary>Gets the Defender for Cloud source's settings.</summary>
    public DefenderSettings DefenderForCloud { get; } = new();

    /// <summary>Gets the OCSF findings source's settings.</summary>
    public PathsSettings Ocsf { get; } = new();

    /// <summary>Gets the Maester results source's settings.</summary>
    public PathsSettings Maester { get; } = new();

    /// <summary>Gets the chosen sources, in order, without duplicates.</summary>
    public IReadOnlyList<string> SourceList =>
        [.. Sources.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).Distinct()];

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var sources = SourceList;
        if (sources.Count == 0)
        {
            yield return new ValidationResult($"Dashboard:Sources: give at least one of {string.Join(", ", SourceNames)}.", [nameof(Sources)]);
        }

        foreach (var unknown in sources.Where(s => !SourceNames.Contains(s)))
        {
            yield return new ValidationResult($"Dashboard:Sources: unknown source '{unknown}' (expected {string.Join(", ", SourceNames)}).", [nameof(Sources)]);
        }

        if (Demo.HistoryDays is < 0 or > DemoTenantOptions.DefaultHistoryDays)
        {
            yield return new ValidationResult($"Dashboard:Demo:HistoryDays: must be between 0 and {DemoTenantOptions.DefaultHistoryDays} (got {Demo.HistoryDays}).", ["Demo.HistoryDays"]);
        }

        if (sources.Contains("file") && string.IsNullOrWhiteSpace(Snapshot.Path))
        {
            yield return new ValidationResult("Dashboard:Snapshot:Path: required with the source 'file'.", ["Snapshot.Path"]);
        }

        foreach (var (name, settings) in new[] { ("Graph", (EndpointSettings)Graph), ("DefenderForCloud", DefenderForCloud) })
        {
            if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                yield return new ValidationResult($"Dashboard:{name}:BaseUrl: '{settings.BaseUrl}' is not an absolute http(s) URL.", [$"{name}.BaseUrl"]);
            }
        }

        foreach (var (name, settings) in new[] { ("ocsf", Ocsf), ("maester", Maester) })
        {
            if (sources.Contains(name) && settings.Paths.Count == 0)
            {
                yield return new ValidationResult($"Dashboard:{(name == "ocsf" ? "Ocsf" : "Maester")}:Paths: give at least one file or folder with the source '{name}'.", [name]);
            }
        }
    }

    /// <summary>The demo tenant's settings.</summary>
    public sealed class DemoSettings
    {
        /// <summary>Gets or sets the demo tenant's seed.</summary>
        public int Seed { get; set; } = DemoTenantOptions.DefaultSeed;

        /// <summary>Gets or sets how many days of the demo's history go into an empty history store (0 to 60).</summary>
        public int HistoryDays { get; set; } = 30;
    }

    /// <summary>A snapshot document's settings.</summary>
    public sealed class SnapshotSettings
    {
        /// <summary>Gets or sets the snapshot document (relative to the content root).</summary>
        public string Path { get; set; } = string.Empty;
    }

    /// <summary>An online source's settings.</summary>
    public class EndpointSettings
    {
        /// <summary>Gets or sets the service's base URL (national clouds have their own).</summary>
        public string BaseUrl { get; set; } = string.Empty;
    }

    /// <summary>Defender for Cloud's settings.</summary>
    public sealed class DefenderSettings : EndpointSettings
    {
        /// <summary>Initializes the settings with the global Azure Resource Manager URL.</summary>
        public DefenderSettings() => BaseUrl = "https://management.azure.com";

        /// <summary>Gets or sets how the assessments are read.</summary>
        public DefenderForCloudReadPath ReadPath { get; set; } = DefenderForCloudReadPath.ResourceGraph;

        /// <summary>Gets the subscriptions to read (none: every subscription the credential lists).</summary>
        public IList<string> Subscriptions { get; } = [];
    }

    /// <summary>A scanner source's settings.</summary>
    public sealed class PathsSettings
    {
        /// <summary>Gets the files and folders to read.</summary>
        public IList<string> Paths { get; } = [];
    }
}
