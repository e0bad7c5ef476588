using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExposureSdk.Samples.Common;

// The JSON written by the CLI's --format json and by the web sample's /api routes (one definition, so both
// always agree). The fields of contracts §2 come first, with those exact names and
// types; the extra fields after them are additions the contract allows. Scores are full-precision
// numbers, null where a score is absent.

public sealed record DashboardJson(
    string TenantId,
    DateTimeOffset AsOf,
    SecureScoreJson SecureScore,
    IReadOnlyList<InitiativeJson> Initiatives,
    IReadOnlyList<MetricJson> Metrics,
    IReadOnlyList<RecommendationJson> Recommendations,
    IReadOnlyList<EventJson> Events,
    string Source,
    double ThresholdPoints,
    DateTimeOffset? PreviousAsOf,
    IReadOnlyList<SourceJson> Sources);

// contracts §2 "sources" (second edition, additive): one entry per source.
public sealed record SourceJson(
    string Name,
    string Status,
    string Detail,
    long Recommendations,
    long Assets,
    long Assessments,
    SecureScoreJson? Score,
    IReadOnlyList<SourcePartJson> Parts);

public sealed record SourcePartJson(string Name, string Status, string Detail);

public sealed record SecureScoreJson(double AchievedPoints, double MaxPoints, double? Percentage);

public sealed record InitiativeJson(
    string Id,
    string Name,
    double? Score,
    double? TargetScore,
    IReadOnlyList<InitiativeMetricJson> Metrics,
    string Kind,
    bool Favorite,
    bool Available,
    double? Movement24Hours,
    IReadOnlyList<TrendPointJson> Trend14Days,
    bool Approximate);

public sealed record InitiativeMetricJson(string Id, string Weight, double? Contribution, double? ScoreImpact);

public sealed record TrendPointJson(DateOnly Date, double Score);

public sealed record MetricJson(
    string Id,
    string Name,
    double? Score,
    bool Available,
    long Affected,
    long Scope,
    string Weight,
    double? MaxScoreImpact,
    bool Approximate);

public sealed record RecommendationJson(
    string Id,
    string Name,
    string State,
    string Impact,
    string Source,
    string Workload,
    string Domain,
    int RelatedMetrics,
    int RelatedInitiatives,
    bool RiskAccepted,
    long Healthy,
    long Unhealthy,
    double? MaxPoints);

public sealed record EventJson(
    string Kind,
    string SubjectId,
    string SubjectName,
    double? PreviousScore,
    double? CurrentScore,
    double? Drop,
    DateTimeOffset Date,
    string? Weight,
    bool Approximate);

public sealed record ExplanationJson(
    string TenantId,
    DateTimeOffset AsOf,
    string Kind,
    string Id,
    string Name,
    double? Score,
    string Formula,
    double? TargetScore,
    double? WeightSum,
    double? Exposure,
    long? Affected,
    long? Scope,
    string? Weight,
    SecureScoreJson? Points,
    IReadOnlyList<ExplainedMetricJson> Metrics,
    IReadOnlyList<ExplainedRecommendationJson> Recommendations,
    IReadOnlyList<ExplainedInitiativeJson> Initiatives,
    IReadOnlyList<string> TopAffectedAssetIds,
    bool Approximate);

public sealed record ExplainedMetricJson(string Id, string Name, string Weight, double NumericWeight, double? Score, bool Available, bool Included, double? Contribution, double? ScoreImpact);

public sealed record ExplainedRecommendationJson(string Id, string Name, string State, long Healthy, long Unhealthy, double AchievedPoints, double MaxPoints);

public sealed record ExplainedInitiativeJson(string Id, double? InitiativeScore, double WeightSum, double? Contribution, double? ScoreImpact);

public sealed record PlanJson(string TenantId, DateTimeOffset AsOf, string? InitiativeId, IReadOnlyList<PlanStepJson> Steps);

public sealed record PlanStepJson(string RecommendationId, string Name, long Unhealthy, double SecureScoreGain, double TotalInitiativeGain, IReadOnlyList<PlanGainJson> InitiativeGains);

public sealed record PlanGainJson(string InitiativeId, double? Before, double? After, double Gain);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DashboardJson))]
[JsonSerializable(typeof(ExplanationJson))]
[JsonSerializable(typeof(PlanJson))]
public sealed partial class ContractJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Gets the context used for output: the options of the attribute above, plus an encoder that keeps
    /// letters of every script readable (é, ü, 中) and escapes everything a source could use against the
    /// reader: control characters, bidi and other invisible format characters (<c>\u202E</c>), lone
    /// surrogates, and the HTML-sensitive <c>&lt; &gt; &amp; ' + `</c> (names are data: escaped, never altered).
    /// </summary>
    public static ContractJsonContext Output { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = SafeText.JsonEncoder,
    });
}
