namespace ExposureSdk.Events;

/// <summary>
/// Score-drop detection (domain rules §4): a pure function of the baseline's and today's score cards.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>MetricScoreDrop / InitiativeScoreDrop when previous − current ≥ threshold − 1e-9 (threshold 2
/// percentage points by default, inclusive: a drop of exactly 2.00 raises an event, 1.99 does not).</item>
/// <item>NewInitiative when an initiative is on today's card and not on the baseline.</item>
/// <item>No false alarms: no event when there is no baseline, when a subject is not on the baseline, or
/// when its score is Unavailable or Stale on either card.</item>
/// </list>
/// Events are ordered by kind, then ordinal subject id. A metric drop's initiative effects
/// (drop × w / Σw) cover the initiatives listed in the metric's <see cref="ScoreCardMetric.InitiativeIds"/>
/// (as <c>ScoreReport.ToScoreCard()</c> fills them), with Σw over the initiative's available metrics with
/// w &gt; 0 on today's card, summed in ordinal metric order as the engine does.
/// </remarks>
public static class ScoreDropDetector
{
    /// <summary>Detects the events between a baseline and today.</summary>
    /// <param name="previous">The baseline (see <see cref="SelectBaseline"/>), or <see langword="null"/> when there is none: no event.</param>
    /// <param name="current">Today's card.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The events, by kind then ordinal subject id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="current"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IReadOnlyList<SecurityEvent> Detect(ScoreCard? previous, ScoreCard current, ScoreDropOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var o = options ?? new ScoreDropOptions();
        o.Validate();
        if (previous is null)
        {
            return [];
        }

        // Both cards keep their lists in ordinal id order: merge joins, and the events come out ordered.
        var events = new List<SecurityEvent>();
        Dictionary<string, double>? weightSums = null;
        var beforeMetrics = previous.Metrics;
        var i = 0;
        foreach (var metric in current.Metrics)
        {
            while (i < beforeMetrics.Count && string.CompareOrdinal(beforeMetrics[i].Id, metric.Id) < 0)
            {
                i++;
            }

            if (i == beforeMetrics.Count || !string.Equals(beforeMetrics[i].Id, metric.Id, StringComparison.Ordinal))
            {
                continue;
            }

            var before = beforeMetrics[i];
            if (!Comparable(before.Availability, before.Score, metric.Availability, metric.Score, out var p, out var c) || !IsDrop(p, c, o))
            {
                continue;
            }

            var drop = p - c;
            weightSums ??= new Dictionary<string, double>(StringComparer.Ordinal);
            events.Add(new SecurityEvent(
                SecurityEventKind.MetricScoreDrop,
                current.AsOf,
                metric.Id,
                metric.Name,
                p,
                c,
                drop,
                metric.Weight,
                Effects(current, metric, drop, weightSums),
                MetricCauses(before, metric)));
        }

        var newInitiatives = new List<SecurityEvent>();
        var beforeInitiatives = previous.Initiatives;
        i = 0;
        foreach (var initiative in current.Initiatives)
        {
            while (i < beforeInitiatives.Count && string.CompareOrdinal(beforeInitiatives[i].Id, initiative.Id) < 0)
            {
                i++;
            }

            if (i == beforeInitiatives.Count || !string.Equals(beforeInitiatives[i].Id, initiative.Id, StringComparison.Ordinal))
            {
                newInitiatives.Add(new SecurityEvent(SecurityEventKind.NewInitiative, current.AsOf, initiative.Id, initiative.Name, null, initiative.Score, null, null, null, null));
                continue;
            }

            var before = beforeInitiatives[i];
            if (!Comparable(before.Availability, before.Score, initiative.Availability, initiative.Score, out var p, out var c) || !IsDrop(p, c, o))
            {
                continue;
            }

            events.Add(new SecurityEvent(
                SecurityEventKind.InitiativeScoreDrop,
                current.AsOf,
                initiative.Id,
                initiative.Name,
                p,
                c,
                p - c,
                null,
                null,
                InitiativeCauses(previous, before, current, initiative)));
        }

