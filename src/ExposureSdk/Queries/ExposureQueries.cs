using ExposureSdk.Events;
using ExposureSdk.Pipeline;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Queries;

/// <summary>
/// Answers questions over the latest refresh of a pipeline and its history: recommendations filtered,
/// sorted and paged; metric and initiative drill-downs; initiatives with favorites first; events by
/// date range and kind.
/// </summary>
/// <remarks>
/// Queries read the pipeline's immutable <see cref="ExposureRefreshPipeline.LastResult"/> and the history
/// store, so they are safe to run concurrently with each other and with refreshes. Before the first
/// refresh, lists are empty and drill-downs return <see langword="null"/>.
/// </remarks>
public sealed class ExposureQueries
{
    private readonly ExposureRefreshPipeline _pipeline;

    /// <summary>Creates the queries over a pipeline.</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pipeline"/> is <see langword="null"/>.</exception>
    public ExposureQueries(ExposureRefreshPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    /// <summary>Filters, sorts and pages the recommendations of the latest refresh.</summary>
    /// <param name="query">The query.</param>
    /// <returns>The page (empty before the first refresh).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public Page<RecommendationScore> QueryRecommendations(RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = _pipeline.LastResult;
        if (result is null)
        {
            return new Page<RecommendationScore>([], query.PageNumber, query.PageSize, 0);
        }

        var report = result.Report;
        HashSet<RecommendationId>? initiativeMembers = null;
        if (query.InitiativeId is { } initiativeId)
        {
            initiativeMembers = report.FindInitiative(initiativeId) is { } initiative ? RecommendationsOf(report, initiative) : [];
        }

        var descriptions = query.Text is null ? null : result.Snapshot.Recommendations.ToDictionary(r => r.Id, r => r.Description);
        var matches = report.Recommendations.Where(r =>
            (query.States.Count == 0 || query.States.Contains(r.State))
            && (query.Impacts.Count == 0 || query.Impacts.Contains(r.Impact))
            && (query.Sources.Count == 0 || query.Sources.Contains(r.Source))
            && (query.Workloads.Count == 0 || query.Workloads.Contains(r.Workload))
            && (query.Domains.Count == 0 || query.Domains.Contains(r.Domain))
            && (initiativeMembers is null || initiativeMembers.Contains(r.Id))
            && (query.MetricId is not { } metricId || r.MetricIds.Contains(metricId))
            && (query.Text is not { } text
                || r.Id.Value.Contains(text, StringComparison.OrdinalIgnoreCase)
                || r.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (descriptions![r.Id]?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)));

        var sorted = Sort(matches, query.SortBy, query.Descending).ToList();
        var items = sorted.Skip((int)Math.Min(int.MaxValue, (long)(query.PageNumber - 1) * query.PageSize)).Take(query.PageSize).ToArray();
        return new Page<RecommendationScore>(items, query.PageNumber, query.PageSize, sorted.Count);
    }

