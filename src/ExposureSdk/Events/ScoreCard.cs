namespace ExposureSdk.Events;

/// <summary>Whether a score on a score card can be compared.</summary>
public enum ScoreAvailability
{
    /// <summary>The score was computed from fresh data.</summary>
    Available = 0,

    /// <summary>The score cannot be computed (a metric with scope 0, an initiative without an included metric or points).</summary>
    Unavailable = 1,

    /// <summary>The source failed or was not polled: the score is not current and is never compared.</summary>
    Stale = 2,
}

/// <summary>Where a score card's scores come from.</summary>
public enum ScoreCardOrigin
{
    /// <summary>Scored by a refresh from what the sources said at the time.</summary>
    Refresh = 0,

    /// <summary>
    /// Rebuilt for an earlier day from a source's own record of that day (see
    /// <see cref="Providers.ExposureSourceProvider.GetHistoryAsync"/>), when the first refresh of a tenant
    /// found its history empty. Today's definitions of metrics and initiatives are applied to that day's
    /// results; a metric or initiative that also depends on a source without history is
    /// <see cref="ScoreAvailability.Stale"/>, so it is never compared.
    /// </summary>
    SourceHistory = 1,
}

/// <summary>
/// The compact, serializable record of one refresh's scores that the history store keeps and that
/// score-drop detection compares (domain rules §4). Created by <c>ScoreReport.ToScoreCard()</c>;
/// immutable; metrics and initiatives are kept in ordinal id order.
/// </summary>
/// <remarks>A plain data shape (get-only properties and one constructor) for System.Text.Json; see <see cref="EventsJsonContext"/>.</remarks>
public sealed class ScoreCard
{
    private readonly Dictionary<string, int> _metrics;
    private readonly Dictionary<string, int> _initiatives;

