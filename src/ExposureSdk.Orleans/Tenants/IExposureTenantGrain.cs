using ExposureSdk.Events;
using ExposureSdk.Orleans.Views;
using Orleans.Concurrency;

namespace ExposureSdk.Orleans.Tenants;

/// <summary>
/// One tenant of the cluster; its key is the tenant id. It holds the tenant's scored dataset in memory while
/// it is active, refreshes on the silo's schedule (<c>ExposureGrainOptions.RefreshInterval</c>) and on demand,
/// records every refresh through the silo's <c>IScoreHistoryStore</c>, publishes each event transition to the
/// tenant's stream, and answers a dashboard's queries.
/// </summary>
/// <remarks>
/// <para>Messages carry the tenant id and query arguments only: the tenant's sources and credentials are built
/// on the silo by the host's <see cref="IExposureTenantFactory"/>. Every method throws an
/// <see cref="ExposureTenantConfigurationException"/> naming the tenant when its configuration is wrong.</para>
/// <para>Queries interleave with a running refresh: they read the result of the latest completed one. An
/// activation that has no result yet (after a silo failure or a deactivation) reads its sources once without
/// recording anything (a warm-up) before it answers a query that needs the scored dataset; the summary and
/// events come from the history store without one.</para>
/// </remarks>
public interface IExposureTenantGrain : IGrainWithStringKey
{
    /// <summary>Refreshes the tenant now: pulls its sources, scores, records the card and the day's event transitions, publishes them.</summary>
    /// <returns>What the refresh did; <see cref="TenantRefreshStatus.AlreadyRecorded"/> when the tenant already has a card at this instant.</returns>
    Task<TenantRefreshSummary> RefreshAsync();

    /// <summary>
    /// Refreshes the tenant for a schedule slot unless the slot is already recorded: the tenant's latest card
    /// is at or after <paramref name="slotStart"/> (a run of the same slot, on this silo or another, completed).
    /// Safe to call again after a failure: a slot is recorded once.
    /// </summary>
    /// <param name="slotStart">The start of the slot, in UTC.</param>
    /// <returns>What the call did.</returns>
    Task<TenantRefreshSummary> RefreshIfDueAsync(DateTimeOffset slotStart);

    /// <summary>Makes sure the grain is active with its schedule (timer, and reminder when configured) registered.</summary>
    /// <returns>The tenant id.</returns>
    [AlwaysInterleave]
    Task<string> StartAsync();

    /// <summary>The tenant's scores at a glance: from the held dataset, else from the latest stored card.</summary>
    /// <returns>The summary, or <see langword="null"/> when the tenant was never refreshed.</returns>
    [AlwaysInterleave]
    Task<TenantSummaryView?> GetSummaryAsync();

    /// <summary>The tenant's full report.</summary>
    /// <returns>The report.</returns>
    [AlwaysInterleave]
    Task<TenantReportView> GetReportAsync();

    /// <summary>Filters, sorts and pages the tenant's recommendations.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>The page.</returns>
    [AlwaysInterleave]
    Task<RecommendationPageView> QueryRecommendationsAsync(RecommendationFilter filter);

    /// <summary>A metric with the explanation of its score and its trend.</summary>
    /// <param name="metricId">The metric.</param>
    /// <returns>The detail, or <see langword="null"/> when the tenant has no such metric.</returns>
    [AlwaysInterleave]
    Task<MetricDetailView?> GetMetricAsync(string metricId);

    /// <summary>An initiative with the explanation of its score, its history and trend.</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <returns>The detail, or <see langword="null"/> when the tenant has no such initiative.</returns>
    [AlwaysInterleave]
    Task<InitiativeDetailView?> GetInitiativeAsync(string initiativeId);

    /// <summary>The stored events with <paramref name="since"/> ≤ date &lt; <paramref name="until"/>, oldest first.</summary>
    /// <param name="since">The start (inclusive).</param>
    /// <param name="until">The end (exclusive).</param>
    /// <returns>The events.</returns>
    [AlwaysInterleave]
    Task<IReadOnlyList<SecurityEventView>> GetEventsAsync(DateTimeOffset since, DateTimeOffset until);

    /// <summary>The stored events of the past <paramref name="days"/> days, by the tenant's clock, oldest first.</summary>
    /// <param name="days">The window, 1 to 3,650 days.</param>
    /// <returns>The events.</returns>
    [AlwaysInterleave]
    Task<IReadOnlyList<SecurityEventView>> GetRecentEventsAsync(int days);

    /// <summary>The trend of Secure Score, a metric or an initiative over the past <paramref name="days"/> calendar days.</summary>
    /// <param name="kind">What to follow.</param>
    /// <param name="id">The metric or initiative id; ignored for Secure Score.</param>
    /// <param name="days">The window, 1 to 366 days.</param>
    /// <returns>The trend.</returns>
    [AlwaysInterleave]
    Task<TrendView> GetTrendAsync(ScoreSubjectKind kind, string? id, int days);
}
