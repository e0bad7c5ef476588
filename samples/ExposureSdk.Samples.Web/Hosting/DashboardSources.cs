using ExposureSdk.Providers;
using ExposureSdk.Providers.DefenderForCloud;
using ExposureSdk.Providers.MicrosoftGraph;
using ExposureSdk.Providers.Scanners;

namespace ExposureSdk.Samples.Web.Hosting;

/// <summary>
/// The sources the dashboard reads, by the names the CLI gives them (contracts §2 <c>sources</c>), and how
/// to find each one's outcome in a refresh.
/// </summary>
public sealed class DashboardSources
{
    public DashboardSources(IReadOnlyList<string> names, DemoSourceProvider? demo, int demoHistoryDays, string? snapshotPath)
    {
        Names = names;
        Demo = demo;
        DemoHistoryDays = demoHistoryDays;
        Label = names switch
        {
            ["demo"] when demo is not null => demo.Label,
            ["file"] when snapshotPath is not null => snapshotPath,
            _ => string.Join(" + ", names),
        };
    }

    /// <summary>Gets the source names, in configuration order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets the demo source, when it is one of the sources.</summary>
    public DemoSourceProvider? Demo { get; }

    /// <summary>Gets how many days of the demo's history go into an empty store.</summary>
    public int DemoHistoryDays { get; }

    /// <summary>Gets where the data comes from, as the CLI writes it in <c>source</c>.</summary>
    public string Label { get; }

    /// <summary>The provider name a source has in the pipeline's outcomes.</summary>
    public static string ProviderName(string source) => source switch
    {
        "demo" => DemoSourceProvider.ProviderName,
        "file" => "file",
        "graph" => MicrosoftGraphSecureScoreProvider.ProviderName,
        "defender-for-cloud" => DefenderForCloudProvider.ProviderName,
        "ocsf" => OcsfFindingReader.DefaultProviderName,
        "maester" => MaesterResultReader.DefaultProviderName,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a source name."),
    };

    /// <summary>The tenant id when <c>ExposureManagement:TenantId</c> is not set: the demo's, else the CLI's rule (the host of the first online source, else the kind of files).</summary>
    public static string DefaultTenantId(IReadOnlyList<string> names, DashboardOptions options) =>
        names.FirstOrDefault(n => n is "demo" or "graph" or "defender-for-cloud") switch
        {
            "demo" => global::ExposureSdk.Demo.DemoTenantOptions.DefaultTenantId,
            "graph" => new Uri(options.Graph.BaseUrl).Host,
            "defender-for-cloud" => new Uri(options.DefenderForCloud.BaseUrl).Host,
            _ => names.Contains("file") ? "snapshot" : "scan results",
        };

    /// <summary>One report per source from a refresh (a source missing from it is reported Failed).</summary>
    public IReadOnlyList<SourceReport> Reports(Pipeline.RefreshResult result) =>
        [.. Names.Select(name => result.FindOutcome(ProviderName(name)) is { } outcome
            ? SourceReport.FromOutcome(name, outcome)
            : new SourceReport(name, SourceStatus.Failed, "not read by the last refresh", 0, 0, 0, null, []))];
}