    /// <summary>Creates a score card.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="asOf">When the scored snapshot was read; stored in UTC.</param>
    /// <param name="secureScore">Secure Score in percent (0–100), or <see langword="null"/> when absent.</param>
    /// <param name="metrics">The metrics (unique ids).</param>
    /// <param name="initiatives">The initiatives (unique ids).</param>
    /// <param name="origin">Where the scores come from; <see cref="ScoreCardOrigin.Refresh"/> unless the card was rebuilt from a source's history.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/> or a list contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tenant id is empty or an id is repeated (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="secureScore"/> is outside 0–100, or <paramref name="origin"/> is not defined.</exception>
    public ScoreCard(
        string tenantId,
        DateTimeOffset asOf,
        double? secureScore,
        IReadOnlyList<ScoreCardMetric>? metrics,
        IReadOnlyList<ScoreCardInitiative>? initiatives,
        ScoreCardOrigin origin = ScoreCardOrigin.Refresh)
    {
        if (!Enum.IsDefined(origin))
        {
            throw new ArgumentOutOfRangeException(nameof(origin), origin, "Not a defined ScoreCardOrigin.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        TenantId = tenantId;
        AsOf = asOf.ToUniversalTime();
        SecureScore = CardChecks.Score(secureScore, nameof(secureScore));
        var m = CardChecks.NoNulls(metrics, nameof(metrics)).OrderBy(x => x.Id, StringComparer.Ordinal).ToArray();
        var i = CardChecks.NoNulls(initiatives, nameof(initiatives)).OrderBy(x => x.Id, StringComparer.Ordinal).ToArray();
        _metrics = new Dictionary<string, int>(m.Length, StringComparer.Ordinal);
        for (var k = 0; k < m.Length; k++)
        {
            if (!_metrics.TryAdd(m[k].Id, k))
            {
                throw new ArgumentException($"The score card repeats metric '{m[k].Id}'.", nameof(metrics));
            }
        }

        _initiatives = new Dictionary<string, int>(i.Length, StringComparer.Ordinal);
        for (var k = 0; k < i.Length; k++)
        {
            if (!_initiatives.TryAdd(i[k].Id, k))
            {
                throw new ArgumentException($"The score card repeats initiative '{i[k].Id}'.", nameof(initiatives));
            }
        }

        MetricArray = m;
        InitiativeArray = i;
        MetricIdArray = new string[m.Length];
        ComparableMetricScores = new double[m.Length];
        for (var k = 0; k < m.Length; k++)
        {
            MetricIdArray[k] = m[k].Id;
            ComparableMetricScores[k] = m[k].Availability == ScoreAvailability.Available && m[k].Score is { } score ? score : double.NaN;
        }

        InitiativeIdArray = new string[i.Length];
        ComparableInitiativeScores = new double[i.Length];
        for (var k = 0; k < i.Length; k++)
        {
            InitiativeIdArray[k] = i[k].Id;
            ComparableInitiativeScores[k] = i[k].Availability == ScoreAvailability.Available && i[k].Score is { } score ? score : double.NaN;
        }
        Metrics = m.AsReadOnly();
        Initiatives = i.AsReadOnly();
        Origin = origin;
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>When the scored snapshot was read, in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Secure Score in percent, or <see langword="null"/> when absent.</summary>
    public double? SecureScore { get; }

    /// <summary>The metrics, in ordinal id order.</summary>
    public IReadOnlyList<ScoreCardMetric> Metrics { get; }

    /// <summary>The initiatives, in ordinal id order.</summary>
    public IReadOnlyList<ScoreCardInitiative> Initiatives { get; }

    /// <summary>Where the scores come from: a refresh, or a source's record of an earlier day.</summary>
    public ScoreCardOrigin Origin { get; }

    /// <summary>Finds a metric.</summary>
    /// <param name="id">The metric id (ordinal).</param>
    /// <returns>The metric, or <see langword="null"/>.</returns>
    public ScoreCardMetric? FindMetric(string id) => IndexOfMetric(id) is var k and >= 0 ? MetricArray[k] : null;

    /// <summary>Finds an initiative.</summary>
    /// <param name="id">The initiative id (ordinal).</param>
    /// <returns>The initiative, or <see langword="null"/>.</returns>
    public ScoreCardInitiative? FindInitiative(string id) => IndexOfInitiative(id) is var k and >= 0 ? InitiativeArray[k] : null;

    /// <summary>The metrics, in ordinal id order (the array behind <see cref="Metrics"/>; never written).</summary>
    internal ScoreCardMetric[] MetricArray { get; }

    /// <summary>The initiatives, in ordinal id order (the array behind <see cref="Initiatives"/>; never written).</summary>
    internal ScoreCardInitiative[] InitiativeArray { get; }

    /// <summary>The metric ids in <see cref="MetricArray"/> order (score-drop detection merges these flat arrays).</summary>
    internal string[] MetricIdArray { get; }

    /// <summary>Each metric's score when it can be compared (available, with a score), otherwise NaN; in <see cref="MetricArray"/> order.</summary>
    internal double[] ComparableMetricScores { get; }

    /// <summary>The initiative ids in <see cref="InitiativeArray"/> order.</summary>
    internal string[] InitiativeIdArray { get; }

    /// <summary>Each initiative's score when it can be compared (available, with a score), otherwise NaN; in <see cref="InitiativeArray"/> order.</summary>
    internal double[] ComparableInitiativeScores { get; }

    /// <summary>The position of a metric in <see cref="MetricArray"/>, or -1.</summary>
    internal int IndexOfMetric(string id) => id is not null && _metrics.TryGetValue(id, out var k) ? k : -1;

    /// <summary>The position of an initiative in <see cref="InitiativeArray"/>, or -1.</summary>
    internal int IndexOfInitiative(string id) => id is not null && _initiatives.TryGetValue(id, out var k) ? k : -1;

    /// <summary>
    /// A copy in which the given metrics are <see cref="ScoreAvailability.Stale"/> with a reason (for
    /// example because their provider failed), and so is every initiative that contains one of them.
    /// Scores are kept as they were; stale scores are never compared.
    /// </summary>
    /// <param name="metricIds">The metrics whose data is stale.</param>
    /// <param name="reason">Why (for example "provider 'Microsoft Graph' failed: 503").</param>
    /// <returns>The new card; this card is unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty, or a metric id is not on the card.</exception>
    public ScoreCard WithStaleMetrics(IEnumerable<string> metricIds, string reason)
    {
        ArgumentNullException.ThrowIfNull(metricIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var stale = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in metricIds)
        {
            if (id is null || !_metrics.ContainsKey(id))
            {
                throw new ArgumentException($"The score card has no metric '{id}'.", nameof(metricIds));
            }

            stale.Add(id);
        }

        var metrics = Metrics.Select(m => stale.Contains(m.Id) ? m.WithAvailability(ScoreAvailability.Stale, reason) : m).ToArray();
        var initiatives = Initiatives
            .Select(i => i.Metrics.Any(m => stale.Contains(m.MetricId)) ? i.WithAvailability(ScoreAvailability.Stale, reason) : i)
            .ToArray();
        return new ScoreCard(TenantId, AsOf, SecureScore, metrics, initiatives, Origin);
    }

    /// <summary>A copy with other initiatives; everything else is kept.</summary>
    internal ScoreCard WithInitiatives(IReadOnlyList<ScoreCardInitiative> initiatives)
        => new(TenantId, AsOf, SecureScore, Metrics, initiatives, Origin);

    /// <summary>A copy marked as rebuilt from source history, with the given Secure Score.</summary>
    internal ScoreCard AsSourceHistory(double? secureScore)
        => new(TenantId, AsOf, secureScore, Metrics, Initiatives, ScoreCardOrigin.SourceHistory);
}

/// <summary>One metric on a score card.</summary>
public sealed class ScoreCardMetric
{
    /// <summary>Creates a metric entry.</summary>
    /// <param name="id">The metric id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="weight">The weight.</param>
    /// <param name="numericWeight">The numeric weight used for scoring (0 or more, finite).</param>
    /// <param name="score">The score in percent (0–100), or <see langword="null"/>.</param>
    /// <param name="affected">Affected assets (0 or more, at most <paramref name="scope"/>).</param>
    /// <param name="scope">Assets in scope (0 or more).</param>
    /// <param name="availability">Whether the score can be compared.</param>
    /// <param name="staleReason">Why the data is stale, if it is.</param>
    /// <param name="recommendationIds">Member recommendation ids.</param>
    /// <param name="initiativeIds">Ids of the initiatives that contain it.</param>
    /// <param name="topAffectedAssetIds">The first affected asset ids in ordinal order (at most 100 kept).</param>
    /// <exception cref="ArgumentException">An id or name is empty, or a list holds an empty item.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number or enum value is out of range.</exception>
    public ScoreCardMetric(
        string id,
        string name,
        MetricWeight weight,
        double numericWeight,
        double? score,
        long affected,
        long scope,
        ScoreAvailability availability,
        string? staleReason,
        IReadOnlyList<string>? recommendationIds,
        IReadOnlyList<string>? initiativeIds,
        IReadOnlyList<string>? topAffectedAssetIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!Enum.IsDefined(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, $"Metric '{id}': not a defined MetricWeight.");
        }

        if (!double.IsFinite(numericWeight) || numericWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numericWeight), numericWeight, $"Metric '{id}': the numeric weight must be finite and 0 or more.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(scope);
        ArgumentOutOfRangeException.ThrowIfNegative(affected);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(affected, scope);
        Id = id;
        Name = name;
        Weight = weight;
        NumericWeight = numericWeight;
        Score = CardChecks.Score(score, nameof(score));
        Affected = affected;
        Scope = scope;
        Availability = CardChecks.Availability(availability);
        StaleReason = staleReason;
        RecommendationIdArray = CardChecks.Ids(recommendationIds, nameof(recommendationIds), int.MaxValue);
        InitiativeIdArray = CardChecks.Ids(initiativeIds, nameof(initiativeIds), int.MaxValue);
        TopAffectedAssetIdArray = CardChecks.Ids(topAffectedAssetIds, nameof(topAffectedAssetIds), Scoring.MetricScore.TopAffectedLimit);
        RecommendationIds = RecommendationIdArray.AsReadOnly();
        InitiativeIds = InitiativeIdArray.AsReadOnly();
        TopAffectedAssetIds = TopAffectedAssetIdArray.AsReadOnly();
    }

    /// <summary>The metric id.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The weight.</summary>
    public MetricWeight Weight { get; }

    /// <summary>The numeric weight used for scoring.</summary>
    public double NumericWeight { get; }

    /// <summary>The score in percent, or <see langword="null"/>.</summary>
    public double? Score { get; }

    /// <summary>Affected assets.</summary>
    public long Affected { get; }

    /// <summary>Assets in scope.</summary>
    public long Scope { get; }

    /// <summary>Whether the score can be compared.</summary>
    public ScoreAvailability Availability { get; }

    /// <summary>Why the data is stale, if it is.</summary>
    public string? StaleReason { get; }

    /// <summary>Member recommendation ids, in ordinal order.</summary>
    public IReadOnlyList<string> RecommendationIds { get; }

    /// <summary>Ids of the initiatives that contain the metric, in ordinal order.</summary>
    public IReadOnlyList<string> InitiativeIds { get; }

    /// <summary>The first affected asset ids in ordinal order (at most 100).</summary>
    public IReadOnlyList<string> TopAffectedAssetIds { get; }

    /// <summary>The array behind <see cref="RecommendationIds"/> (never written).</summary>
    internal string[] RecommendationIdArray { get; }

    /// <summary>The array behind <see cref="InitiativeIds"/> (never written).</summary>
    internal string[] InitiativeIdArray { get; }

    /// <summary>The array behind <see cref="TopAffectedAssetIds"/> (never written).</summary>
    internal string[] TopAffectedAssetIdArray { get; }

    internal ScoreCardMetric WithAvailability(ScoreAvailability availability, string? reason) =>
        new(Id, Name, Weight, NumericWeight, Score, Affected, Scope, availability, reason, RecommendationIds, InitiativeIds, TopAffectedAssetIds);
}

/// <summary>One metric's membership in an initiative on a score card.</summary>
public sealed class ScoreCardInitiativeMetric
{
    /// <summary>Creates a membership.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="weight">The metric's weight.</param>
    /// <param name="numericWeight">The numeric weight (finite, 0 or more).</param>
    /// <exception cref="ArgumentException"><paramref name="metricId"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The weight is not defined or the numeric weight is out of range.</exception>
    public ScoreCardInitiativeMetric(string metricId, MetricWeight weight, double numericWeight)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metricId);
        if (!Enum.IsDefined(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "Not a defined MetricWeight.");
        }

        if (!double.IsFinite(numericWeight) || numericWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numericWeight), numericWeight, "The numeric weight must be finite and 0 or more.");
        }

        MetricId = metricId;
        Weight = weight;
        NumericWeight = numericWeight;
    }

    /// <summary>The metric id.</summary>
    public string MetricId { get; }

    /// <summary>The metric's weight.</summary>
    public MetricWeight Weight { get; }

    /// <summary>The numeric weight.</summary>
    public double NumericWeight { get; }
}

