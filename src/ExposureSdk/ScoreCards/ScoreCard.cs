using ExposureSdk.Scoring;

namespace ExposureSdk.ScoreCards;

/// <summary>
/// The compact, serializable record of one refresh's scores that the history store keeps and that
/// score-drop detection compares (domain rules §4). Created from a report by <see cref="FromReport"/>;
/// immutable; metrics and initiatives are kept in ordinal id order.
/// </summary>
/// <remarks>A plain data shape (get-only properties and one constructor) ; the stored form is defined by the history layer (<c>ExposureSdk.History.ScoreHistoryFormat</c>).</remarks>
public sealed class ScoreCard
{
    private readonly Dictionary<MetricId, int> _metrics;
    private readonly Dictionary<InitiativeId, int> _initiatives;

    /// <summary>Creates a score card.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="asOf">When the scored snapshot was read; stored in UTC.</param>
    /// <param name="secureScore">Secure Score in percent (0–100), or <see langword="null"/> when absent.</param>
    /// <param name="metrics">The metrics (unique ids).</param>
    /// <param name="initiatives">The initiatives (unique ids).</param>
    /// <param name="origin">Where the scores come from; <see cref="ScoreCardOrigin.Refresh"/> unless the card was rebuilt from a source's history.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/> or a list contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The tenant id is empty or holds a lone surrogate, or an id is repeated (the message names it).</exception>
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
        Internal.Guard.WellFormed(tenantId, nameof(tenantId));
        TenantId = tenantId;
        AsOf = asOf.ToUniversalTime();
        SecureScore = CardChecks.Score(secureScore, nameof(secureScore));
        var m = CardChecks.NoNulls(metrics, nameof(metrics)).OrderBy(x => x.Id).ToArray();
        var i = CardChecks.NoNulls(initiatives, nameof(initiatives)).OrderBy(x => x.Id).ToArray();
        _metrics = new Dictionary<MetricId, int>(m.Length);
        for (var k = 0; k < m.Length; k++)
        {
            if (!_metrics.TryAdd(m[k].Id, k))
            {
                throw new ArgumentException($"The score card repeats metric '{m[k].Id}'.", nameof(metrics));
            }
        }

        _initiatives = new Dictionary<InitiativeId, int>(i.Length);
        for (var k = 0; k < i.Length; k++)
        {
            if (!_initiatives.TryAdd(i[k].Id, k))
            {
                throw new ArgumentException($"The score card repeats initiative '{i[k].Id}'.", nameof(initiatives));
            }
        }

        MetricArray = m;
        InitiativeArray = i;
        MetricIdArray = new MetricId[m.Length];
        ComparableMetricScores = new double[m.Length];
        for (var k = 0; k < m.Length; k++)
        {
            MetricIdArray[k] = m[k].Id;
            ComparableMetricScores[k] = m[k].Availability == ScoreAvailability.Available && m[k].Score is { } score ? score : double.NaN;
        }

        InitiativeIdArray = new InitiativeId[i.Length];
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

    /// <summary>
    /// The compact record of a report that the history store keeps per refresh and that score-drop
    /// detection compares: Secure Score, each metric and each initiative with its score and availability
    /// (Available, or Unavailable when it has no score).
    /// </summary>
    /// <param name="report">The scored report.</param>
    /// <returns>The score card, of origin <see cref="ScoreCardOrigin.Refresh"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static ScoreCard FromReport(ScoreReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var metrics = new ScoreCardMetric[report.Metrics.Count];
        for (var i = 0; i < metrics.Length; i++)
        {
            var m = report.Metrics[i];
            metrics[i] = new ScoreCardMetric(
                m.Id,
                m.Name,
                m.Weight,
                m.NumericWeight,
                m.Score,
                m.Affected,
                m.Scope,
                m.IsAvailable ? ScoreAvailability.Available : ScoreAvailability.Unavailable,
                null,
                m.RecommendationIds,
                m.InitiativeIds,
                m.TopAffectedAssetIds,
                m.IsApproximate);
        }

        var initiatives = new ScoreCardInitiative[report.Initiatives.Count];
        for (var i = 0; i < initiatives.Length; i++)
        {
            var x = report.Initiatives[i];
            initiatives[i] = new ScoreCardInitiative(
                x.Id,
                x.Name,
                x.Score,
                x.Score is null ? ScoreAvailability.Unavailable : ScoreAvailability.Available,
                null,
                x.Metrics.Select(c => new ScoreCardInitiativeMetric(c.MetricId, c.Weight, c.NumericWeight)).ToArray(),
                x.RecommendationIds,
                x.TargetScore,
                x.IsApproximate);
        }

        return new ScoreCard(report.TenantId, report.AsOf, report.SecureScore.Percentage, metrics, initiatives);
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
    public ScoreCardMetric? FindMetric(MetricId id) => IndexOfMetric(id) is var k and >= 0 ? MetricArray[k] : null;

    /// <summary>Finds an initiative.</summary>
    /// <param name="id">The initiative id (ordinal).</param>
    /// <returns>The initiative, or <see langword="null"/>.</returns>
    public ScoreCardInitiative? FindInitiative(InitiativeId id) => IndexOfInitiative(id) is var k and >= 0 ? InitiativeArray[k] : null;

    /// <summary>The metrics, in ordinal id order (the array behind <see cref="Metrics"/>; never written).</summary>
    internal ScoreCardMetric[] MetricArray { get; }

    /// <summary>The initiatives, in ordinal id order (the array behind <see cref="Initiatives"/>; never written).</summary>
    internal ScoreCardInitiative[] InitiativeArray { get; }

    /// <summary>The metric ids in <see cref="MetricArray"/> order (score-drop detection merges these flat arrays).</summary>
    internal MetricId[] MetricIdArray { get; }

    /// <summary>Each metric's score when it can be compared (available, with a score), otherwise NaN; in <see cref="MetricArray"/> order.</summary>
    internal double[] ComparableMetricScores { get; }

    /// <summary>The initiative ids in <see cref="InitiativeArray"/> order.</summary>
    internal InitiativeId[] InitiativeIdArray { get; }

    /// <summary>Each initiative's score when it can be compared (available, with a score), otherwise NaN; in <see cref="InitiativeArray"/> order.</summary>
    internal double[] ComparableInitiativeScores { get; }

    /// <summary>The position of a metric in <see cref="MetricArray"/>, or -1.</summary>
    internal int IndexOfMetric(MetricId id) => _metrics.TryGetValue(id, out var k) ? k : -1;

    /// <summary>The position of an initiative in <see cref="InitiativeArray"/>, or -1.</summary>
    internal int IndexOfInitiative(InitiativeId id) => _initiatives.TryGetValue(id, out var k) ? k : -1;

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
    public ScoreCard WithStaleMetrics(IEnumerable<MetricId> metricIds, string reason)
    {
        ArgumentNullException.ThrowIfNull(metricIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var stale = new HashSet<MetricId>();
        foreach (var id in metricIds)
        {
            if (!_metrics.ContainsKey(id))
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
