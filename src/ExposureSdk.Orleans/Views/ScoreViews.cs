using ExposureSdk.ScoreCards;

namespace ExposureSdk.Orleans.Views;

// The grain contract: what a dashboard asks a tenant grain and gets back, serialized by Orleans' generated
// serializers. These classes belong to this package: the core's model is never annotated for Orleans.

/// <summary>The tenant's scores at a glance: what a dashboard's first page and a portfolio query need.</summary>
[GenerateSerializer, Immutable]
public sealed class TenantSummaryView
{
    /// <summary>Creates the message.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="asOf">When the scores were computed (UTC).</param>
    /// <param name="secureScore">The Secure Score in percent, or <see langword="null"/>.</param>
    /// <param name="initiatives">The initiatives, favorites first, then by name.</param>
    /// <param name="metrics">The metrics, by name.</param>
    /// <param name="isFromHistory"><see langword="true"/> when the scores come from the tenant's latest stored card because this activation has not refreshed yet (after a silo failure or a deactivation); <see langword="false"/> when they come from the scored dataset the grain holds.</param>
    public TenantSummaryView(string tenantId, DateTimeOffset asOf, double? secureScore, IReadOnlyList<InitiativeView> initiatives, IReadOnlyList<MetricView> metrics, bool isFromHistory)
    {
        TenantId = tenantId;
        AsOf = asOf;
        SecureScore = secureScore;
        Initiatives = initiatives;
        Metrics = metrics;
        IsFromHistory = isFromHistory;
    }

    /// <summary>The tenant.</summary>
    [Id(0)]
    public string TenantId { get; }

    /// <summary>When the scores were computed (UTC).</summary>
    [Id(1)]
    public DateTimeOffset AsOf { get; }

    /// <summary>The Secure Score in percent, or <see langword="null"/>.</summary>
    [Id(2)]
    public double? SecureScore { get; }

    /// <summary>The initiatives, favorites first, then by name.</summary>
    [Id(3)]
    public IReadOnlyList<InitiativeView> Initiatives { get; }

    /// <summary>The metrics, by name.</summary>
    [Id(4)]
    public IReadOnlyList<MetricView> Metrics { get; }

    /// <summary><see langword="true"/> when the scores come from the tenant's latest stored card because this activation has not refreshed yet (after a silo failure or a deactivation); <see langword="false"/> when they come from the scored dataset the grain holds.</summary>
    [Id(5)]
    public bool IsFromHistory { get; }
}

/// <summary>An initiative's score on a card.</summary>
[GenerateSerializer, Immutable]
public sealed class InitiativeView
{
    /// <summary>Creates the message.</summary>
    /// <param name="id">The initiative's id.</param>
    /// <param name="name">Its name.</param>
    /// <param name="score">Its score in percent, or <see langword="null"/>.</param>
    /// <param name="targetScore">The user-set target, or <see langword="null"/>.</param>
    /// <param name="availability">Available, Unavailable or Stale.</param>
    /// <param name="staleReason">Why it is stale.</param>
    /// <param name="isApproximate">Whether an included metric's counts are an approximate sum (rules §3).</param>
    /// <param name="isFavorite">Whether the user marked it a favorite.</param>
    public InitiativeView(string id, string name, double? score, double? targetScore, ScoreAvailability availability, string? staleReason, bool isApproximate, bool isFavorite)
    {
        Id = id;
        Name = name;
        Score = score;
        TargetScore = targetScore;
        Availability = availability;
        StaleReason = staleReason;
        IsApproximate = isApproximate;
        IsFavorite = isFavorite;
    }

    /// <summary>The initiative's id.</summary>
    [Id(0)]
    public string Id { get; }

    /// <summary>Its name.</summary>
    [Id(1)]
    public string Name { get; }

    /// <summary>Its score in percent, or <see langword="null"/>.</summary>
    [Id(2)]
    public double? Score { get; }

    /// <summary>The user-set target, or <see langword="null"/>.</summary>
    [Id(3)]
    public double? TargetScore { get; }

    /// <summary>Available, Unavailable or Stale.</summary>
    [Id(4)]
    public ScoreAvailability Availability { get; }

    /// <summary>Why it is stale.</summary>
    [Id(5)]
    public string? StaleReason { get; }

    /// <summary>Whether an included metric's counts are an approximate sum (rules §3).</summary>
    [Id(6)]
    public bool IsApproximate { get; }

    /// <summary>Whether the user marked it a favorite.</summary>
    [Id(7)]
    public bool IsFavorite { get; }
}

