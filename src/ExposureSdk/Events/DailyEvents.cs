using ExposureSdk.History;

namespace ExposureSdk.Events;

/// <summary>
/// One event per subject, kind and calendar day (domain rules §4, Decision): reconciles what a refresh detects
/// with the events already stored for its day, giving the transitions (raised, updated, withdrawn).
/// </summary>
internal static class DailyEvents
{
    /// <summary>
    /// The UTC bounds of the calendar day (in <paramref name="zone"/>) that contains <paramref name="instant"/>: start
    /// inclusive, end exclusive. A day whose midnight is skipped starts at its first valid time; one whose midnight
    /// happens twice starts at the first.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var date = ScoreDropDetector.LocalDate(instant, zone);
        var start = StartOf(date, zone);
        var end = StartOf(date.AddDays(1), zone);

        // A zone whose midnight is skipped or repeated still gives a day that holds the instant.
        start = start <= instant ? start : instant.ToUniversalTime();
        end = end > instant ? end : instant.ToUniversalTime().AddTicks(1);
        return (start, end);
    }

    /// <summary>
    /// The transitions of the day's events: a detected event with no stored event of its subject and kind that
    /// day is raised; one whose stored event differs (anything but its date) is updated; a stored event that
    /// this refresh no longer detects is withdrawn, unless its subject's score could not be compared today
    /// (listed in <paramref name="missing"/>: the data is missing, which says nothing about the drop).
    /// </summary>
    /// <param name="storedToday">The events stored for the day so far, oldest first.</param>
    /// <param name="detected">What this refresh detects against the baseline.</param>
    /// <param name="missing">The subjects whose score could not be compared by this refresh.</param>
    /// <param name="dayStart">The day's start (UTC).</param>
    /// <param name="dayEnd">The day's end (UTC).</param>
    /// <returns>The transitions: raised and updated in the detector's order, then withdrawn in stored order.</returns>
    public static IReadOnlyList<SecurityEventChange> Reconcile(
        IReadOnlyList<SecurityEvent> storedToday,
        IReadOnlyList<SecurityEvent> detected,
        IReadOnlyList<MissingScore> missing,
        DateTimeOffset dayStart,
        DateTimeOffset dayEnd)
    {
        if (storedToday.Count == 0 && detected.Count == 0)
        {
            return [];
        }

        // Several stored events of one subject and kind in a day come from history written before this rule:
        // the latest stands for the day (the store replaces them all on the next change).
        var stored = new Dictionary<(SecurityEventKind, string), SecurityEvent>();
        var order = new List<(SecurityEventKind, string)>();
        foreach (var e in storedToday)
        {
            var key = (e.Kind, e.SubjectId);
            if (!stored.ContainsKey(key))
            {
                order.Add(key);
            }

            stored[key] = e;
        }

        var changes = new List<SecurityEventChange>();
        foreach (var e in detected)
        {
            var key = (e.Kind, e.SubjectId);
            if (stored.Remove(key, out var before))
            {
                if (!SameExceptDate(e, before))
                {
                    changes.Add(new SecurityEventChange(SecurityEventTransition.Updated, e, before, dayStart, dayEnd));
                }
            }
            else
            {
                changes.Add(new SecurityEventChange(SecurityEventTransition.Raised, e, null, dayStart, dayEnd));
            }
        }

        if (stored.Count > 0)
        {
            var notCompared = missing.Select(m => (m.SubjectKind, m.SubjectId)).ToHashSet();
            foreach (var key in order)
            {
                if (stored.TryGetValue(key, out var gone) && !notCompared.Contains((gone.SubjectKind, gone.SubjectId)))
                {
                    changes.Add(new SecurityEventChange(SecurityEventTransition.Withdrawn, gone, null, dayStart, dayEnd));
                }
            }
        }

        return changes.AsReadOnly();
    }

    /// <summary>Whether two events of one subject and kind say the same thing apart from their date (compared in the stored form).</summary>
    private static bool SameExceptDate(SecurityEvent now, SecurityEvent before) =>
        ScoreHistoryFormat.WriteEvent(now.WithDate(before.Date)).AsSpan().SequenceEqual(ScoreHistoryFormat.WriteEvent(before));

    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // A midnight that happens twice (clocks set back from 01:00 to 00:00) starts the day at its first
        // occurrence, the one with the larger offset: GetUtcOffset would take the standard time, an hour later,
        // so that the day's first hour would fall outside its own bounds.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
