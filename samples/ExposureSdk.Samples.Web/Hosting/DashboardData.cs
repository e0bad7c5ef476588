using System.Runtime.CompilerServices;
using ExposureSdk.Events;
using ExposureSdk.Pipeline;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Samples.Web.Hosting;

/// <summary>
/// What the pages and the API read: the pipeline's latest refresh and the history store, put in the shapes
/// the CLI builds (<see cref="DashboardInput"/>), so that <c>/api/report</c> is the CLI's <c>report --format json</c>.
/// </summary>
public sealed class DashboardData
{
    private readonly ExposureRefreshPipeline _pipeline;
    private readonly DashboardSources _sources;
    private readonly ExposureRefreshPipelineOptions _options;
    private readonly ConditionalWeakTable<RefreshResult, Lazy<RemediationPlan>> _plans = [];

    public DashboardData(ExposureRefreshPipeline pipeline, DashboardSources sources, IOptions<ExposureRefreshPipelineOptions> options)
    {
        _pipeline = pipeline;
        _sources = sources;
        _options = options.Value;
    }

    /// <summary>Gets the latest recorded refresh, or null before the first.</summary>
    public RefreshResult? Current => _pipeline.LastResult;

    /// <summary>Gets the sources.</summary>
    public DashboardSources Sources => _sources;

    /// <summary>Gets the time zone whose calendar days the history counts.</summary>
    public TimeZoneInfo TimeZone => _pipeline.TimeZone;

    /// <summary>Gets the score drop that raises an event.</summary>
    public double ThresholdPoints => _options.ScoreDrop.ThresholdPoints;

    /// <summary>The score cards of the last <paramref name="days"/> days up to the refresh, oldest first.</summary>
    public Task<IReadOnlyList<ScoreCard>> CardsAsync(RefreshResult result, int days, CancellationToken cancellationToken) =>
        _pipeline.History.GetCardsAsync(result.TenantId, result.AsOf - TimeSpan.FromDays(days), result.AsOf.AddTicks(1), cancellationToken);

    /// <summary>The events of the 7 days up to the refresh (the CLI's "recent events": later than 7 days before it), in the dashboard's order.</summary>
    public async Task<IReadOnlyList<SecurityEvent>> RecentEventsAsync(RefreshResult result, CancellationToken cancellationToken) =>
        DashboardModel.OrderEvents(await _pipeline.History.GetEventsAsync(result.TenantId, result.AsOf - SecurityEventWindows.Recent + TimeSpan.FromTicks(1), result.AsOf.AddTicks(1), null, cancellationToken));

    /// <summary>The events stored with <paramref name="since"/> ≤ date &lt; <paramref name="until"/>, newest first.</summary>
    public async Task<IReadOnlyList<SecurityEvent>> EventsAsync(RefreshResult result, DateTimeOffset since, DateTimeOffset until, SecurityEventKind? kind, CancellationToken cancellationToken) =>
        DashboardModel.OrderEvents(await _pipeline.History.GetEventsAsync(result.TenantId, since, until, kind, cancellationToken));

    /// <summary>The dashboard's input: with the recent events (<c>report</c>) or the latest comparison's (<c>events</c>).</summary>
    public async Task<DashboardInput> DashboardAsync(RefreshResult result, bool latestComparison, CancellationToken cancellationToken)
    {
        var cards = await CardsAsync(result, DashboardModel.TrendDays + 1, cancellationToken);
        var events = latestComparison ? DashboardModel.OrderEvents(result.Events) : await RecentEventsAsync(result, cancellationToken);
        return new DashboardInput(result.Report, cards, events, _sources.Label, ThresholdPoints, result.Baseline?.AsOf, _sources.Reports(result), TimeZone);
    }

    /// <summary>The what-if remediation plan of a refresh (computed once per refresh, on first use).</summary>
    public RemediationPlan Plan(RefreshResult result) =>
        _plans.GetValue(result, r => new Lazy<RemediationPlan>(() => ExposureScorer.PlanRemediation(r.Snapshot, _options.Scoring))).Value;
}
