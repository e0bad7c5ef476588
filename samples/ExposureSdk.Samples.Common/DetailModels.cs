using ExposureSdk.Scoring;

namespace ExposureSdk.Samples.Common;

/// <summary>Builds the models of the <c>explain</c> and <c>plan</c> commands (and of the web sample's <c>/api/explain</c> and <c>/api/plan</c>).</summary>
public static class DetailModels
{
    /// <summary>Explains an initiative's score.</summary>
    /// <exception cref="InputException">The report has no such initiative.</exception>
    public static ExplanationJson ExplainInitiative(ScoreReport report, string id)
    {
        if (report.FindInitiative(id) is null)
        {
            throw new InputException($"--initiative: no initiative '{id}' (known: {string.Join(", ", report.Initiatives.Select(i => i.Id))}).");
        }

        var x = report.Explain(new InitiativeId(id));
        var i = x.Initiative;
        var names = x.Metrics.ToDictionary(m => m.Metric.Id, m => m.Metric);
        return new ExplanationJson(
            report.TenantId,
            report.AsOf,
            "initiative",
            i.Id.Value,
            i.Name,
            i.Score,
            i.IsRecommendationOnly
                ? "score = 100 × Σ achieved points / Σ max points over the recommendations"
                : "score = Σ(wᵢ × pᵢ) / Σ wᵢ over available metrics with wᵢ > 0; impact of metric i = wᵢ × (100 − pᵢ) / Σ w",
            i.TargetScore,
            i.IsRecommendationOnly ? null : i.WeightSum,
            null,
            null,
            null,
            null,
            i.Points is { } p ? new SecureScoreJson(p.AchievedPoints, p.MaxPoints, p.Percentage) : null,
            [.. i.Metrics.Select(c => new ExplainedMetricJson(
                c.MetricId.Value,
                names.TryGetValue(c.MetricId, out var m) ? m.Name : c.MetricId.Value,
                c.Weight.ToString(),
                c.NumericWeight,
                c.MetricScore,
                names.TryGetValue(c.MetricId, out var available) && available.IsAvailable,
                c.IsIncluded,
                c.Contribution,
                c.ScoreImpact))],
            [.. x.Recommendations.Select(Recommendation)],
            [],
            [],
            i.IsApproximate);
    }

    /// <summary>Explains a metric's score.</summary>
    /// <exception cref="InputException">The report has no such metric.</exception>
    public static ExplanationJson ExplainMetric(ScoreReport report, string id)
    {
        if (report.FindMetric(id) is null)
        {
            throw new InputException($"--metric: no metric '{id}' (known: {string.Join(", ", report.Metrics.Select(m => m.Id))}).");
        }

        var x = report.Explain(new MetricId(id));
        var m = x.Metric;
        return new ExplanationJson(
            report.TenantId,
            report.AsOf,
            "metric",
            m.Id.Value,
            m.Name,
            m.Score,
            "exposure = 100 × affected / scope; score = 100 − exposure (scope 0: unavailable)",
            null,
            null,
            m.Exposure,
            m.Affected,
            m.Scope,
            m.Weight.ToString(),
            null,
            [],
            [.. x.Recommendations.Select(Recommendation)],
            [.. x.Initiatives.Select(e => new ExplainedInitiativeJson(e.InitiativeId.Value, e.InitiativeScore, e.WeightSum, e.Contribution.Contribution, e.Contribution.ScoreImpact))],
            [.. x.TopAffectedAssetIds.Select(a => a.Value)],
            m.IsApproximate);
    }

    /// <summary>Builds the what-if remediation plan.</summary>
    /// <exception cref="InputException">The snapshot has no such initiative.</exception>
    public static PlanJson Plan(ExposureSnapshot snapshot, string? initiativeId, int top)
    {
        var plan = ExposureScorer.PlanRemediation(snapshot);
        IReadOnlyList<RemediationStep> steps;
        if (initiativeId is null)
        {
            steps = plan.Steps;
        }
        else if (plan.Baseline.FindInitiative(initiativeId) is null)
        {
            throw new InputException($"--initiative: no initiative '{initiativeId}' (known: {string.Join(", ", plan.Baseline.Initiatives.Select(i => i.Id))}).");
        }
        else
        {
            steps = plan.ForInitiative(new InitiativeId(initiativeId));
        }

        return Plan(snapshot, initiativeId, top, steps);
    }

    /// <summary>Builds the what-if remediation plan's model from steps already ranked (a plan computed once and kept).</summary>
    /// <param name="snapshot">The snapshot the plan was computed for.</param>
    /// <param name="initiativeId">The initiative the steps are ranked for, or null for all.</param>
    /// <param name="top">How many steps to keep.</param>
    /// <param name="steps">The ranked steps.</param>
    /// <returns>The model.</returns>
    public static PlanJson Plan(ExposureSnapshot snapshot, string? initiativeId, int top, IReadOnlyList<RemediationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(steps);
        return new PlanJson(
            snapshot.TenantId,
            snapshot.AsOf,
            initiativeId,
            [.. steps.Take(top).Select(s => new PlanStepJson(
                s.RecommendationId.Value,
                s.Name,
                s.Unhealthy,
                s.SecureScoreGain,
                s.TotalInitiativeGain,
                [.. s.InitiativeGains.Select(g => new PlanGainJson(g.InitiativeId.Value, g.Before, g.After, g.Gain))]))]);
    }

    private static ExplainedRecommendationJson Recommendation(RecommendationScore r) =>
        new(r.Id.Value, r.Name, r.State.ToString(), r.Healthy, r.Unhealthy, r.Points.AchievedPoints, r.Points.MaxPoints);
}