        events.AddRange(newInitiatives);
        return events.AsReadOnly();
    }

    /// <summary>
    /// Lists the metrics and initiatives of today's card whose score cannot be compared with the baseline,
    /// and why: the companion of <see cref="Detect"/>, which raises no event for them (no false alarms;
    /// the data is reported missing instead). New initiatives are reported by <see cref="Detect"/>, not here.
    /// </summary>
    /// <param name="previous">The baseline, or <see langword="null"/> when there is none.</param>
    /// <param name="current">Today's card.</param>
    /// <returns>The entries: metrics first, then initiatives, each in ordinal id order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="current"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<MissingScore> FindMissingScores(ScoreCard? previous, ScoreCard current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var missing = new List<MissingScore>();
        foreach (var m in current.Metrics)
        {
            var before = previous?.FindMetric(m.Id);
            if (Why(previous is null, before is null, m.Availability, m.StaleReason, before?.Availability, before?.StaleReason) is { } why)
            {
                missing.Add(new MissingScore(ScoreSubjectKind.Metric, m.Id, m.Name, why.Reason, why.Detail));
            }
        }

        foreach (var i in current.Initiatives)
        {
            var before = previous?.FindInitiative(i.Id);
            if (previous is not null && before is null)
            {
                continue; // a NewInitiative event
            }

            if (Why(previous is null, false, i.Availability, i.StaleReason, before?.Availability, before?.StaleReason) is { } why)
            {
                missing.Add(new MissingScore(ScoreSubjectKind.Initiative, i.Id, i.Name, why.Reason, why.Detail));
            }
        }

        return missing.AsReadOnly();
    }

    /// <summary>
    /// Chooses the baseline ("yesterday") for a card taken at <paramref name="currentAsOf"/>: the latest card
    /// of the previous calendar day in <see cref="ScoreDropOptions.TimeZone"/>; if there is none, the latest
    /// card from before that day that is at most <see cref="ScoreDropOptions.BaselineMaxAge"/> older than
    /// <paramref name="currentAsOf"/>; otherwise <see langword="null"/>. Cards of the current day are never a
    /// baseline (Decision).
    /// </summary>
    /// <param name="history">Earlier cards, in any order.</param>
    /// <param name="currentAsOf">The current card's time.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The baseline, or <see langword="null"/>. Among cards with the same time, the later in <paramref name="history"/> wins.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static ScoreCard? SelectBaseline(IEnumerable<ScoreCard> history, DateTimeOffset currentAsOf, ScoreDropOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var o = options ?? new ScoreDropOptions();
        o.Validate();
        var today = LocalDate(currentAsOf, o.TimeZone);
        var yesterday = today.AddDays(-1);
        ScoreCard? ofYesterday = null, earlier = null;
        foreach (var card in history)
        {
            ArgumentNullException.ThrowIfNull(card, nameof(history));
            var date = LocalDate(card.AsOf, o.TimeZone);
            if (date == yesterday)
            {
                if (ofYesterday is null || card.AsOf >= ofYesterday.AsOf)
                {
                    ofYesterday = card;
                }
            }
            else if (date < yesterday && currentAsOf - card.AsOf <= o.BaselineMaxAge)
            {
                if (earlier is null || card.AsOf >= earlier.AsOf)
                {
                    earlier = card;
                }
            }
        }

        return ofYesterday ?? earlier;
    }

    private static (MissingScoreReason Reason, string? Detail)? Why(bool noBaseline, bool notInBaseline, ScoreAvailability today, string? todayReason, ScoreAvailability? before, string? beforeReason)
    {
        if (today == ScoreAvailability.Stale)
        {
            return (MissingScoreReason.StaleToday, todayReason);
        }

        if (today == ScoreAvailability.Unavailable)
        {
            return (MissingScoreReason.UnavailableToday, null);
        }

        if (noBaseline)
        {
            return (MissingScoreReason.NoBaseline, null);
        }

        if (notInBaseline)
        {
            return (MissingScoreReason.NotInBaseline, null);
        }

        return before switch
        {
            ScoreAvailability.Stale => (MissingScoreReason.StaleInBaseline, beforeReason),
            ScoreAvailability.Unavailable => (MissingScoreReason.UnavailableInBaseline, null),
            _ => null,
        };
    }

    internal static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    internal static bool IsDrop(double previous, double current, ScoreDropOptions options)
    {
        var drop = previous - current;
        if (options.Mode == ScoreDropThresholdMode.PercentOfPrevious)
        {
            return previous > 0 && drop / previous * 100 >= options.ThresholdPoints - ScoreDropOptions.Tolerance;
        }

        return drop >= options.ThresholdPoints - ScoreDropOptions.Tolerance;
    }

    private static bool Comparable(ScoreAvailability pa, double? ps, ScoreAvailability ca, double? cs, out double previous, out double current)
    {
        previous = ps ?? 0;
        current = cs ?? 0;
        return pa == ScoreAvailability.Available && ca == ScoreAvailability.Available && ps is not null && cs is not null;
    }

    /// <summary>The drop's effect on each initiative listed in the metric's <see cref="ScoreCardMetric.InitiativeIds"/> that contains it with a weight greater than 0.</summary>
    private static InitiativeEffect[] Effects(ScoreCard current, ScoreCardMetric metric, double drop, Dictionary<string, double> weightSums)
    {
        if (metric.InitiativeIds.Count == 0)
        {
            return [];
        }

        var effects = new List<InitiativeEffect>(metric.InitiativeIds.Count);
        foreach (var id in metric.InitiativeIds)
        {
            if (current.FindInitiative(id) is not { } initiative)
            {
                continue;
            }

            double w = 0;
            foreach (var m in initiative.Metrics)
            {
                if (string.Equals(m.MetricId, metric.Id, StringComparison.Ordinal))
                {
                    w = m.NumericWeight;
                    break;
                }
            }

            if (w <= 0)
            {
                continue;
            }

            if (!weightSums.TryGetValue(id, out var sum))
            {
                // Σw over the initiative's available metrics with w > 0, in ordinal metric order (as the engine sums it).
                foreach (var m in initiative.Metrics)
                {
                    if (m.NumericWeight > 0 && current.FindMetric(m.MetricId) is { Availability: ScoreAvailability.Available, Score: not null })
                    {
                        sum += m.NumericWeight;
                    }
                }

                weightSums.Add(id, sum);
            }

            if (sum > 0)
            {
                effects.Add(new InitiativeEffect(id, drop * w / sum, sum));
            }
        }

        return [.. effects];
    }

    private static ScoreDropCauses MetricCauses(ScoreCardMetric before, ScoreCardMetric now)
    {
        // The top lists hold the first N affected ids in ordinal order; when the baseline's list is full,
        // an id after its last entry may have been affected already, so only ids before it are reported.
        var newly = SortedExcept(now.TopAffectedAssetIds, before.TopAffectedAssetIds);
        if (before.TopAffectedAssetIds.Count >= Scoring.MetricScore.TopAffectedLimit)
        {
            var last = before.TopAffectedAssetIds[^1];
            newly = newly.Where(a => string.CompareOrdinal(a, last) < 0).ToArray();
        }

        WeightChange[] weights = before.Weight != now.Weight ? [new WeightChange(now.Id, before.Weight, now.Weight)] : [];
        return new ScoreDropCauses(
            newly,
            now.Affected - before.Affected,
            now.Scope - before.Scope,
            SortedExcept(now.RecommendationIds, before.RecommendationIds),
            SortedExcept(before.RecommendationIds, now.RecommendationIds),
            [],
            [],
            weights,
            [],
            owned: true);
    }

    private static ScoreDropCauses InitiativeCauses(ScoreCard previousCard, ScoreCardInitiative before, ScoreCard currentCard, ScoreCardInitiative now)
    {
        var weights = new List<WeightChange>();
        var changes = new List<MetricScoreChange>();
        var added = new List<string>();
        var removed = new List<string>();
        int i = 0, j = 0;
        while (i < before.Metrics.Count || j < now.Metrics.Count)
        {
            var order = i == before.Metrics.Count ? 1 : j == now.Metrics.Count ? -1 : string.CompareOrdinal(before.Metrics[i].MetricId, now.Metrics[j].MetricId);
            if (order < 0)
            {
                removed.Add(before.Metrics[i++].MetricId);
            }
            else if (order > 0)
            {
                added.Add(now.Metrics[j++].MetricId);
            }
            else
            {
                var b = before.Metrics[i++];
                var n = now.Metrics[j++];
                if (b.Weight != n.Weight)
                {
                    weights.Add(new WeightChange(n.MetricId, b.Weight, n.Weight));
                }

                var ps = previousCard.FindMetric(n.MetricId)?.Score;
                var cs = currentCard.FindMetric(n.MetricId)?.Score;
                if (ps != cs)
                {
                    changes.Add(new MetricScoreChange(n.MetricId, ps, cs));
                }
            }
        }

        return new ScoreDropCauses(
            [],
            null,
            null,
            SortedExcept(now.RecommendationIds, before.RecommendationIds),
            SortedExcept(before.RecommendationIds, now.RecommendationIds),
            [.. added],
            [.. removed],
            [.. weights],
            [.. changes],
            owned: true);
    }

    /// <summary>The items of <paramref name="a"/> not in <paramref name="b"/>; both ordinal-sorted without duplicates.</summary>
    private static string[] SortedExcept(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0)
        {
            return [];
        }

        List<string>? result = null;
        var j = 0;
        foreach (var item in a)
        {
            while (j < b.Count && string.CompareOrdinal(b[j], item) < 0)
            {
                j++;
            }

            if (j == b.Count || !string.Equals(b[j], item, StringComparison.Ordinal))
            {
                (result ??= []).Add(item);
            }
        }

        return result is null ? [] : [.. result];
    }
}
