using ExposureSdk.Events;

namespace ExposureSdk.Orleans.Views;

// The grain contract: what a dashboard asks a tenant grain and gets back, serialized by Orleans' generated
// serializers. These classes belong to this package: the core's model is never annotated for Orleans.

/// <summary>A security event (rules §4), as stored in the tenant's history.</summary>
[GenerateSerializer, Immutable]
public sealed class SecurityEventView
{
    /// <summary>Creates the message.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="kind">MetricScoreDrop, InitiativeScoreDrop or NewInitiative.</param>
    /// <param name="date">When it was raised (the refresh's time).</param>
    /// <param name="subjectId">The metric or initiative id.</param>
    /// <param name="subjectName">Its name.</param>
    /// <param name="previousScore">Yesterday's score.</param>
    /// <param name="currentScore">Today's score.</param>
    /// <param name="drop">The drop in points.</param>
    /// <param name="weight">For a metric, its weight.</param>
    /// <param name="isApproximate">Whether a score it compares is an approximate sum.</param>
    /// <param name="initiativeEffects">For a metric, its counterfactual effect on each initiative containing it.</param>
    /// <param name="newlyAffectedAssetIds">For a metric, the assets newly affected (causes).</param>
    public SecurityEventView(string tenantId, SecurityEventKind kind, DateTimeOffset date, string subjectId, string subjectName, double? previousScore, double? currentScore, double? drop, MetricWeight? weight, bool isApproximate, IReadOnlyList<InitiativeEffectView> initiativeEffects, IReadOnlyList<string> newlyAffectedAssetIds)
    {
        TenantId = tenantId;
        Kind = kind;
        Date = date;
        SubjectId = subjectId;
        SubjectName = subjectName;
        PreviousScore = previousScore;
        CurrentScore = currentScore;
        Drop = drop;
        Weight = weight;
        IsApproximate = isApproximate;
        InitiativeEffects = initiativeEffects;
        NewlyAffectedAssetIds = newlyAffectedAssetIds;
    }

    /// <summary>The tenant.</summary>
    [Id(0)]
    public string TenantId { get; }

    /// <summary>MetricScoreDrop, InitiativeScoreDrop or NewInitiative.</summary>
    [Id(1)]
    public SecurityEventKind Kind { get; }

    /// <summary>When it was raised (the refresh's time).</summary>
    [Id(2)]
    public DateTimeOffset Date { get; }

    /// <summary>The metric or initiative id.</summary>
    [Id(3)]
    public string SubjectId { get; }

    /// <summary>Its name.</summary>
    [Id(4)]
    public string SubjectName { get; }

    /// <summary>Yesterday's score.</summary>
    [Id(5)]
    public double? PreviousScore { get; }

    /// <summary>Today's score.</summary>
    [Id(6)]
    public double? CurrentScore { get; }

    /// <summary>The drop in points.</summary>
    [Id(7)]
    public double? Drop { get; }

    /// <summary>For a metric, its weight.</summary>
    [Id(8)]
    public MetricWeight? Weight { get; }

    /// <summary>Whether a score it compares is an approximate sum.</summary>
    [Id(9)]
    public bool IsApproximate { get; }

    /// <summary>For a metric, its counterfactual effect on each initiative containing it.</summary>
    [Id(10)]
    public IReadOnlyList<InitiativeEffectView> InitiativeEffects { get; }

    /// <summary>For a metric, the assets newly affected (causes).</summary>
    [Id(11)]
    public IReadOnlyList<string> NewlyAffectedAssetIds { get; }
}

/// <summary>A metric drop's effect on one initiative.</summary>
[GenerateSerializer, Immutable]
public sealed class InitiativeEffectView
{
    /// <summary>Creates the message.</summary>
    /// <param name="initiativeId">The initiative.</param>
    /// <param name="effect">Its score today with the metric put back to yesterday's, minus its score today.</param>
    public InitiativeEffectView(string initiativeId, double effect)
    {
        InitiativeId = initiativeId;
        Effect = effect;
    }

    /// <summary>The initiative.</summary>
    [Id(0)]
    public string InitiativeId { get; }

    /// <summary>Its score today with the metric put back to yesterday's, minus its score today.</summary>
    [Id(1)]
    public double Effect { get; }
}

/// <summary>
/// One transition of a day's event (rules §4), as published on the tenant's stream: each transition once per
/// recorded refresh. <see cref="Key"/> names the day's event (tenant, kind, subject, day), so a consumer that
/// may see a transition twice (a stream provider that redelivers) can keep the latest per key.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class SecurityEventNotification
{
    /// <summary>Creates the message.</summary>
    /// <param name="transition">Raised, Updated or Withdrawn.</param>
    /// <param name="event">The day's event after the change (for a withdrawal, as it stood before).</param>
    /// <param name="refreshAsOf">The time of the refresh that made the change.</param>
    /// <param name="key">The day's event: <c>tenant/kind/subject/yyyy-MM-dd</c> (the day in the pipeline's time zone).</param>
    public SecurityEventNotification(SecurityEventTransition transition, SecurityEventView @event, DateTimeOffset refreshAsOf, string key)
    {
        Transition = transition;
        Event = @event;
        RefreshAsOf = refreshAsOf;
        Key = key;
    }

    /// <summary>Raised, Updated or Withdrawn.</summary>
    [Id(0)]
    public SecurityEventTransition Transition { get; }

    /// <summary>The day's event after the change (for a withdrawal, as it stood before).</summary>
    [Id(1)]
    public SecurityEventView Event { get; }

    /// <summary>The time of the refresh that made the change.</summary>
    [Id(2)]
    public DateTimeOffset RefreshAsOf { get; }

    /// <summary>The day's event: <c>tenant/kind/subject/yyyy-MM-dd</c> (the day in the pipeline's time zone).</summary>
    [Id(3)]
    public string Key { get; }
}
