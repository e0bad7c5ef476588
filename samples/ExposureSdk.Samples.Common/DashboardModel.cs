using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Samples.Common;

/// <summary>
/// What the dashboard shows about one tenant, however it was read: the CLI scores snapshots itself, the web
/// sample takes the refresh pipeline's latest result and its history store.
/// </summary>
/// <param name="Report">Today's score report.</param>
/// <param name="Cards">Score cards of the history, oldest first, ending with today's (the 14-day trends and the 24-hour movement).</param>
/// <param name="Events">The events to list.</param>
/// <param name="Source">Where the data came from, for display ("demo tenant (seed 1729)", a file, "graph + ocsf").</param>
/// <param name="ThresholdPoints">The score drop that raises an event.</param>
/// <param name="PreviousAsOf">The instant of the card today was compared with, or null.</param>
/// <param name="Sources">One report per source (contracts §2 <c>sources</c>).</param>
/// <param name="TimeZone">The time zone whose calendar days the trend counts (null: UTC).</param>
public sealed record DashboardInput(
    ScoreReport Report,
    IReadOnlyList<ScoreCard> Cards,
    IReadOnlyList<SecurityEvent> Events,
    string Source,
    double ThresholdPoints,
    DateTimeOffset? PreviousAsOf,
    IReadOnlyList<SourceReport> Sources,
    TimeZoneInfo? TimeZone = null);

/// <summary>Builds the one model that every output format renders, so table, markdown, JSON and the web API always agree.</summary>
public static class DashboardModel
{
    /// <summary>The number of days of an initiative's trend (today and the 13 days before it).</summary>
    public const int TrendDays = 14;

    /// <summary>Builds the dashboard model.</summary>
    /// <param name="input">The scored tenant.</param>
    /// <param name="filter">The recommendation filter.</param>
    /// <param name="defaultTop">How many recommendations to keep when <c>top</c> is not given (null: all).</param>
    /// <returns>The model.</returns>
    public static DashboardJson Build(DashboardInput input, RecommendationFilter filter, int? defaultTop)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(filter);
        var report = input.Report;
        var impacts = new Dictionary<MetricId, double>();
        foreach (var contribution in report.Initiatives.SelectMany(i => i.Metrics))
        {
            if (contribution.ScoreImpact is { } impact)
            {
                impacts[contribution.MetricId] = Math.Max(impact, impacts.GetValueOrDefault(contribution.MetricId));
            }
        }

        var initiatives = report.Initiatives
            .OrderByDescending(i => i.IsFavorite)
            .ThenBy(i => i.Kind == InitiativeKind.ThreatAnalytics)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => new InitiativeJson(
                i.Id.Value,
                i.Name,
                i.Score,
                i.TargetScore,
                [.. i.Metrics.Select(m => new InitiativeMetricJson(m.MetricId.Value, m.Weight.ToString(), m.Contribution, m.ScoreImpact))],
                i.Kind.ToString(),
                i.IsFavorite,
                i.Score is not null,
                ScoreTrends.Movement24Hours(input.Cards, ScoreSubject.Initiative(i.Id), report.AsOf).Change,
                [.. ScoreTrends.Trend(input.Cards, ScoreSubject.Initiative(i.Id), report.AsOf, TrendDays, input.TimeZone).Points.Select(p => new TrendPointJson(p.Date, p.Score))],
                i.IsApproximate))
            .ToList();

        var metrics = report.Metrics
            .Select(m => new MetricJson(m.Id.Value, m.Name, m.Score, m.IsAvailable, m.Affected, m.Scope, m.Weight.ToString(), impacts.TryGetValue(m.Id, out var impact) ? impact : null, m.IsApproximate))
            .ToList();

        var recommendations = filter.Apply(report.Recommendations, defaultTop)
            .Select(r => new RecommendationJson(
                r.Id.Value, r.Name, r.State.ToString(), r.Impact.ToString(), r.Source.Name, r.Workload.Name, r.Domain.Name,
                r.MetricIds.Count, r.InitiativeIds.Count, r.IsRiskAccepted, r.Healthy, r.Unhealthy, r.Points.MaxPoints > 0 ? r.Points.MaxPoints : null))
            .ToList();

        return new DashboardJson(
            report.TenantId,
            report.AsOf,
            new SecureScoreJson(report.SecureScore.AchievedPoints, report.SecureScore.MaxPoints, report.SecureScore.Percentage),
            initiatives,
            metrics,
            recommendations,
            [.. input.Events.Select(ToJson)],
            input.Source,
            input.ThresholdPoints,
            input.PreviousAsOf,
            [.. input.Sources.Select(ToJson)]);
    }

    /// <summary>
    /// The dashboard's order of events: newest first, then initiative drops, metric drops and new initiatives,
    /// then the largest drop, then the subject's id.
    /// </summary>
    /// <param name="events">The events.</param>
    /// <returns>The events in that order.</returns>
    public static SecurityEvent[] OrderEvents(IEnumerable<SecurityEvent> events) =>
        [.. events
            .OrderByDescending(e => e.Date)
            .ThenBy(e => e.Kind switch { SecurityEventKind.InitiativeScoreDrop => 0, SecurityEventKind.MetricScoreDrop => 1, _ => 2 })
            .ThenByDescending(e => e.Drop ?? 0)
            .ThenBy(e => e.SubjectId, StringComparer.Ordinal)];

    /// <summary>Converts a source's report to its JSON form (contracts §2 <c>sources</c>).</summary>
    public static SourceJson ToJson(SourceReport s) =>
        new(
            s.Name,
            s.Status.ToString(),
            s.Detail,
            s.Recommendations,
            s.Assets,
            s.Assessments,
            s.Score is { } p ? new SecureScoreJson(p.AchievedPoints, p.MaxPoints, p.Percentage) : null,
            [.. s.Parts.Select(p => new SourcePartJson(p.Name, p.Status.ToString(), p.Detail))]);

    /// <summary>Converts an event to its JSON form.</summary>
    public static EventJson ToJson(SecurityEvent e) =>
        new(e.Kind.ToString(), e.SubjectId, e.SubjectName, e.PreviousScore, e.CurrentScore, e.Drop, e.Date, e.Weight?.ToString(), e.IsApproximate);
}
