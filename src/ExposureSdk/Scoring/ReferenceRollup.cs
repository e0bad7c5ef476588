namespace ExposureSdk.Scoring;

/// <summary>
/// The straightforward rollup of domain rules §3 over a <see cref="ScoringInput"/>: the reference every
/// faster path must equal bit for bit. Every sum runs in ascending ordinal id order.
/// </summary>
internal static class ReferenceRollup
{
    public static ScoreReport Score(ScoringInput input, ScoringOptions options)
    {
        var recCount = input.Recommendations.Length;
        var recMetrics = new List<int>[recCount];
        var recInitiatives = new SortedSet<int>[recCount];
        for (var r = 0; r < recCount; r++)
        {
            recMetrics[r] = [];
            recInitiatives[r] = [];
        }

        for (var m = 0; m < input.Metrics.Length; m++)
        {
            foreach (var r in input.MetricMembers[m])
            {
                recMetrics[r].Add(m);
            }
        }

        var metricInitiatives = new List<int>[input.Metrics.Length];
        for (var m = 0; m < metricInitiatives.Length; m++)
        {
            metricInitiatives[m] = [];
        }

        for (var i = 0; i < input.Initiatives.Length; i++)
        {
            foreach (var m in input.InitiativeMetrics[i])
            {
                metricInitiatives[m].Add(i);
                foreach (var r in input.MetricMembers[m])
                {
                    recInitiatives[r].Add(i);
                }
            }

            foreach (var r in input.InitiativeRecommendations[i])
            {
                recInitiatives[r].Add(i);
            }
        }

        // Recommendations.
        var recommendations = new RecommendationScore[recCount];
        for (var r = 0; r < recCount; r++)
        {
            recommendations[r] = ScoreRecommendation(input, r, recMetrics[r], recInitiatives[r]);
        }

        // Metrics.
        var metrics = new MetricScore[input.Metrics.Length];
        for (var m = 0; m < metrics.Length; m++)
        {
            metrics[m] = ScoreMetric(input, m, recommendations, options, metricInitiatives[m]);
        }

        // Initiatives.
        var initiatives = new InitiativeScore[input.Initiatives.Length];
        for (var i = 0; i < initiatives.Length; i++)
        {
            initiatives[i] = ScoreInitiative(input, i, metrics, recommendations);
        }

        var secureScore = SumPoints(recommendations);
        return new ScoreReport(
            input.TenantId,
            input.AsOf,
            secureScore,
            recommendations,
            metrics,
            initiatives,
            Breakdown(recommendations, r => r.Source.Name),
            Breakdown(recommendations, r => r.Workload.Name),
            Breakdown(recommendations, r => r.Domain.Name));
    }

    /// <summary>The derived compliance state (domain rules §2).</summary>
    public static ComplianceState Derive(long healthy, long unhealthy) =>
        unhealthy > 0 ? ComplianceState.NotCompliant : healthy > 0 ? ComplianceState.Compliant : ComplianceState.NotAvailable;

    /// <summary>A recommendation's points (domain rules §3).</summary>
    public static PointsScore Points(Recommendation recommendation, ComplianceState state, long healthy, long unhealthy, out bool counts)
    {
        counts = false;
        if (recommendation.IsRiskAccepted || recommendation.MaxPoints is not { } max)
        {
            return PointsScore.Empty;
        }

        if (state == ComplianceState.MitigatedByOrganization)
        {
            counts = true;
            return new PointsScore(max, max);
        }

        var assessed = healthy + unhealthy;
        if (assessed == 0)
        {
            return PointsScore.Empty;
        }

        counts = true;
        return new PointsScore(max * healthy / assessed, max);
    }

    private static RecommendationScore ScoreRecommendation(ScoringInput input, int r, List<int> metricIndices, SortedSet<int> initiativeIndices)
    {
        var rec = input.Recommendations[r];
        long healthy = 0, unhealthy = 0, notApplicable = 0;
        ResultKind kind;
        var statuses = input.Statuses[r];
        if (statuses.Length > 0)
        {
            kind = ResultKind.PerAsset;
            foreach (var s in statuses)
            {
                switch (s)
                {
                    case AssessmentStatus.Healthy: healthy++; break;
                    case AssessmentStatus.Unhealthy: unhealthy++; break;
                    default: notApplicable++; break;
                }
            }
        }
        else if (input.Counts[r] is { } c)
        {
            kind = ResultKind.CountOnly;
            healthy = c.Healthy;
            unhealthy = c.Affected;
        }
        else
        {
            kind = ResultKind.None;
        }

        var derived = Derive(healthy, unhealthy);
        var state = input.ExplicitStates[r] ?? derived;
        var points = Points(rec, state, healthy, unhealthy, out var counts);
        return new RecommendationScore(
            rec,
            state,
            derived,
            kind,
            healthy,
            unhealthy,
            notApplicable,
            points,
            counts,
            metricIndices.Select(m => input.Metrics[m].Id).ToArray().AsReadOnly(),
            initiativeIndices.Select(i => input.Initiatives[i].Id).ToArray().AsReadOnly());
    }

