namespace ExposureSdk.Scoring;

/// <summary>The remediation plan on the fast path: each candidate's gains from its own metrics and initiatives only.</summary>
public sealed partial class ExposureDataset
{
    /// <summary>
    /// Ranks the recommendations by the initiative-score gain remediating each one alone would bring, as
    /// <see cref="ExposureScorer.PlanRemediation"/> does (same candidates, gains and order, bit for bit), but
    /// without rescoring the tenant per candidate: only the candidate's metrics and initiatives are
    /// recomputed, in time proportional to its unhealthy results × its metrics' member counts.
    /// </summary>
    /// <returns>The plan; its baseline is <see cref="ToReport()"/>.</returns>
    public RemediationPlan PlanRemediation()
    {
        var baseline = ToReport();
        var scores = (double?[])_scores.Clone();
        var achieved = (double[])_achieved.Clone();
        var all = Enumerable.Range(0, _recs.Length).ToArray();
        var secureBefore = baseline.SecureScore.Percentage;
        var steps = new List<RemediationStep>();
        for (var r = 0; r < _recs.Length; r++)
        {
            var rec = baseline.Recommendations[r];
            if (rec.Unhealthy == 0 || rec.IsRiskAccepted || rec.State == ComplianceState.MitigatedByOrganization)
            {
                continue;
            }

            // Remediated: every result healthy, explicit state dropped (a candidate is never mitigated).
            var assessed = _healthy[r] + _unhealthy[r];
            achieved[r] = ReferenceRollup.Points(_recs[r], ReferenceRollup.Derive(assessed, 0), assessed, 0, out _).AchievedPoints;
            for (var j = _recMetricStart[r]; j < _recMetricStart[r + 1]; j++)
            {
                var m = _recMetrics[j];
                long leaving = 0;
                if (_recStart[r + 1] > _recStart[r])
                {
                    for (var k = _recStart[r]; k < _recStart[r + 1]; k++)
                    {
                        if (_status[k] == (byte)AssessmentStatus.Unhealthy && !AffectedByOtherMembers(m, r, _assets[k]))
                        {
                            leaving++;
                        }
                    }
                }
                else
                {
                    leaving = _unhealthy[r];
                }

                scores[m] = MetricScore.Compute(_scope[m], _affected[m] - leaving, out _);
            }

            var gains = new InitiativeGain[rec.InitiativeIds.Count];
            for (var g = 0; g < gains.Length; g++)
            {
                var i = _topology.InitiativeIndex[rec.InitiativeIds[g]];
                var after = _topology.Initiatives[i].IsRecommendationOnly
                    ? ReferenceRollup.SumPoints(_topology.InitiativeRecommendations[i], achieved, _max).Percentage
                    : ReferenceRollup.WeightedScore(_topology.InitiativeMetrics[i], _weights, scores, out _);
                gains[g] = new InitiativeGain(rec.InitiativeIds[g], baseline.Initiatives[i].Score, after);
            }

            var secure = secureBefore is { } b && ReferenceRollup.SumPoints(all, achieved, _max).Percentage is { } a ? a - b : 0;
            steps.Add(new RemediationStep(rec, secure, gains));

            achieved[r] = _achieved[r];
            for (var j = _recMetricStart[r]; j < _recMetricStart[r + 1]; j++)
            {
                scores[_recMetrics[j]] = _scores[_recMetrics[j]];
            }
        }

        return new RemediationPlan(baseline, RemediationPlan.Rank(steps));
    }

    /// <summary>Whether asset <paramref name="a"/> is affected in metric <paramref name="m"/> through a member other than <paramref name="r"/>.</summary>
    private bool AffectedByOtherMembers(int m, int r, int a)
    {
        for (var j = _memberStart[m]; j < _memberStart[m + 1]; j++)
        {
            var k = _members[j];
            if (k == r || _recs[k].IsRiskAccepted || _recs[k].State == ComplianceState.MitigatedByOrganization)
            {
                continue;
            }

            var index = Array.BinarySearch(_assets, _recStart[k], _recStart[k + 1] - _recStart[k], a);
            if (index >= 0 && _status[index] == (byte)AssessmentStatus.Unhealthy)
            {
                return true;
            }
        }

        return false;
    }
}