    /// <summary>The initiatives of the latest refresh: favorites first, then by name (ordinal, case-insensitive), then id.</summary>
    /// <returns>The initiatives (empty before the first refresh).</returns>
    public IReadOnlyList<InitiativeScore> GetInitiatives()
    {
        var result = _pipeline.LastResult;
        if (result is null)
        {
            return [];
        }

        return result.Report.Initiatives
            .OrderByDescending(IsFavorite)
            .ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.Id.Value, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>A metric in detail.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="cancellationToken">Cancels the history read.</param>
    /// <returns>The drill-down, or <see langword="null"/> when the latest refresh has no such metric.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<MetricDrillDown?> GetMetricAsync(MetricId metricId, CancellationToken cancellationToken = default)
    {
        var result = _pipeline.LastResult;
        if (result?.Report.FindMetric(metricId) is not { } score || result.Card.FindMetric(metricId.Value) is not { } card)
        {
            return null;
        }

        var recommendations = ByName(score.RecommendationIds.Select(result.Report.FindRecommendation).OfType<RecommendationScore>());
        var assets = result.Snapshot.Assets.ToDictionary(a => a.Id);
        var top = score.TopAffectedAssetIds.Select(id => assets.TryGetValue(id, out var a) ? a : new Asset(id, AssetKind.Unknown)).ToArray();
        var history = await HistoryAsync(result, TimeSpan.FromDays(ScoreTrends.DefaultTrendDays + 1), cancellationToken).ConfigureAwait(false);
        var trend = ScoreTrends.Trend(history, ScoreSubject.Metric(metricId.Value), result.AsOf, ScoreTrends.DefaultTrendDays, _pipeline.TimeZone);
        return new MetricDrillDown(score, card, recommendations, top, trend);
    }

    /// <summary>An initiative in detail.</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <param name="cancellationToken">Cancels the history read.</param>
    /// <returns>The drill-down, or <see langword="null"/> when the latest refresh has no such initiative.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<InitiativeDrillDown?> GetInitiativeAsync(InitiativeId initiativeId, CancellationToken cancellationToken = default)
    {
        var result = _pipeline.LastResult;
        if (result?.Report.FindInitiative(initiativeId) is not { } score || result.Card.FindInitiative(initiativeId.Value) is not { } card)
        {
            return null;
        }

        var report = result.Report;
        var metrics = score.Metrics.Select(m => report.FindMetric(m.MetricId)).OfType<MetricScore>().ToArray();
        var recommendations = ByName(RecommendationsOf(report, score).Select(report.FindRecommendation).OfType<RecommendationScore>());
        var history = await HistoryAsync(result, TimeSpan.FromDays(3650), cancellationToken).ConfigureAwait(false);
        var subject = ScoreSubject.Initiative(initiativeId);
        var trend = ScoreTrends.Trend(history, subject, result.AsOf, ScoreTrends.DefaultTrendDays, _pipeline.TimeZone);
        var movement = ScoreTrends.Movement24Hours(history, subject, result.AsOf);
        return new InitiativeDrillDown(score, card, metrics, recommendations, InitiativeHistory.Build(history).Where(e => e.InitiativeId == initiativeId).ToArray(), trend, movement);
    }

    /// <summary>The events stored with <paramref name="since"/> ≤ date &lt; <paramref name="until"/>, oldest first, optionally of one kind.</summary>
    /// <param name="since">The start (inclusive).</param>
    /// <param name="until">The end (exclusive).</param>
    /// <param name="kind">Only this kind, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    /// <exception cref="ArgumentException"><paramref name="until"/> is before <paramref name="since"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IReadOnlyList<SecurityEvent>> GetEventsAsync(DateTimeOffset since, DateTimeOffset until, SecurityEventKind? kind = null, CancellationToken cancellationToken = default)
    {
        if (until < since)
        {
            throw new ArgumentException($"The range ends ({until:O}) before it starts ({since:O}).", nameof(until));
        }

        return _pipeline.History.GetEventsAsync(_pipeline.TenantId, since, until, kind, cancellationToken);
    }

    /// <summary>The events of the past 7 days (until now, by the pipeline's clock), optionally of one kind.</summary>
    /// <param name="kind">Only this kind, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events, oldest first.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IReadOnlyList<SecurityEvent>> GetRecentEventsAsync(SecurityEventKind? kind = null, CancellationToken cancellationToken = default)
    {
        var now = _pipeline.TimeProvider.GetUtcNow();
        return GetEventsAsync(now - SecurityEventWindows.Recent, now.AddTicks(1), kind, cancellationToken);
    }

    private bool IsFavorite(InitiativeScore initiative) => initiative.IsFavorite || _pipeline.FavoriteInitiatives.Contains(initiative.Id);

    private async Task<IReadOnlyList<ScoreCard>> HistoryAsync(RefreshResult result, TimeSpan window, CancellationToken cancellationToken)
        => await _pipeline.History.GetCardsAsync(result.TenantId, result.AsOf - window, result.AsOf.AddTicks(1), cancellationToken).ConfigureAwait(false);

    private static HashSet<RecommendationId> RecommendationsOf(ScoreReport report, InitiativeScore initiative)
    {
        var set = new HashSet<RecommendationId>(initiative.RecommendationIds);
        foreach (var m in initiative.Metrics)
        {
            if (report.FindMetric(m.MetricId) is { } metric)
            {
                set.UnionWith(metric.RecommendationIds);
            }
        }

        return set;
    }

    private static RecommendationScore[] ByName(IEnumerable<RecommendationScore> items)
        => items.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id).ToArray();

    private static IEnumerable<RecommendationScore> Sort(IEnumerable<RecommendationScore> items, RecommendationSortField field, bool descending)
    {
        IOrderedEnumerable<RecommendationScore> ordered = field switch
        {
            RecommendationSortField.Impact => Order(items, r => (int)r.Impact, descending),
            RecommendationSortField.State => Order(items, r => (int)r.State, descending),
            RecommendationSortField.Source => Order(items, r => r.Source.Name, descending, StringComparer.OrdinalIgnoreCase),
            RecommendationSortField.Workload => Order(items, r => r.Workload.Name, descending, StringComparer.OrdinalIgnoreCase),
            RecommendationSortField.Domain => Order(items, r => r.Domain.Name, descending, StringComparer.OrdinalIgnoreCase),
            RecommendationSortField.Affected => Order(items, r => r.Unhealthy, descending),
            RecommendationSortField.RelatedMetrics => Order(items, r => r.MetricIds.Count, descending),
            RecommendationSortField.RelatedInitiatives => Order(items, r => r.InitiativeIds.Count, descending),
            RecommendationSortField.PointsToGain => Order(items, r => r.Points.MaxPoints - r.Points.AchievedPoints, descending),
            _ => Order(items, r => r.Name, descending, StringComparer.OrdinalIgnoreCase),
        };
        return ordered.ThenBy(r => r.Id);
    }

    private static IOrderedEnumerable<RecommendationScore> Order<TKey>(IEnumerable<RecommendationScore> items, Func<RecommendationScore, TKey> key, bool descending, IComparer<TKey>? comparer = null)
        => descending ? items.OrderByDescending(key, comparer) : items.OrderBy(key, comparer);
}
