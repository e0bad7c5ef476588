using System.Text.Json.Serialization;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.History;

// The stored form of score cards and security events, format version 1 (see ScoreHistoryFormat).
// These shapes ARE the format: property names (camelCase), order and enum spellings are what history
// stores hold on disk. They are mapped to and from the public types, so renaming a public member does not
// change the format. Change a shape here only together with a new format version, and keep reading the old
// ones; the committed test assets (tests/*/TestData/score-history-v1.*) fail when a change slips through.

/// <summary>A stored score card.</summary>
internal sealed class StoredCard
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FormatVersion { get; init; }

    public required string TenantId { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    public double? SecureScore { get; init; }

    public StoredMetric[]? Metrics { get; init; }

    public StoredInitiative[]? Initiatives { get; init; }

    /// <summary>Absent in cards stored before the origin existed: <see cref="ScoreCardOrigin.Refresh"/>.</summary>
    public ScoreCardOrigin Origin { get; init; }
}

/// <summary>A stored metric of a card.</summary>
internal sealed class StoredMetric
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required MetricWeight Weight { get; init; }

    public required double NumericWeight { get; init; }

    public double? Score { get; init; }

    public required long Affected { get; init; }

    public required long Scope { get; init; }

    public required ScoreAvailability Availability { get; init; }

    public string? StaleReason { get; init; }

    public string[]? RecommendationIds { get; init; }

    public string[]? InitiativeIds { get; init; }

    public string[]? TopAffectedAssetIds { get; init; }

    /// <summary>Written only when true (an addition to format version 1: older cards read as exact).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Approximate { get; init; }
}

/// <summary>A stored initiative of a card.</summary>
internal sealed class StoredInitiative
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public double? Score { get; init; }

    public required ScoreAvailability Availability { get; init; }

    public string? StaleReason { get; init; }

    public StoredInitiativeMetric[]? Metrics { get; init; }

    public string[]? RecommendationIds { get; init; }

    public double? TargetScore { get; init; }

    /// <summary>Written only when true (an addition to format version 1: older cards read as exact).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Approximate { get; init; }
}

/// <summary>A stored metric membership of an initiative.</summary>
internal sealed class StoredInitiativeMetric
{
    public required string MetricId { get; init; }

    public required MetricWeight Weight { get; init; }

    public required double NumericWeight { get; init; }
}

/// <summary>A stored security event.</summary>
internal sealed class StoredEvent
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FormatVersion { get; init; }

    public required SecurityEventKind Kind { get; init; }

    public required DateTimeOffset Date { get; init; }

    public required string SubjectId { get; init; }

    public required string SubjectName { get; init; }

    public double? PreviousScore { get; init; }

    public double? CurrentScore { get; init; }

    public double? Drop { get; init; }

    public MetricWeight? Weight { get; init; }

    /// <summary>Written only when true (an addition to format version 1: older events read as exact).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Approximate { get; init; }

    public StoredInitiativeEffect[]? InitiativeEffects { get; init; }

    public StoredCauses? Causes { get; init; }
}

/// <summary>A stored effect of a metric drop on an initiative.</summary>
internal sealed class StoredInitiativeEffect
{
    public required string InitiativeId { get; init; }

    public required double Effect { get; init; }

    public required double WeightSum { get; init; }
}

/// <summary>The stored causes of a drop: one shape for metric and initiative drops (the kind tells which fields apply).</summary>
internal sealed class StoredCauses
{
    public string[]? NewlyAffectedAssetIds { get; init; }

    public long? AffectedDelta { get; init; }

    public long? ScopeDelta { get; init; }

    /// <summary>Written for readers of the stored form; derived from <see cref="ScopeDelta"/> and ignored on read.</summary>
    public long AssetsAddedToScope { get; init; }

    public string[]? RecommendationsAdded { get; init; }

    public string[]? RecommendationsRemoved { get; init; }

    public string[]? MetricsAdded { get; init; }

    public string[]? MetricsRemoved { get; init; }

    public StoredWeightChange[]? WeightChanges { get; init; }

    public StoredMetricScoreChange[]? MetricScoreChanges { get; init; }
}

/// <summary>A stored weight change.</summary>
internal sealed class StoredWeightChange
{
    public required string MetricId { get; init; }

    public required MetricWeight Previous { get; init; }

    public required MetricWeight Current { get; init; }
}

/// <summary>A stored metric score change.</summary>
internal sealed class StoredMetricScoreChange
{
    public required string MetricId { get; init; }

    public double? PreviousScore { get; init; }

    public double? CurrentScore { get; init; }
}

/// <summary>A stored history document: a format version, cards and events.</summary>
internal sealed class StoredHistory
{
    public required int FormatVersion { get; init; }

    public StoredCard[]? Cards { get; init; }

    public StoredEvent[]? Events { get; init; }
}

/// <summary>System.Text.Json source-generated metadata for the stored form (camelCase names, enums as strings, no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredCard))]
[JsonSerializable(typeof(StoredEvent))]
[JsonSerializable(typeof(StoredHistory))]
internal sealed partial class StoredHistoryJsonContext : JsonSerializerContext;
