using System.Collections.ObjectModel;

namespace ExposureSdk.Scoring;

/// <summary>What remediating one recommendation would do to one initiative's score.</summary>
public sealed class InitiativeGain
{
    internal InitiativeGain(InitiativeId initiativeId, double? before, double? after)
    {
        InitiativeId = initiativeId;
        Before = before;
        After = after;
        Gain = before is { } b && after is { } a ? a - b : 0;
    }

    /// <summary>The initiative.</summary>
    public InitiativeId InitiativeId { get; }

    /// <summary>The score today, or <see langword="null"/>.</summary>
    public double? Before { get; }

    /// <summary>The score after remediation, or <see langword="null"/>.</summary>
    public double? After { get; }

    /// <summary>After − before in points (0 when either is absent; never negative).</summary>
    public double Gain { get; }
}

/// <summary>One recommendation in a remediation plan and the score gains remediating it would bring.</summary>
public sealed class RemediationStep
{
    internal RemediationStep(RecommendationScore recommendation, double secureScoreGain, InitiativeGain[] gains)
    {
        RecommendationId = recommendation.Id;
        Name = recommendation.Name;
        Unhealthy = recommendation.Unhealthy;
        SecureScoreGain = secureScoreGain;
        InitiativeGains = gains.AsReadOnly();
        double total = 0;
        foreach (var g in gains)
        {
            total += g.Gain;
        }

        TotalInitiativeGain = total;
    }

    /// <summary>The recommendation.</summary>
    public RecommendationId RecommendationId { get; }

    /// <summary>Its display name.</summary>
    public string Name { get; }

    /// <summary>The unhealthy results remediating it would fix.</summary>
    public long Unhealthy { get; }

    /// <summary>The Secure Score gain in percentage points (0 when Secure Score is absent).</summary>
    public double SecureScoreGain { get; }

    /// <summary>The gain on every initiative it belongs to (directly or through a metric), in ordinal initiative id order.</summary>
    public IReadOnlyList<InitiativeGain> InitiativeGains { get; }

    /// <summary>The sum of <see cref="InitiativeGains"/> in points (summed in ordinal initiative id order).</summary>
    public double TotalInitiativeGain { get; }

    /// <summary>The gain on one initiative in points; 0 when the recommendation does not affect it.</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <returns>The gain.</returns>
    public double GainFor(InitiativeId initiativeId)
    {
        foreach (var g in InitiativeGains)
        {
            if (g.InitiativeId == initiativeId)
            {
                return g.Gain;
            }
        }

        return 0;
    }
}

/// <summary>
/// Recommendations ranked by the initiative-score gain remediating each one alone would bring: overall
/// by total gain over all initiatives, then Secure Score gain, then ordinal id; per initiative by the
/// gain on that initiative.
/// </summary>
/// <remarks>Candidates are the recommendations with at least one unhealthy result that are neither risk accepted nor MitigatedByOrganization.</remarks>
public sealed class RemediationPlan
{
    internal RemediationPlan(ScoreReport baseline, RemediationStep[] steps)
    {
        Baseline = baseline;
        Steps = steps.AsReadOnly();
    }

    /// <summary>The overall order: total initiative gain, then Secure Score gain (both descending), then ordinal id.</summary>
    internal static RemediationStep[] Rank(IEnumerable<RemediationStep> steps) => steps
        .OrderByDescending(s => s.TotalInitiativeGain)
        .ThenByDescending(s => s.SecureScoreGain)
        .ThenBy(s => s.RecommendationId.Value, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The scores today.</summary>
    public ScoreReport Baseline { get; }

    /// <summary>Every candidate, best first.</summary>
    public IReadOnlyList<RemediationStep> Steps { get; }

    /// <summary>The candidates that raise one initiative's score, by gain on it (best first, then ordinal id).</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <returns>The ranked steps; empty when nothing raises that initiative.</returns>
    public IReadOnlyList<RemediationStep> ForInitiative(InitiativeId initiativeId) =>
        new ReadOnlyCollection<RemediationStep>(Steps
            .Where(s => s.GainFor(initiativeId) > 0)
            .OrderByDescending(s => s.GainFor(initiativeId))
            .ThenBy(s => s.RecommendationId.Value, StringComparer.Ordinal)
            .ToList());
}