    private static MetricScore ScoreMetric(ScoringInput input, int m, RecommendationScore[] recommendations, ScoringOptions options, List<int> initiativeIndices)
    {
        var metric = input.Metrics[m];
        var scope = new HashSet<AssetId>();
        var affected = new HashSet<AssetId>();
        long countScope = 0, countAffected = 0;
        foreach (var r in input.MetricMembers[m])
        {
            var score = recommendations[r];
            if (score.IsRiskAccepted)
            {
                continue;
            }

            var mitigated = score.State == ComplianceState.MitigatedByOrganization;
            if (score.ResultKind == ResultKind.PerAsset)
            {
                var ids = input.Assets[r];
                var statuses = input.Statuses[r];
                for (var k = 0; k < ids.Length; k++)
                {
                    if (statuses[k] == AssessmentStatus.NotApplicable)
                    {
                        continue;
                    }

                    scope.Add(ids[k]);
                    if (statuses[k] == AssessmentStatus.Unhealthy && !mitigated)
                    {
                        affected.Add(ids[k]);
                    }
                }
            }
            else if (score.ResultKind == ResultKind.CountOnly)
            {
                countScope += score.Assessed;
                countAffected += mitigated ? 0 : score.Unhealthy;
            }
        }

        var top = affected.Select(a => a.Value).Order(StringComparer.Ordinal).Take(MetricScore.TopAffectedLimit).Select(AssetId.From).ToArray().AsReadOnly();
        return new MetricScore(
            metric,
            options.ValueOf(metric.Weight),
            scope.Count + countScope,
            affected.Count + countAffected,
            input.MetricMembers[m].Select(r => input.Recommendations[r].Id).ToArray().AsReadOnly(),
            initiativeIndices.Select(i => input.Initiatives[i].Id).ToArray().AsReadOnly(),
            top);
    }

    private static InitiativeScore ScoreInitiative(ScoringInput input, int i, MetricScore[] metrics, RecommendationScore[] recommendations)
    {
        var initiative = input.Initiatives[i];
        if (initiative.IsRecommendationOnly)
        {
            var points = SumPoints(input.InitiativeRecommendations[i].Select(r => recommendations[r]));
            return new InitiativeScore(initiative, points.Percentage, [], 0, points);
        }

        var members = input.InitiativeMetrics[i];
        double weightSum = 0, weighted = 0;
        foreach (var m in members)
        {
            var metric = metrics[m];
            if (metric.Score is { } p && metric.NumericWeight > 0)
            {
                weightSum += metric.NumericWeight;
                weighted += metric.NumericWeight * p;
            }
        }

        var contributions = new MetricContribution[members.Length];
        for (var k = 0; k < members.Length; k++)
        {
            var metric = metrics[members[k]];
            var w = metric.NumericWeight;
            var included = metric.Score is not null && w > 0;
            contributions[k] = included
                ? new MetricContribution(metric.Id, metric.Weight, w, metric.Score, true, w * metric.Score!.Value / weightSum, w * (100 - metric.Score.Value) / weightSum)
                : new MetricContribution(metric.Id, metric.Weight, w, metric.Score, false, null, null);
        }

        double? score = weightSum > 0 ? Math.Clamp(weighted / weightSum, 0, 100) : null;
        return new InitiativeScore(initiative, score, contributions.AsReadOnly(), weightSum, null);
    }

    private static PointsScore SumPoints(IEnumerable<RecommendationScore> recommendations)
    {
        double achieved = 0, max = 0;
        foreach (var r in recommendations)
        {
            achieved += r.Points.AchievedPoints;
            max += r.Points.MaxPoints;
        }

        return new PointsScore(Math.Min(achieved, max), max);
    }

    private static ScoreBreakdown[] Breakdown(RecommendationScore[] recommendations, Func<RecommendationScore, string> key)
    {
        var groups = new SortedDictionary<string, List<RecommendationScore>>(StringComparer.Ordinal);
        var display = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in recommendations)
        {
            var name = key(r);
            var folded = name.ToUpperInvariant();
            if (!groups.TryGetValue(folded, out var list))
            {
                list = [];
                groups.Add(folded, list);
                display.Add(folded, name);
            }
            else if (string.CompareOrdinal(name, display[folded]) < 0)
            {
                display[folded] = name;
            }

            list.Add(r);
        }

        return groups
            .Select(g => new ScoreBreakdown(
                display[g.Key],
                SumPoints(g.Value),
                g.Value.Count,
                g.Value.Count(r => r.State == ComplianceState.Compliant),
                g.Value.Count(r => r.State == ComplianceState.NotCompliant),
                g.Value.Count(r => r.State == ComplianceState.MitigatedByOrganization),
                g.Value.Count(r => r.State == ComplianceState.NotAvailable),
                g.Value.Count(r => r.IsRiskAccepted)))
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .ToArray();
    }
}
