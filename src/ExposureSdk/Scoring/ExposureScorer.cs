namespace ExposureSdk.Scoring;

/// <summary>
/// The scoring engine: turns a snapshot into scores (domain rules §3), answers what-if questions and
/// ranks remediations. Pure and deterministic: no I/O, no clock, no logging, no static mutable state;
/// the result does not depend on the order of the snapshot's lists, and every sum runs in ascending
/// ordinal id order, so the same snapshot gives bit-identical scores.
/// </summary>
public static class ExposureScorer
{
    /// <summary>Scores a snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">The weights; <see langword="null"/> for the defaults (High 3, Medium 2, Low 1).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight in <paramref name="options"/> is not finite and greater than 0.</exception>
    public static ScoreReport Score(ExposureSnapshot snapshot, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var o = (options ?? new ScoringOptions()).Snapshot();
        return ReferenceRollup.Score(ScoringInput.From(snapshot), o);
    }

    /// <summary>Scores a snapshot as if the scenario's recommendations and assets were remediated.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="scenario">What is assumed remediated.</param>
    /// <param name="options">The weights; <see langword="null"/> for the defaults.</param>
    /// <returns>The report the remediated snapshot would give; no score is lower than in <see cref="Score"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The scenario names a recommendation the snapshot does not have.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight in <paramref name="options"/> is not finite and greater than 0.</exception>
    public static ScoreReport WhatIf(ExposureSnapshot snapshot, RemediationScenario scenario, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scenario);
        var o = (options ?? new ScoringOptions()).Snapshot();
        return ReferenceRollup.Score(ScoringInput.From(snapshot).Remediate(scenario), o);
    }

    /// <summary>
    /// Ranks the recommendations by the initiative-score gain remediating each one alone would bring
    /// (see <see cref="RemediationPlan"/>).
    /// </summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="options">The weights; <see langword="null"/> for the defaults.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight in <paramref name="options"/> is not finite and greater than 0.</exception>
    public static RemediationPlan PlanRemediation(ExposureSnapshot snapshot, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var o = (options ?? new ScoringOptions()).Snapshot();
        var input = ScoringInput.From(snapshot);
        var baseline = ReferenceRollup.Score(input, o);
        var steps = new List<RemediationStep>();
        foreach (var rec in baseline.Recommendations)
        {
            if (rec.Unhealthy == 0 || rec.IsRiskAccepted || rec.State == ComplianceState.MitigatedByOrganization)
            {
                continue;
            }

            var after = ReferenceRollup.Score(input.Remediate(new RemediationScenario([rec.Id])), o);
            var gains = rec.InitiativeIds
                .Select(id => new InitiativeGain(id, baseline.FindInitiative(id)!.Score, after.FindInitiative(id)!.Score))
                .ToArray();
            var secure = baseline.SecureScore.Percentage is { } b && after.SecureScore.Percentage is { } a ? a - b : 0;
            steps.Add(new RemediationStep(rec, secure, gains));
        }

        return new RemediationPlan(baseline, RemediationPlan.Rank(steps));
    }
}
