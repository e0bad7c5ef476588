using ExposureSdk.Events;
using ExposureSdk.Pipeline;
using ExposureSdk.Queries;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Orleans.Views;

/// <summary>Turns the core's results into the grain contract's records.</summary>
internal static class ViewMapper
{
    public static TenantSummaryView Summary(ScoreCard card, IReadOnlySet<InitiativeId> favorites, bool fromHistory) => new(
        card.TenantId,
        card.AsOf,
        card.SecureScore,
        [.. card.Initiatives
            .Select(i => Initiative(i, favorites.Contains(i.Id)))
            .OrderByDescending(i => i.IsFavorite)
            .ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => i.Id, StringComparer.Ordinal)],
        [.. card.Metrics.Select(Metric).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Id, StringComparer.Ordinal)],
        fromHistory);

    public static InitiativeView Initiative(ScoreCardInitiative i, bool favorite) =>
        new(i.Id.Value, i.Name, i.Score, i.TargetScore, i.Availability, i.StaleReason, i.IsApproximate, favorite);

    public static MetricView Metric(ScoreCardMetric m) =>
        new(m.Id.Value, m.Name, m.Weight, m.Score, m.Scope, m.Affected, m.Availability, m.StaleReason, m.IsApproximate);

    public static ProviderOutcomeView Provider(ProviderOutcome o) =>
        new(o.ProviderName, o.Kind.ToString(), o.Coverage.Status.ToString(), o.ErrorMessage, o.UsedLastKnownData);

    public static TenantReportView Report(RefreshResult result, IReadOnlySet<InitiativeId> favorites) => new(
        Summary(result.Card, favorites, fromHistory: false),
        [.. result.Outcomes.Select(Provider)],
        result.Warnings,
        result.Report.Recommendations.Count,
        result.Report.Recommendations.Count(r => r.State == ComplianceState.NotCompliant),
        result.IsFullCoverage,
        ApproximateBytes(result));

    public static RecommendationView Recommendation(RecommendationScore r) => new(
        r.Id.Value,
        r.Name,
        r.Source.Name,
        r.Workload.Name,
        r.Domain.Name,
        r.Impact,
        r.State,
        r.Healthy,
        r.Unhealthy,
        r.Points.AchievedPoints,
        r.Points.MaxPoints,
        r.IsRiskAccepted,
        [.. r.MetricIds.Select(m => m.Value)],
        [.. r.InitiativeIds.Select(i => i.Value)]);

    public static RecommendationQuery Query(RecommendationFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return new RecommendationQuery(
            filter.States,
            filter.Impacts,
            filter.Sources?.Select(s => RecommendationSource.Parse(s)),
            filter.Workloads?.Select(w => Workload.Parse(w)),
            filter.Domains?.Select(d => SecurityDomain.Parse(d)),
            filter.InitiativeId is { } i ? new InitiativeId(i) : (InitiativeId?)null,
            filter.MetricId is { } m ? new MetricId(m) : (MetricId?)null,
            filter.Text,
            filter.SortBy,
            filter.Descending,
            filter.PageNumber,
            filter.PageSize);
    }

    public static RecommendationPageView Page(Page<RecommendationScore> page) =>
        new([.. page.Items.Select(Recommendation)], page.PageNumber, page.PageSize, page.TotalCount);

    public static MetricDetailView MetricDetail(MetricDrillDown drill, MetricExplanation explanation) => new(
        Metric(drill.Card),
        drill.Score.Exposure,
        [.. drill.Recommendations.Select(Recommendation)],
        [.. drill.TopAffectedAssets.Select(a => new AssetView(a.Id.Value, a.Kind.ToString(), a.Name))],
        [.. explanation.Initiatives.Select(e => Contribution(e.InitiativeId, e.Contribution, e.InitiativeScore, e.WeightSum))],
        Trend(drill.Trend));

    public static InitiativeDetailView InitiativeDetail(InitiativeDrillDown drill, bool favorite) => new(
        Initiative(drill.Card, favorite),
        drill.Score.WeightSum,
        [.. drill.Score.Metrics.Select(c => Contribution(drill.Score.Id, c, drill.Score.Score, drill.Score.WeightSum))],
        drill.Score.Points is { } p ? new PointsView(p.AchievedPoints, p.MaxPoints) : null,
        [.. drill.Recommendations.Select(Recommendation)],
        [.. drill.History.Select(h => new InitiativeChangeView(h.Date, h.PreviousScore, h.CurrentScore, [.. h.Reasons.Select(r => r.ToString())]))],
        Trend(drill.Trend),
        drill.Movement24Hours.Change);

    public static TrendView Trend(ScoreTrend trend) => new(
        trend.Subject.Kind,
        trend.Subject.Id,
        [.. trend.Points.Select(p => new TrendPointView(p.Date, p.AsOf, p.Score))],
        trend.Change,
        trend.Drift);

    public static SecurityEventView Event(string tenantId, SecurityEvent e) => new(
        tenantId,
        e.Kind,
        e.Date,
        e.SubjectId,
        e.SubjectName,
        e.PreviousScore,
        e.CurrentScore,
        e.Drop,
        e.Weight,
        e.IsApproximate,
        [.. e.InitiativeEffects.Select(x => new InitiativeEffectView(x.InitiativeId.Value, x.Effect))],
        [.. (e.MetricCauses?.NewlyAffectedAssetIds ?? []).Select(a => a.Value)]);

    public static SecurityEventNotification Notification(string tenantId, SecurityEventChange change, DateTimeOffset refreshAsOf, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(change.DayStart, zone).DateTime);
        var key = FormattableString.Invariant($"{tenantId}/{change.Event.Kind}/{change.Event.SubjectId}/{day:yyyy-MM-dd}");
        return new SecurityEventNotification(change.Transition, Event(tenantId, change.Event), refreshAsOf, key);
    }

    private static MetricContributionView Contribution(InitiativeId initiativeId, MetricContribution c, double? initiativeScore, double weightSum) =>
        new(initiativeId.Value, c.MetricId.Value, c.Weight, c.NumericWeight, c.MetricScore, c.IsIncluded, c.Contribution, c.ScoreImpact, initiativeScore, weightSum);

    /// <summary>What the grain holds for the tenant: the snapshot's records and the report, estimated from their counts.</summary>
    private static long ApproximateBytes(RefreshResult result)
    {
        var s = result.Snapshot;
        // Measured orders of magnitude: an assessment object with its ids ~ 80 B, a recommendation with texts ~ 2 KB,
        // an asset ~ 150 B, a scored recommendation ~ 300 B, a metric or initiative ~ 1 KB (top-100 asset ids).
        return (s.Assessments.Count * 80L) + (s.Recommendations.Count * 2300L) + (s.Assets.Count * 150L)
            + ((s.Metrics.Count + s.Initiatives.Count) * 1024L);
    }
}
