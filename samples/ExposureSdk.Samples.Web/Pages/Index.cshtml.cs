using ExposureSdk.Events;
using ExposureSdk.Samples.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace ExposureSdk.Samples.Web.Pages;

/// <summary>The overview: Secure Score, the initiatives (favorites first) with target, 24-hour movement and 14-day trend, the top metrics by impact, the recent events and the sources.</summary>
public sealed class IndexModel(DashboardData data) : DashboardPageModel(data)
{
    /// <summary>How many metrics the overview lists.</summary>
    public const int TopMetrics = 10;

    /// <summary>How many events the overview lists.</summary>
    public const int RecentEventCount = 10;

    /// <summary>Gets the dashboard, as the CLI's <c>report</c> builds it.</summary>
    public DashboardJson Dashboard { get; private set; } = null!;

    /// <summary>Gets the recent events (7 days), newest first.</summary>
    public IReadOnlyList<SecurityEvent> RecentEvents { get; private set; } = [];

    /// <summary>Gets the metric names by id.</summary>
    public IReadOnlyDictionary<string, string> MetricNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!TryTakeResult())
        {
            return Page();
        }

        var input = await Data.DashboardAsync(Result, latestComparison: false, cancellationToken);
        Dashboard = DashboardModel.Build(input, RecommendationFilter.None, defaultTop: 0);
        RecentEvents = input.Events;
        MetricNames = Dashboard.Metrics.ToDictionary(m => m.Id, m => m.Name);
        return Page();
    }
}
