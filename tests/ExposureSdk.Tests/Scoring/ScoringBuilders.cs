using ExposureSdk.Scoring;

namespace ExposureSdk.Tests.Scoring;

/// <summary>Terse builders for scoring tests.</summary>
internal static class ScoringBuilders
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    public static Recommendation Rec(
        string id,
        double? maxPoints = null,
        ComplianceState? state = null,
        bool riskAccepted = false,
        ResultCounts? counts = null,
        string source = "Microsoft Secure Score",
        string workload = "Intune",
        string domain = "Devices",
        IEnumerable<string>? tags = null)
        => new(id, "Name of " + id, source, workload, domain, Impact.High, maxPoints: maxPoints, state: state, isRiskAccepted: riskAccepted, counts: counts, tags: tags);

    public static Assessment H(string rec, string asset) => new(rec, asset, AssessmentStatus.Healthy);

    public static Assessment U(string rec, string asset) => new(rec, asset, AssessmentStatus.Unhealthy);

    public static Assessment NA(string rec, string asset) => new(rec, asset, AssessmentStatus.NotApplicable);

    public static Metric Met(string id, MetricWeight weight, params string[] recs) => new(id, "Metric " + id, weight, recs.Select(r => (RecommendationId)r));

    public static Initiative Ini(string id, string[]? metrics = null, string[]? recs = null, double? target = null)
        => new(id, "Initiative " + id, InitiativeKind.Workload, metrics?.Select(m => (MetricId)m), recs?.Select(r => (RecommendationId)r), target);

    public static ExposureSnapshot Snap(
        IEnumerable<Recommendation>? recs = null,
        IEnumerable<Assessment>? assessments = null,
        IEnumerable<Metric>? metrics = null,
        IEnumerable<Initiative>? initiatives = null)
        => new("tenant-1", AsOf, recs, null, assessments, metrics, initiatives);

    public static ScoreReport Score(ExposureSnapshot snapshot, ScoringOptions? options = null) => ExposureScorer.Score(snapshot, options);
}
