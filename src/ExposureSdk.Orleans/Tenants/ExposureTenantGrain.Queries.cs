using ExposureSdk.Events;
using ExposureSdk.Orleans.Views;

namespace ExposureSdk.Orleans.Tenants;

/// <summary>The tenant grain's queries: they read the latest refresh's immutable result and the history store.</summary>
internal sealed partial class ExposureTenantGrain
{
    public async Task<TenantSummaryView?> GetSummaryAsync()
    {
        var runtime = GetRuntime();
        if (runtime.Pipeline.LastResult is { } result)
        {
            return ViewMapper.Summary(result.Card, runtime.Favorites, fromHistory: false);
        }

        var latest = await runtime.Store.GetLatestCardAsync(TenantId);
        return latest is null ? null : ViewMapper.Summary(latest, runtime.Favorites, fromHistory: true);
    }

    public async Task<TenantReportView> GetReportAsync()
    {
        var runtime = GetRuntime();
        return ViewMapper.Report(await ResultAsync(runtime), runtime.Favorites);
    }

    public async Task<RecommendationPageView> QueryRecommendationsAsync(RecommendationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = ViewMapper.Query(filter);
        var runtime = GetRuntime();
        await ResultAsync(runtime);
        return ViewMapper.Page(runtime.Queries.QueryRecommendations(query));
    }

    public async Task<MetricDetailView?> GetMetricAsync(string metricId)
    {
        var id = new MetricId(metricId);
        var runtime = GetRuntime();
        var result = await ResultAsync(runtime);
        var drill = await runtime.Queries.GetMetricAsync(id);
        if (drill is null || result.Report.FindMetric(id) is null)
        {
            return null;
        }

        return ViewMapper.MetricDetail(drill, result.Report.Explain(id));
    }

    public async Task<InitiativeDetailView?> GetInitiativeAsync(string initiativeId)
    {
        var id = new InitiativeId(initiativeId);
        var runtime = GetRuntime();
        await ResultAsync(runtime);
        var drill = await runtime.Queries.GetInitiativeAsync(id);
        return drill is null ? null : ViewMapper.InitiativeDetail(drill, drill.Score.IsFavorite || runtime.Favorites.Contains(id));
    }

    public async Task<IReadOnlyList<SecurityEventView>> GetEventsAsync(DateTimeOffset since, DateTimeOffset until)
    {
        var runtime = GetRuntime();
        var events = await runtime.Queries.GetEventsAsync(since, until);
        return [.. events.Select(e => ViewMapper.Event(TenantId, e))];
    }

    public Task<IReadOnlyList<SecurityEventView>> GetRecentEventsAsync(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 3650);
        var now = GetRuntime().Clock.GetUtcNow();
        return GetEventsAsync(now - TimeSpan.FromDays(days), now.AddTicks(1));
    }

    public async Task<TrendView> GetTrendAsync(ScoreSubjectKind kind, string? id, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 366);
        var subject = kind switch
        {
            ScoreSubjectKind.SecureScore => ScoreSubject.SecureScore,
            ScoreSubjectKind.Metric => ScoreSubject.Metric(new MetricId(id!)),
            ScoreSubjectKind.Initiative => ScoreSubject.Initiative(new InitiativeId(id!)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined ScoreSubjectKind."),
        };
        var runtime = GetRuntime();
        var now = runtime.Clock.GetUtcNow();
        var history = await runtime.Store.GetCardsAsync(TenantId, now - TimeSpan.FromDays(days + 1), now.AddTicks(1));
        return ViewMapper.Trend(ScoreTrends.Trend(history, subject, now, days, runtime.Pipeline.TimeZone));
    }
}