/// <summary>A metric's score on a card.</summary>
[GenerateSerializer, Immutable]
public sealed class MetricView
{
    /// <summary>Creates the message.</summary>
    /// <param name="id">The metric's id.</param>
    /// <param name="name">Its name.</param>
    /// <param name="weight">Its weight.</param>
    /// <param name="score">Its score (progress) in percent, or <see langword="null"/>.</param>
    /// <param name="scope">Assets in scope.</param>
    /// <param name="affected">Affected assets.</param>
    /// <param name="availability">Available, Unavailable or Stale.</param>
    /// <param name="staleReason">Why it is stale.</param>
    /// <param name="isApproximate">Whether its counts are an approximate sum (rules §3).</param>
    public MetricView(string id, string name, MetricWeight weight, double? score, long scope, long affected, ScoreAvailability availability, string? staleReason, bool isApproximate)
    {
        Id = id;
        Name = name;
        Weight = weight;
        Score = score;
        Scope = scope;
        Affected = affected;
        Availability = availability;
        StaleReason = staleReason;
        IsApproximate = isApproximate;
    }

    /// <summary>The metric's id.</summary>
    [Id(0)]
    public string Id { get; }

    /// <summary>Its name.</summary>
    [Id(1)]
    public string Name { get; }

    /// <summary>Its weight.</summary>
    [Id(2)]
    public MetricWeight Weight { get; }

    /// <summary>Its score (progress) in percent, or <see langword="null"/>.</summary>
    [Id(3)]
    public double? Score { get; }

    /// <summary>Assets in scope.</summary>
    [Id(4)]
    public long Scope { get; }

    /// <summary>Affected assets.</summary>
    [Id(5)]
    public long Affected { get; }

    /// <summary>Available, Unavailable or Stale.</summary>
    [Id(6)]
    public ScoreAvailability Availability { get; }

    /// <summary>Why it is stale.</summary>
    [Id(7)]
    public string? StaleReason { get; }

    /// <summary>Whether its counts are an approximate sum (rules §3).</summary>
    [Id(8)]
    public bool IsApproximate { get; }
}

/// <summary>The tenant's full report: the summary, every provider's outcome and the recommendation counts by state.</summary>
[GenerateSerializer, Immutable]
public sealed class TenantReportView
{
    /// <summary>Creates the message.</summary>
    /// <param name="summary">The scores at a glance.</param>
    /// <param name="providers">Each provider's outcome in the refresh.</param>
    /// <param name="warnings">The refresh's warnings.</param>
    /// <param name="recommendationCount">How many recommendations are shown.</param>
    /// <param name="notCompliantCount">How many are not compliant.</param>
    /// <param name="isFullCoverage">Whether every source was read in full.</param>
    /// <param name="bytes">Approximate bytes the grain holds for the tenant's scored data (recommendations, assessments, report).</param>
    public TenantReportView(TenantSummaryView summary, IReadOnlyList<ProviderOutcomeView> providers, IReadOnlyList<string> warnings, int recommendationCount, int notCompliantCount, bool isFullCoverage, long bytes)
    {
        Summary = summary;
        Providers = providers;
        Warnings = warnings;
        RecommendationCount = recommendationCount;
        NotCompliantCount = notCompliantCount;
        IsFullCoverage = isFullCoverage;
        Bytes = bytes;
    }

    /// <summary>The scores at a glance.</summary>
    [Id(0)]
    public TenantSummaryView Summary { get; }

    /// <summary>Each provider's outcome in the refresh.</summary>
    [Id(1)]
    public IReadOnlyList<ProviderOutcomeView> Providers { get; }

    /// <summary>The refresh's warnings.</summary>
    [Id(2)]
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>How many recommendations are shown.</summary>
    [Id(3)]
    public int RecommendationCount { get; }

    /// <summary>How many are not compliant.</summary>
    [Id(4)]
    public int NotCompliantCount { get; }

    /// <summary>Whether every source was read in full.</summary>
    [Id(5)]
    public bool IsFullCoverage { get; }

    /// <summary>Approximate bytes the grain holds for the tenant's scored data (recommendations, assessments, report).</summary>
    [Id(6)]
    public long Bytes { get; }
}

/// <summary>Points achieved of points possible.</summary>
[GenerateSerializer, Immutable]
public sealed class PointsView
{
    /// <summary>Creates the message.</summary>
    /// <param name="achieved">Points achieved.</param>
    /// <param name="max">Points possible.</param>
    public PointsView(double achieved, double max)
    {
        Achieved = achieved;
        Max = max;
    }

    /// <summary>Points achieved.</summary>
    [Id(0)]
    public double Achieved { get; }

    /// <summary>Points possible.</summary>
    [Id(1)]
    public double Max { get; }
}