/// <summary>One initiative on a score card.</summary>
public sealed class ScoreCardInitiative
{
    /// <summary>Creates an initiative entry.</summary>
    /// <param name="id">The initiative id.</param>
    /// <param name="name">The display name.</param>
    /// <param name="score">The score in percent (0–100), or <see langword="null"/>.</param>
    /// <param name="availability">Whether the score can be compared.</param>
    /// <param name="staleReason">Why the data is stale, if it is.</param>
    /// <param name="metrics">Its metrics and their weights.</param>
    /// <param name="recommendationIds">The recommendations it lists directly.</param>
    /// <param name="targetScore">The user-set target (0–100), if any.</param>
    /// <exception cref="ArgumentException">An id or name is empty, or a list holds an empty or repeated item.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 0–100 or the availability is not defined.</exception>
    public ScoreCardInitiative(
        string id,
        string name,
        double? score,
        ScoreAvailability availability,
        string? staleReason,
        IReadOnlyList<ScoreCardInitiativeMetric>? metrics,
        IReadOnlyList<string>? recommendationIds,
        double? targetScore)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        Score = CardChecks.Score(score, nameof(score));
        Availability = CardChecks.Availability(availability);
        StaleReason = staleReason;
        var m = CardChecks.NoNulls(metrics, nameof(metrics)).OrderBy(x => x.MetricId, StringComparer.Ordinal).ToArray();
        if (m.Select(x => x.MetricId).Distinct(StringComparer.Ordinal).Count() != m.Length)
        {
            throw new ArgumentException($"Initiative '{id}' lists a metric twice.", nameof(metrics));
        }

