using ExposureSdk.Events;
using ExposureSdk.Providers;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Pipeline;

/// <summary>
/// Rebuilds one score card per earlier day from the providers' own history (on the first refresh of a
/// tenant whose history is empty), with the events between those cards.
/// </summary>
/// <remarks>
/// <para>Each calendar day (in the score-drop time zone) before today's, and within retention, that at least
/// one provider recorded becomes one card: the latest record of that day from each provider is merged
/// in provider order and scored with today's metric and initiative definitions. The card's time is the
/// latest of those records.</para>
/// <para>No false alarms: a recommendation counts as covered on a day when the provider whose record wins
/// for it today recorded that day and, when it is assessed per asset today, that provider's day has
/// per-asset results for it (a day whose source kept only counts does not describe per-asset results). A metric or initiative with a
/// member that is not covered (today's members or the day's) is stale on the rebuilt card; the Secure
/// Score is kept only when every recommendation of today is covered.</para>
/// </remarks>
internal static class HistorySeeder
{
    /// <summary>The calendar day a record of history counts for, or <see langword="null"/> when it is not seeded (today or later, or beyond retention).</summary>
    public static DateOnly? DayOf(SourceHistoryDay day, DateTimeOffset asOf, TimeSpan retention, TimeZoneInfo zone)
    {
        var date = ScoreDropDetector.LocalDate(day.AsOf, zone);
        return day.AsOf >= asOf || day.AsOf < asOf - retention || date >= ScoreDropDetector.LocalDate(asOf, zone) ? null : date;
    }

    public static IReadOnlyList<(ScoreCard Card, IReadOnlyList<SecurityEvent> Events)> Build(
        string tenantId,
        DateTimeOffset asOf,
        IReadOnlyList<(string ProviderName, IReadOnlyList<SourceHistoryDay> Days)> histories,
        MergedRecords today,
        ScoreCard todayCard,
        TimeSpan retention,
        ScoringOptions scoring,
        ScoreDropOptions drop,
        List<string> warnings)
    {
        var byDate = new SortedDictionary<DateOnly, SourceHistoryDay?[]>();
        for (var p = 0; p < histories.Count; p++)
        {
            foreach (var day in histories[p].Days)
            {
                // Plain nullable values rather than `is not { } date`: a mutation tool that removes the
                // `continue` must still compile, or it drops every mutant of this method.
                var dayOf = DayOf(day, asOf, retention, drop.TimeZone);
                if (dayOf is null)
                {
                    continue;
                }

                var date = dayOf.Value;
                if (!byDate.TryGetValue(date, out var slots))
                {
                    byDate[date] = slots = new SourceHistoryDay?[histories.Count];
                }

                if (slots[p] is null || day.AsOf >= slots[p]!.AsOf)
                {
                    slots[p] = day;
                }
            }
        }

        var assessedToday = today.Assessments.Select(a => a.RecommendationId).ToHashSet();
        var seeded = new List<(ScoreCard, IReadOnlyList<SecurityEvent>)>(byDate.Count);
        var cards = new List<ScoreCard>(byDate.Count);
        foreach (var (date, slots) in byDate)
        {
            var recorded = new HashSet<string>(StringComparer.Ordinal);
            var perAsset = new HashSet<(string, RecommendationId)>();
            var records = new List<ProviderRecords>();
            var dayAsOf = DateTimeOffset.MinValue;
            for (var p = 0; p < slots.Length; p++)
            {
                if (slots[p] is { } day)
                {
                    recorded.Add(histories[p].ProviderName);
                    records.Add(new ProviderRecords(histories[p].ProviderName, day.AsOf, day.Recommendations, [], day.Assessments, [], []));
                    foreach (var a in day.Assessments)
                    {
                        perAsset.Add((histories[p].ProviderName, a.RecommendationId));
                    }

                    dayAsOf = day.AsOf > dayAsOf ? day.AsOf : dayAsOf;
                }
            }

            ScoreCard? scored = null;
            try
            {
                var merged = RecordMerger.Merge(records, today.Metrics, today.Initiatives);
                var snapshot = new ExposureSnapshot(tenantId, dayAsOf, merged.Recommendations, merged.Assets, merged.Assessments, merged.Metrics, merged.Initiatives);
                scored = ScoreCard.FromReport(ExposureScorer.Score(snapshot, scoring));
            }
            catch (ArgumentException ex)
            {
                warnings.Add(FormattableString.Invariant($"The history of {date:yyyy-MM-dd} could not be scored and was not seeded: {ex.Message}"));
            }

            if (scored is null)
            {
                continue;
            }

            var card = MarkUncovered(scored, todayCard, Gap);
            var secureScore = today.Recommendations.All(r => Gap(r.Id) is null) ? card.SecureScore : null;
            card = card.AsSourceHistory(secureScore);
            var events = ScoreDropDetector.Detect(ScoreDropDetector.SelectBaseline(cards, card.AsOf, drop), card, drop);
            cards.Add(card);
            seeded.Add((card, events));

            string? Gap(RecommendationId id)
            {
                if (!today.Provenance.TryGetValue(id, out var owners))
                {
                    return null; // only on that day, from a provider that recorded it
                }

                if (!recorded.Contains(owners[0]))
                {
                    return FormattableString.Invariant($"Rebuilt from source history for {date:yyyy-MM-dd}: source provider '{owners[0]}' has no record of that day.");
                }

                return assessedToday.Contains(id) && !perAsset.Contains((owners[0], id))
                    ? FormattableString.Invariant($"Rebuilt from source history for {date:yyyy-MM-dd}: recommendation '{id}' is assessed per asset today, and source provider '{owners[0]}' has no per-asset results for it on that day.")
                    : null;
            }
        }

        return seeded.AsReadOnly();
    }

    private static ScoreCard MarkUncovered(ScoreCard card, ScoreCard todayCard, Func<RecommendationId, string?> gap)
    {
        var staleMetrics = new Dictionary<MetricId, string>();
        foreach (var m in card.Metrics)
        {
            var members = m.RecommendationIds.Concat(todayCard.FindMetric(m.Id)?.RecommendationIds ?? []);
            if (members.Select(gap).FirstOrDefault(r => r is not null) is { } reason)
            {
                staleMetrics[m.Id] = reason;
            }
        }

        foreach (var group in staleMetrics.GroupBy(p => p.Value, StringComparer.Ordinal))
        {
            card = card.WithStaleMetrics(group.Select(p => p.Key), group.Key);
        }

        var changed = false;
        var initiatives = new ScoreCardInitiative[card.Initiatives.Count];
        for (var i = 0; i < initiatives.Length; i++)
        {
            var x = card.Initiatives[i];
            var members = x.RecommendationIds.Concat(todayCard.FindInitiative(x.Id)?.RecommendationIds ?? []);
            if (x.Availability != ScoreAvailability.Stale && members.Select(gap).FirstOrDefault(r => r is not null) is { } reason)
            {
                x = x.WithAvailability(ScoreAvailability.Stale, reason);
                changed = true;
            }

            initiatives[i] = x;
        }

        return changed ? card.WithInitiatives(initiatives) : card;
    }
}
