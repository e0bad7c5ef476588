using ExposureSdk.ScoreCards;

namespace ExposureSdk.Tests.Events;

internal static class CardBuilders
{
    public static readonly DateTimeOffset Today = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    public static ScoreCardMetric M(string id, double? score, MetricWeight weight = MetricWeight.High, ScoreAvailability? availability = null, long affected = 0, long scope = 10, string[]? recs = null, string[]? initiatives = null, string[]? top = null)
        => new(id, "Metric " + id, weight, (double)(int)weight, score, affected, scope, availability ?? (score is null ? ScoreAvailability.Unavailable : ScoreAvailability.Available), null, Ids<RecommendationId>(recs), Ids<InitiativeId>(initiatives), Ids<AssetId>(top));

    /// <summary>Typed ids from their texts (the implicit conversion of each id type).</summary>
    public static T[]? Ids<T>(string[]? texts)
        where T : struct
        => texts?.Select(t => typeof(T) == typeof(RecommendationId) ? (T)(object)new RecommendationId(t)
            : typeof(T) == typeof(InitiativeId) ? (T)(object)new InitiativeId(t)
            : typeof(T) == typeof(MetricId) ? (T)(object)new MetricId(t)
            : (T)(object)new AssetId(t)).ToArray();

    public static ScoreCardInitiative I(string id, double? score, params (string Id, MetricWeight Weight)[] metrics)
        => new(id, "Initiative " + id, score, score is null ? ScoreAvailability.Unavailable : ScoreAvailability.Available, null,
            metrics.Select(m => new ScoreCardInitiativeMetric(m.Id, m.Weight, (int)m.Weight)).ToArray(), null, null);

    public static ScoreCard Card(DateTimeOffset asOf, ScoreCardMetric[]? metrics = null, ScoreCardInitiative[]? initiatives = null, double? secure = null)
        => new("tenant-1", asOf, secure, metrics, initiatives);
}
