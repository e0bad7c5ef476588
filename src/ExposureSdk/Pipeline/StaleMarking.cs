using ExposureSdk.Providers;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Pipeline;

/// <summary>
/// Marks the metrics and initiatives fed by providers that did not succeed, or that succeeded with a
/// part of their source failed (a coverage part with status Failed, for example one subscription
/// answering 403), as stale, with the reason: what they show cannot be compared with yesterday.
/// </summary>
internal static class StaleMarking
{
    public static ScoreCard Apply(
        ScoreCard card,
        IReadOnlyList<(ProviderOutcome Outcome, ProviderRecords? Previous)> failed,
        IReadOnlyList<(ProviderOutcome Outcome, ProviderRecords Records)> partial,
        MergedRecords merged,
        ScoreCard? baseline,
        ExposureSnapshot snapshot)
    {
        if (failed.Count == 0 && partial.Count == 0)
        {
            return card;
        }

        var metricReasons = new Dictionary<MetricId, List<string>>();
        var initiativeReasons = new Dictionary<InitiativeId, List<string>>();
        var present = new HashSet<RecommendationId>(snapshot.Recommendations.Select(r => r.Id));
        var sources = failed.Select(f => (f.Outcome, Records: f.Previous, Reason: Reason(f.Outcome, f.Previous)))
            .Concat(partial.Select(p => (p.Outcome, Records: (ProviderRecords?)p.Records, Reason: PartialReason(p.Outcome))))
            .ToList();
        var allReasons = string.Join(" ", sources.Select(s => s.Reason));

        foreach (var (outcome, previous, reason) in sources)
        {
            var supplied = previous?.RecommendationIds ?? [];
            foreach (var m in card.Metrics)
            {
                var owned = merged.MetricOwners.TryGetValue(m.Id, out var owner) && owner == outcome.ProviderName;
                if (owned || m.RecommendationIds.Any(supplied.Contains))
                {
                    Add(metricReasons, m.Id, reason);
                }
            }

            foreach (var i in card.Initiatives)
            {
                var owned = merged.InitiativeOwners.TryGetValue(i.Id, out var owner) && owner == outcome.ProviderName;
                if (owned || i.RecommendationIds.Any(supplied.Contains))
                {
                    Add(initiativeReasons, i.Id, reason);
                }
            }
        }

        // Members lost in this refresh while a provider failed: the failed provider probably gave them.
        foreach (var m in card.Metrics)
        {
            var lostToday = merged.MetricsMissingMembers.Contains(m.Id);
            var lostSinceBaseline = baseline?.FindMetric(m.Id) is { } before && before.RecommendationIds.Any(r => !present.Contains(r));
            if ((lostToday || lostSinceBaseline) && !metricReasons.ContainsKey(m.Id))
            {
                Add(metricReasons, m.Id, "Member recommendations are missing while a source failed. " + allReasons);
            }
        }

        foreach (var i in card.Initiatives)
        {
            var lostToday = merged.InitiativesMissingMembers.Contains(i.Id);
            var lostSinceBaseline = baseline?.FindInitiative(i.Id) is { } before
                && (before.RecommendationIds.Any(r => !present.Contains(r)) || before.Metrics.Any(x => card.FindMetric(x.MetricId) is null));
            if ((lostToday || lostSinceBaseline) && !initiativeReasons.ContainsKey(i.Id))
            {
                Add(initiativeReasons, i.Id, "Members are missing while a source failed. " + allReasons);
            }
        }

        foreach (var group in metricReasons.GroupBy(p => string.Join(" ", p.Value), StringComparer.Ordinal))
        {
            card = card.WithStaleMetrics(group.Select(p => p.Key), group.Key);
        }

        if (initiativeReasons.Count > 0)
        {
            var initiatives = card.Initiatives
                .Select(i => initiativeReasons.TryGetValue(i.Id, out var reasons) && i.Availability != ScoreAvailability.Stale
                    ? new ScoreCardInitiative(i.Id, i.Name, i.Score, ScoreAvailability.Stale, string.Join(" ", reasons), i.Metrics, i.RecommendationIds, i.TargetScore, i.IsApproximate)
                    : i)
                .ToArray();
            card = card.WithInitiatives(initiatives);
        }

        return card;
    }

    private static string PartialReason(ProviderOutcome outcome)
    {
        var failedParts = outcome.Coverage.Parts.Where(p => p.Status == SourceStatus.Failed).Select(p => p.Name).ToList();
        var named = string.Join(", ", failedParts.Take(10)) + (failedParts.Count > 10 ? FormattableString.Invariant($" and {failedParts.Count - 10} more") : string.Empty);
        return $"Source provider '{outcome.ProviderName}' was read only in part ({named} failed): what it feeds is not compared today.";
    }

    private static string Reason(ProviderOutcome outcome, ProviderRecords? previous)
    {
        var text = $"Source provider '{outcome.ProviderName}' {outcome.Kind}: {outcome.ErrorMessage ?? outcome.Kind.ToString()}";
        return previous is null
            ? text + " No earlier data from it."
            : text + FormattableString.Invariant($" Using its last known data from {previous.PulledAt:O}.");
    }

    private static void Add<TId>(Dictionary<TId, List<string>> map, TId id, string reason)
        where TId : notnull
    {
        if (!map.TryGetValue(id, out var list))
        {
            map[id] = list = [];
        }

        if (!list.Contains(reason))
        {
            list.Add(reason);
        }
    }
}
