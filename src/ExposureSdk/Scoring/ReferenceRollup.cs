namespace ExposureSdk.Scoring;

/// <summary>
/// The straightforward rollup of domain rules §3 over a <see cref="ScoringInput"/>: the reference every
/// faster path must equal bit for bit. Every sum runs in ascending ordinal id order.
/// </summary>
internal static class ReferenceRollup
{
    public static ScoreReport Score(ScoringInput input, ScoringOptions options)
    {
        var topology = input.Topology;

        // Recommendations.
        var recommendations = new RecommendationScore[input.Recommendations.Length];
        for (var r = 0; r < recommendations.Length; r++)
        {
            recommendations[r] = ScoreRecommendation(input, r, topology.RecommendationMetricIds[r], topology.RecommendationInitiativeIds[r]);
        }

        // Metrics.
        var metrics = new MetricScore[topology.Metrics.Length];
        for (var m = 0; m < metrics.Length; m++)
        {
            metrics[m] = ScoreMetric(input, m, recommendations, options);
        }

        return Assemble(input.TenantId, input.AsOf, recommendations, metrics, topology.Initiatives, topology.InitiativeMetrics, topology.InitiativeRecommendations);
    }

    /// <summary>Builds the report from scored recommendations and metrics: initiatives, Secure Score and breakdowns. Shared by every rollup path.</summary>
    public static ScoreReport Assemble(
        string tenantId,
        DateTimeOffset asOf,
        RecommendationScore[] recommendations,
        MetricScore[] metrics,
        Initiative[] initiativeList,
        int[][] initiativeMetrics,
        int[][] initiativeRecommendations)
    {
        var weights = new double[metrics.Length];
        var scores = new double?[metrics.Length];
        for (var m = 0; m < metrics.Length; m++)
        {
            weights[m] = metrics[m].NumericWeight;
            scores[m] = metrics[m].Score;
        }

        var achieved = new double[recommendations.Length];
        var max = new double[recommendations.Length];
        for (var r = 0; r < recommendations.Length; r++)
        {
            achieved[r] = recommendations[r].Points.AchievedPoints;
            max[r] = recommendations[r].Points.MaxPoints;
        }

        var initiatives = new InitiativeScore[initiativeList.Length];
        for (var i = 0; i < initiatives.Length; i++)
        {
            initiatives[i] = ScoreInitiative(initiativeList[i], initiativeMetrics[i], initiativeRecommendations[i], metrics, weights, scores, achieved, max);
        }

        var secureScore = SumPoints(Enumerable.Range(0, recommendations.Length), achieved, max);
        return new ScoreReport(
            tenantId,
            asOf,
            secureScore,
            recommendations,
            metrics,
            initiatives,
            Breakdown(recommendations, r => r.Source.Name),
            Breakdown(recommendations, r => r.Workload.Name),
            Breakdown(recommendations, r => r.Domain.Name));
    }

    /// <summary>
    /// The weighted initiative score Σ(w × p) / Σw over the given metric indices (ascending) whose score is
    /// present and weight greater than 0; <see langword="null"/> when Σw is 0. The one place this sum is computed.
    /// </summary>
    public static double? WeightedScore(int[] members, double[] weights, double?[] scores, out double weightSum)
    {
        double sum = 0, weighted = 0;
        foreach (var m in members)
        {
            if (scores[m] is { } p && weights[m] > 0)
            {
                sum += weights[m];
                weighted += weights[m] * p;
            }
        }

        weightSum = sum;
        return sum > 0 ? Math.Clamp(weighted / sum, 0, 100) : null;
    }

    /// <summary>Σ achieved and Σ max over the given recommendation indices, in the order given. The one place point sums are computed.</summary>
    public static PointsScore SumPoints(IEnumerable<int> indices, double[] achieved, double[] max)
    {
        double a = 0, m = 0;
        foreach (var r in indices)
        {
            a += achieved[r];
            m += max[r];
        }

        return new PointsScore(Math.Min(a, m), m);
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

    private static RecommendationScore ScoreRecommendation(ScoringInput input, int r, IReadOnlyList<MetricId> metricIds, IReadOnlyList<InitiativeId> initiativeIds)
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
        var explicitState = input.ExplicitStates[r];
        var state = explicitState ?? derived;
        var points = Points(rec, state, healthy, unhealthy, out var counts);
        return new RecommendationScore(
            rec,
            state,
            derived,
            explicitState is not null,
            kind,
            healthy,
            unhealthy,
            notApplicable,
            points,
            counts,
            metricIds,
            initiativeIds);
    }

    private static MetricScore ScoreMetric(ScoringInput input, int m, RecommendationScore[] recommendations, ScoringOptions options)
    {
        var metric = input.Metrics[m];
        var scope = new HashSet<AssetId>();
        var affected = new HashSet<AssetId>();
        long countScope = 0, countAffected = 0;
        var countOnlyMembers = 0;
        foreach (var r in input.Topology.MembersOf(m))
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
                countOnlyMembers += score.Assessed > 0 ? 1 : 0;
            }
        }

        var top = affected.Select(a => a.Value).Order(StringComparer.Ordinal).Take(MetricScore.TopAffectedLimit).Select(AssetId.From).ToArray().AsReadOnly();
        return new MetricScore(
            metric,
            metric.Weight,
            options.WeightOf(metric.Weight),
            scope.Count + countScope,
            affected.Count + countAffected,
            input.Topology.MetricRecommendationIds[m],
            input.Topology.MetricInitiativeIds[m],
            top,
            MetricScore.IsSumApproximate(countOnlyMembers, scope.Count));
    }

    private static InitiativeScore ScoreInitiative(Initiative initiative, int[] members, int[] recommendationIndices, MetricScore[] metrics, double[] weights, double?[] scores, double[] achieved, double[] max)
    {
        if (initiative.IsRecommendationOnly)
        {
            var points = SumPoints(recommendationIndices, achieved, max);
            return new InitiativeScore(initiative, points.Percentage, [], 0, points, isApproximate: false);
        }

        var score = WeightedScore(members, weights, scores, out var weightSum);
        var contributions = new MetricContribution[members.Length];
        var approximate = false;
        for (var k = 0; k < members.Length; k++)
        {
            var metric = metrics[members[k]];
            var w = metric.NumericWeight;
            var included = metric.Score is not null && w > 0;
            approximate |= included && metric.IsApproximate;
            contributions[k] = included
                ? new MetricContribution(metric.Id, metric.Weight, w, metric.Score, true, w * metric.Score!.Value / weightSum, w * (100 - metric.Score.Value) / weightSum)
                : new MetricContribution(metric.Id, metric.Weight, w, metric.Score, false, null, null);
        }

        return new InitiativeScore(initiative, score, contributions.AsReadOnly(), weightSum, null, approximate);
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
                SumPoints(Enumerable.Range(0, g.Value.Count), g.Value.Select(r => r.Points.AchievedPoints).ToArray(), g.Value.Select(r => r.Points.MaxPoints).ToArray()),
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