        MetricArray = m;
        Metrics = m.AsReadOnly();
        RecommendationIdArray = CardChecks.Ids(recommendationIds, nameof(recommendationIds), int.MaxValue);
        RecommendationIds = RecommendationIdArray.AsReadOnly();
        TargetScore = CardChecks.Score(targetScore, nameof(targetScore));
    }

    /// <summary>The initiative id.</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The score in percent, or <see langword="null"/>.</summary>
    public double? Score { get; }

    /// <summary>Whether the score can be compared.</summary>
    public ScoreAvailability Availability { get; }

    /// <summary>Why the data is stale, if it is.</summary>
    public string? StaleReason { get; }

    /// <summary>Its metrics and their weights, in ordinal metric id order.</summary>
    public IReadOnlyList<ScoreCardInitiativeMetric> Metrics { get; }

    /// <summary>The recommendations it lists directly, in ordinal order.</summary>
    public IReadOnlyList<string> RecommendationIds { get; }

    /// <summary>The array behind <see cref="Metrics"/> (never written).</summary>
    internal ScoreCardInitiativeMetric[] MetricArray { get; }

    /// <summary>The array behind <see cref="RecommendationIds"/> (never written).</summary>
    internal string[] RecommendationIdArray { get; }

    /// <summary>The user-set target, if any.</summary>
    public double? TargetScore { get; }

    internal ScoreCardInitiative WithAvailability(ScoreAvailability availability, string? reason) =>
        new(Id, Name, Score, availability, reason, Metrics, RecommendationIds, TargetScore);
}

internal static class CardChecks
{
    public static double? Score(double? value, string name) =>
        value is { } v && (double.IsNaN(v) || v < 0 || v > 100)
            ? throw new ArgumentOutOfRangeException(name, value, "A score must be between 0 and 100.")
            : value;

    public static ScoreAvailability Availability(ScoreAvailability value) =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined ScoreAvailability.");

    public static IEnumerable<T> NoNulls<T>(IReadOnlyList<T>? items, string name)
        where T : class
    {
        var list = items ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(name, $"{name}[{i}] is null.");
            }
        }

        return list;
    }

    public static string[] Ids(IReadOnlyList<string>? ids, string name, int limit)
    {
        var list = ids ?? [];
        var set = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ArgumentException($"{name}[{i}] is null or empty.", name);
            }

            set.Add(list[i]);
        }

        return [.. set.Take(limit)];
    }
}
