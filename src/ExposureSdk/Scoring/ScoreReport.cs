using System.Collections.ObjectModel;

namespace ExposureSdk.Scoring;

/// <summary>
/// The scores of one snapshot: Secure Score, every recommendation, metric and initiative, and
/// breakdowns by source, workload and domain (domain rules §3). Immutable; every list is in ordinal id
/// (or key) order, so a report does not depend on the order of the snapshot's lists.
/// </summary>
public sealed class ScoreReport
{
    private readonly Dictionary<RecommendationId, RecommendationScore> _recommendations;
    private readonly Dictionary<MetricId, MetricScore> _metrics;
    private readonly Dictionary<InitiativeId, InitiativeScore> _initiatives;

    internal ScoreReport(
        string tenantId,
        DateTimeOffset asOf,
        PointsScore secureScore,
        RecommendationScore[] recommendations,
        MetricScore[] metrics,
        InitiativeScore[] initiatives,
        ScoreBreakdown[] bySource,
        ScoreBreakdown[] byWorkload,
        ScoreBreakdown[] byDomain)
    {
        TenantId = tenantId;
        AsOf = asOf;
        SecureScore = secureScore;
        Recommendations = recommendations.AsReadOnly();
        Metrics = metrics.AsReadOnly();
        Initiatives = initiatives.AsReadOnly();
        BySource = bySource.AsReadOnly();
        ByWorkload = byWorkload.AsReadOnly();
        ByDomain = byDomain.AsReadOnly();
        _recommendations = recommendations.ToDictionary(r => r.Id);
        _metrics = metrics.ToDictionary(m => m.Id);
        _initiatives = initiatives.ToDictionary(i => i.Id);
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>When the snapshot's sources were read, in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Secure Score: points achieved / max points × 100 over all recommendations (absent when max is 0).</summary>
    public PointsScore SecureScore { get; }

    /// <summary>Every recommendation, in ordinal id order.</summary>
    public IReadOnlyList<RecommendationScore> Recommendations { get; }

    /// <summary>Every metric, in ordinal id order.</summary>
    public IReadOnlyList<MetricScore> Metrics { get; }

    /// <summary>Every initiative, in ordinal id order.</summary>
    public IReadOnlyList<InitiativeScore> Initiatives { get; }

    /// <summary>Points and counts per recommendation source, in ordinal key order.</summary>
    public IReadOnlyList<ScoreBreakdown> BySource { get; }

    /// <summary>Points and counts per workload, in ordinal key order.</summary>
    public IReadOnlyList<ScoreBreakdown> ByWorkload { get; }

    /// <summary>Points and counts per security domain, in ordinal key order.</summary>
    public IReadOnlyList<ScoreBreakdown> ByDomain { get; }

    /// <summary>Finds a recommendation's score.</summary>
    /// <param name="id">The recommendation.</param>
    /// <returns>The score, or <see langword="null"/> when the snapshot has no such recommendation.</returns>
    public RecommendationScore? FindRecommendation(RecommendationId id) => _recommendations.GetValueOrDefault(id);

    /// <summary>Finds a metric's score.</summary>
    /// <param name="id">The metric.</param>
    /// <returns>The score, or <see langword="null"/> when the snapshot has no such metric.</returns>
    public MetricScore? FindMetric(MetricId id) => _metrics.GetValueOrDefault(id);

    /// <summary>Finds an initiative's score.</summary>
    /// <param name="id">The initiative.</param>
    /// <returns>The score, or <see langword="null"/> when the snapshot has no such initiative.</returns>
    public InitiativeScore? FindInitiative(InitiativeId id) => _initiatives.GetValueOrDefault(id);

    /// <summary>Explains a metric's score: counts, member recommendations, first affected assets, and its part in each initiative.</summary>
    /// <param name="metricId">The metric.</param>
    /// <returns>The derivation as data.</returns>
    /// <exception cref="ArgumentException">The report has no such metric.</exception>
    public MetricExplanation Explain(MetricId metricId)
    {
        var metric = FindMetric(metricId) ?? throw new ArgumentException($"The report has no metric '{metricId}'.", nameof(metricId));
        return ExplainMetric(metric);
    }

    /// <summary>Explains an initiative's score: each metric's weight, score and contribution with the metric's explanation, or the recommendations' points.</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <returns>The derivation as data.</returns>
    /// <exception cref="ArgumentException">The report has no such initiative.</exception>
    public InitiativeExplanation Explain(InitiativeId initiativeId)
    {
        var initiative = FindInitiative(initiativeId) ?? throw new ArgumentException($"The report has no initiative '{initiativeId}'.", nameof(initiativeId));
        var metrics = initiative.Metrics.Select(c => ExplainMetric(_metrics[c.MetricId])).ToArray().AsReadOnly();
        var recommendations = initiative.RecommendationIds.Select(r => _recommendations[r]).ToArray().AsReadOnly();
        return new InitiativeExplanation(initiative, metrics, recommendations);
    }

    private MetricExplanation ExplainMetric(MetricScore metric)
    {
        var recommendations = metric.RecommendationIds.Select(r => _recommendations[r]).ToArray().AsReadOnly();
        var effects = new List<InitiativeMetricEffect>(metric.InitiativeIds.Count);
        foreach (var id in metric.InitiativeIds)
        {
            var initiative = _initiatives[id];
            foreach (var c in initiative.Metrics)
            {
                if (c.MetricId == metric.Id)
                {
                    effects.Add(new InitiativeMetricEffect(id, initiative.Score, initiative.WeightSum, c));
                }
            }
        }

        return new MetricExplanation(metric, recommendations, new ReadOnlyCollection<InitiativeMetricEffect>(effects));
    }
}
