namespace ExposureSdk.Scoring;

/// <summary>How a recommendation's results were given.</summary>
public enum ResultKind
{
    /// <summary>No result: no assessment and no counts.</summary>
    None = 0,

    /// <summary>Per-asset assessments (used whenever the recommendation has at least one assessment).</summary>
    PerAsset = 1,

    /// <summary>Counts only (<see cref="Recommendation.Counts"/>), used when the recommendation has no assessment.</summary>
    CountOnly = 2,
}

/// <summary>
/// The scored state of one recommendation: its compliance state, result counts and Secure Score style
/// points (domain rules §2–3).
/// </summary>
/// <remarks>
/// <para>Derived state: <see cref="ComplianceState.NotCompliant"/> if any assessed asset is unhealthy,
/// <see cref="ComplianceState.Compliant"/> if at least one is healthy and none unhealthy,
/// <see cref="ComplianceState.NotAvailable"/> if none was assessed. A state the source gives explicitly
/// (<see cref="Recommendation.State"/>) wins over the derived one.</para>
/// <para>Points: risk accepted → 0 of 0 (excluded from both sums); no max points → 0 of 0;
/// MitigatedByOrganization → max of max; no healthy or unhealthy result → 0 of 0; otherwise
/// max × healthy / (healthy + unhealthy) of max (partial credit).</para>
/// </remarks>
public sealed class RecommendationScore
{
    internal RecommendationScore(
        Recommendation recommendation,
        ComplianceState state,
        ComplianceState derivedState,
        bool isStateExplicit,
        ResultKind resultKind,
        long healthy,
        long unhealthy,
        long notApplicable,
        PointsScore points,
        bool countsTowardPoints,
        IReadOnlyList<MetricId> metricIds,
        IReadOnlyList<InitiativeId> initiativeIds)
    {
        Id = recommendation.Id;
        Name = recommendation.Name;
        Source = recommendation.Source;
        Workload = recommendation.Workload;
        Domain = recommendation.Domain;
        Impact = recommendation.Impact;
        State = state;
        DerivedState = derivedState;
        IsStateExplicit = isStateExplicit;
        IsRiskAccepted = recommendation.IsRiskAccepted;
        ResultKind = resultKind;
        Healthy = healthy;
        Unhealthy = unhealthy;
        NotApplicable = notApplicable;
        Points = points;
        CountsTowardPoints = countsTowardPoints;
        MetricIds = metricIds;
        InitiativeIds = initiativeIds;
    }

    /// <summary>The recommendation's identifier.</summary>
    public RecommendationId Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The source it came from.</summary>
    public RecommendationSource Source { get; }

    /// <summary>The workload.</summary>
    public Workload Workload { get; }

    /// <summary>The security domain.</summary>
    public SecurityDomain Domain { get; }

    /// <summary>The impact.</summary>
    public Impact Impact { get; }

    /// <summary>The compliance state: the explicit state when the source gave one, otherwise <see cref="DerivedState"/>.</summary>
    public ComplianceState State { get; }

    /// <summary>The state derived from the results alone.</summary>
    public ComplianceState DerivedState { get; }

    /// <summary>
    /// Whether <see cref="State"/> is the state the source gave explicitly; <see langword="false"/> when it is
    /// <see cref="DerivedState"/>, including in a what-if report whose scenario dropped the explicit state.
    /// </summary>
    public bool IsStateExplicit { get; }

    /// <summary>Whether the organization accepted the risk: excluded from points and (Decision) from metrics.</summary>
    public bool IsRiskAccepted { get; }

    /// <summary>How the results were given.</summary>
    public ResultKind ResultKind { get; }

    /// <summary>Healthy results: assets (per asset) or total − affected (count-only).</summary>
    public long Healthy { get; }

    /// <summary>Unhealthy results: assets (per asset) or the affected count (count-only).</summary>
    public long Unhealthy { get; }

    /// <summary>Not-applicable results (per asset only; 0 for count-only).</summary>
    public long NotApplicable { get; }

    /// <summary>Assessed results: <see cref="Healthy"/> + <see cref="Unhealthy"/>.</summary>
    public long Assessed => Healthy + Unhealthy;

    /// <summary>Secure Score style points; 0 of 0 when the recommendation adds nothing to either sum.</summary>
    public PointsScore Points { get; }

    /// <summary>Whether the recommendation adds to the point sums (it has max points, is not risk accepted, and is assessed or mitigated).</summary>
    public bool CountsTowardPoints { get; }

    /// <summary>The metrics it belongs to (by id or selector), in ordinal id order.</summary>
    public IReadOnlyList<MetricId> MetricIds { get; }

    /// <summary>The initiatives it belongs to, directly or through a metric, in ordinal id order.</summary>
    public IReadOnlyList<InitiativeId> InitiativeIds { get; }
}
