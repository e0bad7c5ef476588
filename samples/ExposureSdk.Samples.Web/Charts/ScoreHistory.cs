using System.Globalization;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Samples.Web.Charts;

/// <summary>
/// A metric's or an initiative's daily history for the history charts: one point per calendar day (the day's
/// latest card), and, for each change of more than <see cref="InitiativeHistory.ChangeThresholdPoints"/> points
/// since the day before, the reasons: the SDK's <see cref="InitiativeHistory"/> for an initiative (metric
/// value changes, metrics removed, weight changes), the card's counts and members for a metric.
/// </summary>
public static class ScoreHistory
{
    /// <summary>The latest card of each calendar day, oldest first.</summary>
    /// <param name="cards">The cards, in any order.</param>
    /// <param name="zone">The time zone of the calendar days.</param>
    /// <returns>One card per day.</returns>
    public static IReadOnlyList<ScoreCard> Daily(IEnumerable<ScoreCard> cards, TimeZoneInfo zone) =>
        [.. cards
            .GroupBy(c => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.AsOf, zone).DateTime))
            .OrderBy(g => g.Key)
            .Select(g => g.MaxBy(c => c.AsOf)!)];

    /// <summary>A metric's points, with the reasons of each change over the threshold.</summary>
    /// <param name="daily">One card per day, oldest first.</param>
    /// <param name="metricId">The metric.</param>
    /// <param name="zone">The time zone of the calendar days.</param>
    /// <param name="names">Recommendation names by id (for the members added or removed).</param>
    /// <returns>The points, oldest first.</returns>
    public static IReadOnlyList<ChartPoint> Metric(IReadOnlyList<ScoreCard> daily, string metricId, TimeZoneInfo zone, IReadOnlyDictionary<string, string> names)
    {
        var points = new List<ChartPoint>();
        ScoreCardMetric? previous = null;
        foreach (var card in daily)
        {
            if (card.FindMetric(metricId) is not { Availability: ScoreAvailability.Available, Score: { } score } metric)
            {
                previous = null;
                continue;
            }

            string? note = null;
            if (previous is { Score: { } before } && Math.Abs(score - before) > InitiativeHistory.ChangeThresholdPoints)
            {
                note = MetricReason(previous, metric, names);
            }

            points.Add(new ChartPoint(Day(card.AsOf, zone), score, note));
            previous = metric;
        }

        return points;
    }

    /// <summary>An initiative's points, with the reasons of each change over the threshold (<see cref="InitiativeHistory.Build"/>).</summary>
    /// <param name="daily">One card per day, oldest first.</param>
    /// <param name="initiativeId">The initiative.</param>
    /// <param name="zone">The time zone of the calendar days.</param>
    /// <param name="metricNames">Metric names by id.</param>
    /// <returns>The points, oldest first.</returns>
    public static IReadOnlyList<ChartPoint> Initiative(IReadOnlyList<ScoreCard> daily, string initiativeId, TimeZoneInfo zone, IReadOnlyDictionary<string, string> metricNames)
    {
        var entries = InitiativeHistory.Build(daily).Where(e => e.InitiativeId.Value == initiativeId).ToDictionary(e => e.Date);
        var points = new List<ChartPoint>();
        foreach (var card in daily)
        {
            if (card.FindInitiative(initiativeId) is { Availability: ScoreAvailability.Available, Score: { } score })
            {
                points.Add(new ChartPoint(Day(card.AsOf, zone), score, entries.TryGetValue(card.AsOf, out var entry) ? InitiativeReason(entry, metricNames) : null));
            }
        }

        return points;
    }

    /// <summary>Why a metric's score changed: its affected assets and scope, the members added or removed, the weight.</summary>
    public static string MetricReason(ScoreCardMetric before, ScoreCardMetric after, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(names);
        var parts = new List<string> { $"{Display.Score(before.Score)} → {Display.Score(after.Score)} ({Display.Movement(after.Score - before.Score)})" };
        if (after.Affected != before.Affected)
        {
            parts.Add($"affected assets {Display.Count(before.Affected)} → {Display.Count(after.Affected)}");
        }

        if (after.Scope != before.Scope)
        {
            parts.Add($"assets in scope {Display.Count(before.Scope)} → {Display.Count(after.Scope)}");
        }

        var added = after.RecommendationIds.Except(before.RecommendationIds).ToList();
        var removed = before.RecommendationIds.Except(after.RecommendationIds).ToList();
        if (added.Count > 0)
        {
            parts.Add("recommendations added: " + string.Join(", ", added.Select(id => names.GetValueOrDefault(id.Value, id.Value))));
        }

        if (removed.Count > 0)
        {
            parts.Add("recommendations removed: " + string.Join(", ", removed.Select(id => names.GetValueOrDefault(id.Value, id.Value))));
        }

        if (after.Weight != before.Weight)
        {
            parts.Add($"weight {before.Weight} → {after.Weight}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>Why an initiative's score changed, from its history entry.</summary>
    public static string InitiativeReason(InitiativeHistoryEntry entry, IReadOnlyDictionary<string, string> metricNames)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(metricNames);
        string Name(MetricId id) => metricNames.GetValueOrDefault(id.Value, id.Value);
        var parts = new List<string> { $"{Display.Score(entry.PreviousScore)} → {Display.Score(entry.CurrentScore)} ({Display.Movement(entry.Change)})" };
        var values = entry.ValueChanges
            .Where(v => v.PreviousScore != v.CurrentScore)
            .OrderByDescending(v => Math.Abs((v.CurrentScore ?? 0) - (v.PreviousScore ?? 0)))
            .Take(3)
            .Select(v => $"{Name(v.MetricId)} {Display.Score(v.PreviousScore)} → {Display.Score(v.CurrentScore)}")
            .ToList();
        if (values.Count > 0)
        {
            parts.Add("metric scores changed: " + string.Join(", ", values) + (entry.ValueChanges.Count > values.Count ? string.Create(CultureInfo.InvariantCulture, $" and {entry.ValueChanges.Count - values.Count} more") : string.Empty));
        }

        if (entry.MetricsRemoved.Count > 0)
        {
            parts.Add("metrics removed: " + string.Join(", ", entry.MetricsRemoved.Select(Name)));
        }

        if (entry.MetricsDeprecated.Count > 0)
        {
            parts.Add("metrics deprecated: " + string.Join(", ", entry.MetricsDeprecated.Select(Name)));
        }

        foreach (var w in entry.WeightChanges)
        {
            parts.Add($"{Name(w.MetricId)} weight {w.Previous} → {w.Current}");
        }

        if (entry.NewlyExposedAssetIds.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{entry.NewlyExposedAssetIds.Count} newly exposed asset(s) among the top affected"));
        }

        return string.Join("; ", parts);
    }

    private static DateOnly Day(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
