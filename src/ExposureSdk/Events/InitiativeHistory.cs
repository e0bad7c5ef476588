using ExposureSdk.ScoreCards;

namespace ExposureSdk.Events;

/// <summary>Why an initiative's score changed (domain rules §4).</summary>
public enum InitiativeChangeReason
{
    /// <summary>A property of a contained metric changed: its weight.</summary>
    PropertyChange = 0,

    /// <summary>The value (score) of a contained metric, or of a points-scored initiative, changed.</summary>
    ValueChange = 1,

    /// <summary>A metric was removed from the initiative but still exists.</summary>
    MetricRemoved = 2,

    /// <summary>A metric of the initiative no longer exists at all (retired).</summary>
    MetricDeprecated = 3,
}

/// <summary>
/// One entry of an initiative's history: a score change greater than 2.5 points between two consecutive
/// score cards, with its reasons and the exposed-asset changes (up to the first 100 ids each way).
/// </summary>
public sealed class InitiativeHistoryEntry
{
    internal InitiativeHistoryEntry(
        ScoreCardInitiative initiative,
        DateTimeOffset date,
        double previousScore,
        double currentScore,
        InitiativeChangeReason[] reasons,
        MetricId[] metricsRemoved,
        MetricId[] metricsDeprecated,
        WeightChange[] weightChanges,
        MetricScoreChange[] valueChanges,
        AssetId[] newlyExposedAssetIds,
        AssetId[] noLongerExposedAssetIds)
    {
        InitiativeId = initiative.Id;
        Name = initiative.Name;
        Date = date;
        PreviousScore = previousScore;
        CurrentScore = currentScore;
        Reasons = reasons.AsReadOnly();
        MetricsRemoved = metricsRemoved.AsReadOnly();
        MetricsDeprecated = metricsDeprecated.AsReadOnly();
        WeightChanges = weightChanges.AsReadOnly();
        ValueChanges = valueChanges.AsReadOnly();
        NewlyExposedAssetIds = newlyExposedAssetIds.AsReadOnly();
        NoLongerExposedAssetIds = noLongerExposedAssetIds.AsReadOnly();
    }

    /// <summary>The initiative.</summary>
    public InitiativeId InitiativeId { get; }

    /// <summary>Its display name today.</summary>
    public string Name { get; }

    /// <summary>When (the later card's time, UTC).</summary>
    public DateTimeOffset Date { get; }

    /// <summary>The earlier score.</summary>
    public double PreviousScore { get; }

    /// <summary>The later score.</summary>
    public double CurrentScore { get; }

    /// <summary>Current − previous in points (its magnitude is greater than 2.5).</summary>
    public double Change => CurrentScore - PreviousScore;

    /// <summary>The reasons, in enum order (at least one).</summary>
    public IReadOnlyList<InitiativeChangeReason> Reasons { get; }

    /// <summary>Metrics removed from the initiative that still exist, in ordinal order.</summary>
    public IReadOnlyList<MetricId> MetricsRemoved { get; }

    /// <summary>Metrics of the initiative that no longer exist, in ordinal order.</summary>
    public IReadOnlyList<MetricId> MetricsDeprecated { get; }

    /// <summary>Weight changes of its metrics, in ordinal metric order.</summary>
    public IReadOnlyList<WeightChange> WeightChanges { get; }

    /// <summary>Its metrics whose score changed, in ordinal metric order.</summary>
    public IReadOnlyList<MetricScoreChange> ValueChanges { get; }

    /// <summary>Asset ids newly exposed in its metrics (from the cards' top-100 lists; at most 100).</summary>
    public IReadOnlyList<AssetId> NewlyExposedAssetIds { get; }

    /// <summary>Asset ids no longer exposed in its metrics (from the cards' top-100 lists; at most 100).</summary>
    public IReadOnlyList<AssetId> NoLongerExposedAssetIds { get; }
}

/// <summary>
/// Initiative history (domain rules §4): every change of an initiative score greater than 2.5 points
/// between consecutive score cards, with a reason — PropertyChange (a metric weight), ValueChange,
/// MetricRemoved, MetricDeprecated — and the exposed-asset changes, up to the first 100.
/// </summary>
public static class InitiativeHistory
{
    /// <summary>The smallest change recorded, exclusive: 2.5 points.</summary>
    public const double ChangeThresholdPoints = 2.5;

    /// <summary>The most asset ids listed per direction: 100.</summary>
    public const int ExposedAssetLimit = 100;

