using ExposureSdk.ScoreCards;

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
/// Events are ordered by kind, then ordinal subject id. A metric drop's initiative effects cover the
/// initiatives listed in the metric's <see cref="ScoreCardMetric.InitiativeIds"/> (as <c>ScoreCard.FromReport</c>
/// fills them) that contain it with w &gt; 0. Each effect is counterfactual (domain rules §4, Decision revised):
/// the initiative's score today with that one metric put back to its baseline score and availability, minus
/// its score today, both Σ(w × p) / Σw over today's available members with w &gt; 0, summed in ordinal metric
/// order as the engine does. With unchanged weights and availability this equals drop × w / Σw; it stays right
/// when another metric of the initiative became unavailable the same day.
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
        // The work per series is one id comparison and two score checks; effects and causes are computed
        // for events only, each initiative's Σw at most once.
        var events = new List<SecurityEvent>();
        var ids = current.MetricIdArray;
        var scores = current.ComparableMetricScores;
        var beforeIds = previous.MetricIdArray;
        var beforeScores = previous.ComparableMetricScores;
        var i = 0;
        for (var n = 0; n < ids.Length; n++)
        {
            var c = scores[n];
            if (double.IsNaN(c) || !Align(beforeIds, ref i, ids[n]))
            {
                continue;
            }

            var p = beforeScores[i];
            if (double.IsNaN(p) || !IsDrop(p, c, o))
            {
                continue;
            }

            var metric = current.MetricArray[n];
            var before = previous.MetricArray[i];
            events.Add(SecurityEvent.TrustedMetricScoreDrop(current.AsOf, metric, p, c, Effects(current, metric, p), MetricCauses(before, metric)));
        }

        List<SecurityEvent>? newInitiatives = null;
        var initiativeIds = current.InitiativeIdArray;
        scores = current.ComparableInitiativeScores;
        var beforeInitiativeIds = previous.InitiativeIdArray;
        beforeScores = previous.ComparableInitiativeScores;
        i = 0;
        for (var n = 0; n < initiativeIds.Length; n++)
        {
            if (!Align(beforeInitiativeIds, ref i, initiativeIds[n]))
            {
                (newInitiatives ??= []).Add(SecurityEvent.TrustedNewInitiative(current.AsOf, current.InitiativeArray[n]));
                continue;
            }

            var c = scores[n];
            var p = beforeScores[i];
            if (double.IsNaN(c) || double.IsNaN(p) || !IsDrop(p, c, o))
            {
                continue;
            }

            var initiative = current.InitiativeArray[n];
            var before = previous.InitiativeArray[i];

            events.Add(SecurityEvent.TrustedInitiativeScoreDrop(current.AsOf, initiative, p, c, InitiativeCauses(previous, before, current, initiative)));
        }

        if (newInitiatives is not null)
        {
            events.AddRange(newInitiatives);
        }

        return events.AsReadOnly();
    }

    /// <summary>
    /// Lists the metrics and initiatives whose score cannot be compared with the baseline, and why: those of
    /// today's card that are stale or unavailable on either card, not on the baseline, or have no baseline, and
    /// those of the baseline that today's card lacks (<see cref="MissingScoreReason.AbsentToday"/>). It is the
    /// companion of <see cref="Detect"/>, which raises no event for them (no false alarms; the data is reported
    /// missing instead). New initiatives are reported by <see cref="Detect"/>, not here.
    /// </summary>
    /// <param name="previous">The baseline, or <see langword="null"/> when there is none.</param>
    /// <param name="current">Today's card.</param>
    /// <returns>The entries: metrics first, then initiatives, each in ordinal id order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="current"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<MissingScore> FindMissingScores(ScoreCard? previous, ScoreCard current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var missing = new List<MissingScore>();
        var gone = previous?.MetricArray ?? [];
        var g = 0;
        foreach (var m in current.MetricArray)
        {
            for (; g < gone.Length && gone[g].Id.CompareTo(m.Id) < 0; g++)
            {
                missing.Add(MissingScore.ForMetric(gone[g].Id, gone[g].Name, MissingScoreReason.AbsentToday));
            }

            if (g < gone.Length && gone[g].Id.Equals(m.Id))
            {
                g++;
            }

            var before = previous?.FindMetric(m.Id);
            if (Why(previous is null, before is null, m.Availability, m.StaleReason, before?.Availability, before?.StaleReason) is { } why)
            {
                missing.Add(MissingScore.ForMetric(m.Id, m.Name, why.Reason, why.Detail));
            }
        }

        for (; g < gone.Length; g++)
        {
            missing.Add(MissingScore.ForMetric(gone[g].Id, gone[g].Name, MissingScoreReason.AbsentToday));
        }

        var goneInitiatives = previous?.InitiativeArray ?? [];
        g = 0;
        foreach (var i in current.InitiativeArray)
        {
            for (; g < goneInitiatives.Length && goneInitiatives[g].Id.CompareTo(i.Id) < 0; g++)
            {
                missing.Add(MissingScore.ForInitiative(goneInitiatives[g].Id, goneInitiatives[g].Name, MissingScoreReason.AbsentToday));
            }

            if (g < goneInitiatives.Length && goneInitiatives[g].Id.Equals(i.Id))
            {
                g++;
            }

            var before = previous?.FindInitiative(i.Id);
            if (previous is not null && before is null)
            {
                continue; // a NewInitiative event
            }

            if (Why(previous is null, false, i.Availability, i.StaleReason, before?.Availability, before?.StaleReason) is { } why)
            {
                missing.Add(MissingScore.ForInitiative(i.Id, i.Name, why.Reason, why.Detail));
            }
        }

        for (; g < goneInitiatives.Length; g++)
        {
            missing.Add(MissingScore.ForInitiative(goneInitiatives[g].Id, goneInitiatives[g].Name, MissingScoreReason.AbsentToday));
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

    /// <summary>
    /// Moves <paramref name="i"/> forward over the baseline's ids (ordinal order) to <paramref name="id"/>; whether
    /// the baseline has it. Ids are compared for equality first, since both cards usually list the same ids.
    /// </summary>
    private static bool Align<T>(T[] before, ref int i, T id)
        where T : struct, IEquatable<T>, IComparable<T>
    {
        if (i < before.Length && before[i].Equals(id))
        {
            return true;
        }

        while (i < before.Length)
        {
            var order = before[i].CompareTo(id);
            if (order >= 0)
            {
                return order == 0;
            }

            i++;
        }

        return false;
    }

    /// <summary>
    /// The drop's counterfactual effect on each initiative listed in the metric's <see cref="ScoreCardMetric.InitiativeIds"/>
    /// that contains it with a weight greater than 0 (domain rules §4, Decision revised): the initiative's score
    /// today with that one metric put back to its baseline score and availability, minus its score today. Both
    /// are Σ(w × p) / Σw over the members with w &gt; 0 that are available (today's card; the baseline's for the
    /// metric put back), summed in ordinal metric order as the engine does.
    /// </summary>
    private static InitiativeEffect[] Effects(ScoreCard current, ScoreCardMetric metric, double baselineScore)
    {
        var ids = metric.InitiativeIdArray;
        if (ids.Length == 0)
        {
            return [];
        }

        var initiatives = current.InitiativeArray;
        InitiativeEffect[]? effects = null;
        var count = 0;
        foreach (var id in ids)
        {
            var k = current.IndexOfInitiative(id);
            if (k < 0 || WeightIn(initiatives[k].MetricArray, metric.Id) <= 0)
            {
                continue;
            }

            var (today, putBack, weightSum) = Counterfactual(current, initiatives[k], metric.Id, baselineScore);
            if (!double.IsNaN(today) && !double.IsNaN(putBack))
            {
                (effects ??= new InitiativeEffect[ids.Length])[count++] = new InitiativeEffect(id, putBack - today, weightSum);
            }
        }

        if (effects is null)
        {
            return [];
        }

        if (count < effects.Length)
        {
            Array.Resize(ref effects, count);
        }

        return effects;
    }

    /// <summary>
    /// The initiative's score today, its score with <paramref name="metricId"/> put back to <paramref name="baselineScore"/>
    /// (NaN: unavailable in the baseline), and Σw today; a score is NaN when its Σw is 0.
    /// </summary>
    internal static (double Today, double PutBack, double WeightSum) Counterfactual(ScoreCard current, ScoreCardInitiative initiative, MetricId metricId, double baselineScore)
    {
        double weighted = 0, weights = 0, weightedPutBack = 0, weightsPutBack = 0;
        foreach (var m in initiative.MetricArray)
        {
            var w = m.NumericWeight;
            if (w <= 0)
            {
                continue;
            }

            var score = current.IndexOfMetric(m.MetricId) is var k and >= 0 ? current.ComparableMetricScores[k] : double.NaN;
            if (!double.IsNaN(score))
            {
                weighted += w * score;
                weights += w;
            }

            var putBack = m.MetricId.Equals(metricId) ? baselineScore : score;
            if (!double.IsNaN(putBack))
            {
                weightedPutBack += w * putBack;
                weightsPutBack += w;
            }
        }

        return (weights > 0 ? weighted / weights : double.NaN, weightsPutBack > 0 ? weightedPutBack / weightsPutBack : double.NaN, weights);
    }

    /// <summary>The metric's numeric weight in an initiative (members in ordinal id order), or 0 when it is not a member.</summary>
    private static double WeightIn(ScoreCardInitiativeMetric[] members, MetricId metricId)
    {
        int lo = 0, hi = members.Length - 1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            var order = members[mid].MetricId.CompareTo(metricId);
            if (order == 0)
            {
                return members[mid].NumericWeight;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return 0;
    }

    private static MetricScoreDropCauses MetricCauses(ScoreCardMetric before, ScoreCardMetric now)
    {
        // The top lists hold the first N affected ids in ordinal order; when the baseline's list is full,
        // an id after its last entry may have been affected already, so only ids before it are reported.
        var beforeTop = before.TopAffectedAssetIdArray;
        var newly = SortedExcept(now.TopAffectedAssetIdArray, beforeTop, beforeTop.Length >= Scoring.MetricScore.TopAffectedLimit ? beforeTop[^1] : (AssetId?)null);
        return MetricScoreDropCauses.Trusted(
            newly,
            now.Affected - before.Affected,
            now.Scope - before.Scope,
            SortedExcept(now.RecommendationIdArray, before.RecommendationIdArray),
            SortedExcept(before.RecommendationIdArray, now.RecommendationIdArray),
            before.Weight != now.Weight ? new WeightChange(now.Id, before.Weight, now.Weight) : null);
    }

    private static InitiativeScoreDropCauses InitiativeCauses(ScoreCard previousCard, ScoreCardInitiative before, ScoreCard currentCard, ScoreCardInitiative now)
    {
        List<WeightChange>? weights = null;
        List<MetricScoreChange>? changes = null;
        List<MetricId>? added = null;
        List<MetricId>? removed = null;
        var b = before.MetricArray;
        var n = now.MetricArray;
        int i = 0, j = 0;
        while (i < b.Length || j < n.Length)
        {
            var order = i == b.Length ? 1 : j == n.Length ? -1 : b[i].MetricId.CompareTo(n[j].MetricId);
            if (order < 0)
            {
                (removed ??= []).Add(b[i++].MetricId);
            }
            else if (order > 0)
            {
                (added ??= []).Add(n[j++].MetricId);
            }
            else
            {
                var was = b[i++];
                var member = n[j++];
                if (was.Weight != member.Weight)
                {
                    (weights ??= []).Add(new WeightChange(member.MetricId, was.Weight, member.Weight));
                }

                var ps = previousCard.FindMetric(member.MetricId)?.Score;
                var cs = currentCard.FindMetric(member.MetricId)?.Score;
                if (ps != cs)
                {
                    (changes ??= []).Add(new MetricScoreChange(member.MetricId, ps, cs));
                }
            }
        }

        return InitiativeScoreDropCauses.Trusted(
            SortedExcept(now.RecommendationIdArray, before.RecommendationIdArray),
            SortedExcept(before.RecommendationIdArray, now.RecommendationIdArray),
            added is null ? [] : [.. added],
            removed is null ? [] : [.. removed],
            weights is null ? [] : [.. weights],
            changes is null ? [] : [.. changes]);
    }

    /// <summary>
    /// The items of <paramref name="a"/> not in <paramref name="b"/> (both ordinal-sorted without duplicates, merged
    /// in one pass), only those before <paramref name="bound"/> when it is given.
    /// </summary>
    private static T[] SortedExcept<T>(T[] a, T[] b, T? bound = default)
        where T : struct, IComparable<T>
    {
        if (a.Length == 0)
        {
            return [];
        }

        Span<bool> kept = a.Length <= 256 ? stackalloc bool[a.Length] : new bool[a.Length];
        var count = 0;
        var j = 0;
        for (var x = 0; x < a.Length; x++)
        {
            var item = a[x];
            if (bound is { } limit && item.CompareTo(limit) >= 0)
            {
                break;
            }

            var found = false;
            while (j < b.Length)
            {
                var order = b[j].CompareTo(item);
                if (order >= 0)
                {
                    found = order == 0;
                    break;
                }

                j++;
            }

            if (!found)
            {
                kept[x] = true;
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var result = new T[count];
        count = 0;
        for (var x = 0; x < a.Length && count < result.Length; x++)
        {
            if (kept[x])
            {
                result[count++] = a[x];
            }
        }

        return result;
    }
}
