using ExposureSdk.Events;

namespace ExposureSdk.Samples.Cli.Output;

/// <summary>Builds the one model that every output format renders, so table, markdown and JSON always agree.</summary>
internal static class DashboardModel
{
    /// <summary>Builds the dashboard model.</summary>
    /// <param name="analysis">The scored tenant.</param>
    /// <param name="filter">The recommendation filter.</param>
    /// <param name="defaultTop">How many recommendations to keep when <c>--top</c> is not given (null: all).</param>
    /// <param name="events">The events to list.</param>
    /// <returns>The model.</returns>
    public static DashboardJson Build(TenantAnalysis analysis, RecommendationFilter filter, int? defaultTop, IReadOnlyList<SecurityEvent> events)
    {
        var report = analysis.Report;
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
                analysis.Movement(i.Id).Change,
                [.. analysis.Trend(i.Id).Points.Select(p => new TrendPointJson(p.Date, p.Score))],
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

        var previous = analysis.Cards.Count >= 2 ? analysis.Cards[^2].AsOf : (DateTimeOffset?)null;
        return new DashboardJson(
            report.TenantId,
            report.AsOf,
            new SecureScoreJson(report.SecureScore.AchievedPoints, report.SecureScore.MaxPoints, report.SecureScore.Percentage),
            initiatives,
            metrics,
            recommendations,
            [.. events.Select(ToJson)],
            analysis.Input.Source,
            analysis.Options.ThresholdPoints,
            previous,
            [.. (analysis.Input.Sources ?? []).Select(ToJson)]);
    }

    /// <summary>Converts a source's report to its JSON form (contracts §2 <c>sources</c>).</summary>
    public static SourceJson ToJson(Sources.SourceReport s) =>
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