    /// <summary>The history entries between two cards: initiatives available on both whose score changed by more than 2.5 points.</summary>
    /// <param name="previous">The earlier card.</param>
    /// <param name="current">The later card.</param>
    /// <returns>The entries, in ordinal initiative id order.</returns>
    /// <exception cref="ArgumentNullException">A card is <see langword="null"/>.</exception>
    public static IReadOnlyList<InitiativeHistoryEntry> Compare(ScoreCard previous, ScoreCard current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var entries = new List<InitiativeHistoryEntry>();
        foreach (var now in current.Initiatives)
        {
            var before = previous.FindInitiative(now.Id);
            if (before is null)
            {
                continue;
            }

            // Plain nullable scores rather than pattern variables in the condition: a mutation tool can then flip
            // each operator of the condition and still compile (see docs/quality.md, Mutation testing).
            var p = before.Availability == ScoreAvailability.Available ? before.Score : null;
            var c = now.Availability == ScoreAvailability.Available ? now.Score : null;
            if (p is null || c is null || Math.Abs(c.Value - p.Value) <= ChangeThresholdPoints)
            {
                continue;
            }

            var nowMetrics = now.Metrics.ToDictionary(m => m.MetricId);
            var removed = new List<MetricId>();
            var deprecated = new List<MetricId>();
            foreach (var m in before.Metrics)
            {
                if (!nowMetrics.ContainsKey(m.MetricId))
                {
                    (current.FindMetric(m.MetricId) is null ? deprecated : removed).Add(m.MetricId);
                }
            }

            var weights = new List<WeightChange>();
            var values = new List<MetricScoreChange>();
            var newly = new SortedSet<AssetId>();
            var gone = new SortedSet<AssetId>();
            var beforeMetrics = before.Metrics.ToDictionary(m => m.MetricId);
            foreach (var m in now.Metrics)
            {
                var pm = previous.FindMetric(m.MetricId);
                var cm = current.FindMetric(m.MetricId);
                if (beforeMetrics.TryGetValue(m.MetricId, out var b) && b.Weight != m.Weight)
                {
                    weights.Add(new WeightChange(m.MetricId, b.Weight, m.Weight));
                }

                if (pm?.Score != cm?.Score)
                {
                    values.Add(new MetricScoreChange(m.MetricId, pm?.Score, cm?.Score));
                }

                var pa = pm?.TopAffectedAssetIds ?? [];
                var ca = cm?.TopAffectedAssetIds ?? [];
                newly.UnionWith(ca.Except(pa));
                gone.UnionWith(pa.Except(ca));
            }

            var reasons = new List<InitiativeChangeReason>();
            if (weights.Count > 0)
            {
                reasons.Add(InitiativeChangeReason.PropertyChange);
            }

            if (values.Count > 0 || (now.Metrics.Count == 0 && before.Metrics.Count == 0) || (removed.Count == 0 && deprecated.Count == 0 && weights.Count == 0))
            {
                reasons.Add(InitiativeChangeReason.ValueChange);
            }

            if (removed.Count > 0)
            {
                reasons.Add(InitiativeChangeReason.MetricRemoved);
            }

            if (deprecated.Count > 0)
            {
                reasons.Add(InitiativeChangeReason.MetricDeprecated);
            }

            entries.Add(new InitiativeHistoryEntry(
                now,
                current.AsOf,
                p.Value,
                c.Value,
                [.. reasons],
                [.. removed.Order()],
                [.. deprecated.Order()],
                [.. weights],
                [.. values],
                [.. newly.Take(ExposedAssetLimit)],
                [.. gone.Take(ExposedAssetLimit)]));
        }

        return entries.AsReadOnly();
    }

    /// <summary>The history entries over a series of cards: <see cref="Compare"/> on each consecutive pair in time order.</summary>
    /// <param name="history">The cards, in any order.</param>
    /// <returns>The entries, oldest first, then in ordinal initiative id order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    public static IReadOnlyList<InitiativeHistoryEntry> Build(IEnumerable<ScoreCard> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var cards = history.Select(c => c ?? throw new ArgumentNullException(nameof(history), "The history holds a null card.")).OrderBy(c => c.AsOf).ToArray();
        var entries = new List<InitiativeHistoryEntry>();
        for (var i = 1; i < cards.Length; i++)
        {
            entries.AddRange(Compare(cards[i - 1], cards[i]));
        }

        return entries.AsReadOnly();
    }
}

/// <summary>The windows of the event lists (domain rules §4): recent events are the past 7 days; the events list is the last 30 days.</summary>
public static class SecurityEventWindows
{
    /// <summary>The recent-events window: 7 days.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    /// <summary>The events-list window: 30 days.</summary>
    public static readonly TimeSpan List = TimeSpan.FromDays(30);

    /// <summary>The events dated within the window ending at <paramref name="now"/> (now − window &lt; date ≤ now), newest first, then by kind and ordinal subject id.</summary>
    /// <param name="events">The events.</param>
    /// <param name="now">The current time.</param>
    /// <param name="window">The window (for example <see cref="Recent"/> or <see cref="List"/>; positive).</param>
    /// <returns>The events in the window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive.</exception>
    public static IReadOnlyList<SecurityEvent> Within(IEnumerable<SecurityEvent> events, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var from = now - window;
        return events
            .Select(e => e ?? throw new ArgumentNullException(nameof(events), "The list holds a null event."))
            .Where(e => e.Date > from && e.Date <= now)
            .OrderByDescending(e => e.Date)
            .ThenBy(e => e.Kind)
            .ThenBy(e => e.SubjectId, StringComparer.Ordinal)
            .ToArray()
            .AsReadOnly();
    }
}
