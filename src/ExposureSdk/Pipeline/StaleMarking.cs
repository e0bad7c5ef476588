using System.Globalization;
using ExposureSdk.Providers;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Pipeline;

/// <summary>
/// Marks as stale, with the reason, the metrics and initiatives fed by a source whose data is missing today:
/// a provider that did not succeed, one that succeeded with a part of its source failed (a coverage part with
/// status Failed, for example one subscription answering 403), and one that succeeded with no results although
/// it supplied results at the baseline (domain rules §4): what they show cannot be compared with yesterday.
/// </summary>
internal static class StaleMarking
{
    public static ScoreCard Apply(
        ScoreCard card,
        IReadOnlyList<(ProviderOutcome Outcome, ProviderRecords? Previous)> failed,
        IReadOnlyList<(ProviderOutcome Outcome, ProviderRecords Records)> partial,
        IReadOnlyList<EmptySource> empty,
        MergedRecords merged,
        ScoreCard? baseline,
        ExposureSnapshot snapshot)
    {
        if (failed.Count == 0 && partial.Count == 0 && empty.Count == 0)
        {
            return card;
        }

        var metricReasons = new Dictionary<MetricId, List<string>>();
        var initiativeReasons = new Dictionary<InitiativeId, List<string>>();
        var present = new HashSet<RecommendationId>(snapshot.Recommendations.Select(r => r.Id));
        var sources = failed.Select(f => (f.Outcome.ProviderName, Supplied: (IReadOnlySet<RecommendationId>?)f.Previous?.RecommendationIds, Reason: Reason(f.Outcome, f.Previous)))
            .Concat(partial.Select(p => (p.Outcome.ProviderName, Supplied: (IReadOnlySet<RecommendationId>?)p.Records.RecommendationIds, Reason: PartialReason(p.Outcome))))
            .Concat(empty.Select(e => (e.Outcome.ProviderName, Supplied: (IReadOnlySet<RecommendationId>?)e.Supplied, e.Reason)))
            .ToList();
        var allReasons = string.Join(" ", sources.Select(s => s.Reason));

        foreach (var (providerName, supplied, reason) in sources)
        {
            foreach (var m in card.Metrics)
            {
                var owned = merged.MetricOwners.TryGetValue(m.Id, out var owner) && owner == providerName;
                if (owned || (supplied is not null && m.RecommendationIds.Any(supplied.Contains)))
                {
                    Add(metricReasons, m.Id, reason);
                }
            }

            foreach (var i in card.Initiatives)
            {
                var owned = merged.InitiativeOwners.TryGetValue(i.Id, out var owner) && owner == providerName;
                if (owned || (supplied is not null && i.RecommendationIds.Any(supplied.Contains)))
                {
                    Add(initiativeReasons, i.Id, reason);
                }
            }
        }

        // Members lost in this refresh while a source's data is missing: that source probably gave them.
        foreach (var m in card.Metrics)
        {
            var lostToday = merged.MetricsMissingMembers.Contains(m.Id);
            var lostSinceBaseline = baseline?.FindMetric(m.Id) is { } before && before.RecommendationIds.Any(r => !present.Contains(r));
            if ((lostToday || lostSinceBaseline) && !metricReasons.ContainsKey(m.Id))
            {
                Add(metricReasons, m.Id, "Member recommendations are missing while a source's data is missing. " + allReasons);
            }
        }

        foreach (var i in card.Initiatives)
        {
            var lostToday = merged.InitiativesMissingMembers.Contains(i.Id);
            var lostSinceBaseline = baseline?.FindInitiative(i.Id) is { } before
                && (before.RecommendationIds.Any(r => !present.Contains(r)) || before.Metrics.Any(x => card.FindMetric(x.MetricId) is null));
            if ((lostToday || lostSinceBaseline) && !initiativeReasons.ContainsKey(i.Id))
            {
                Add(initiativeReasons, i.Id, "Members are missing while a source's data is missing. " + allReasons);
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

        return CarryForward(card, baseline, allReasons);
    }

    /// <summary>
    /// The subjects of the baseline that today's card lacks while a source's data is missing (a provider that
    /// defines its own metrics or initiatives failed, or gave nothing, and this process holds no last known
    /// data of it, for example after a restart): they are kept on today's card as they stood on the baseline,
    /// stale, so they are reported missing today and compared with nothing tomorrow (no false drop, no
    /// NewInitiative when the source returns). In-process, the last known data gives the same result.
    /// </summary>
    private static ScoreCard CarryForward(ScoreCard card, ScoreCard? baseline, string allReasons)
    {
        if (baseline is null)
        {
            return card;
        }

        var metrics = baseline.Metrics.Where(m => card.FindMetric(m.Id) is null).ToList();
        var initiatives = baseline.Initiatives.Where(i => card.FindInitiative(i.Id) is null).ToList();
        if (metrics.Count == 0 && initiatives.Count == 0)
        {
            return card;
        }

        var reason = string.Create(CultureInfo.InvariantCulture, $"Not given today while a source's data is missing: shown as it stood on the card of {baseline.AsOf:O}. ") + allReasons;
        return new ScoreCard(
            card.TenantId,
            card.AsOf,
            card.SecureScore,
            [.. card.Metrics, .. metrics.Select(m => m.WithAvailability(ScoreAvailability.Stale, reason))],
            [.. card.Initiatives, .. initiatives.Select(i => i.WithAvailability(ScoreAvailability.Stale, reason))],
            card.Origin);
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

/// <summary>
/// A provider that succeeded with no results although it supplied results at the baseline (domain rules §4):
/// its data is missing today, like a failed source's.
/// </summary>
/// <param name="Outcome">Its outcome (Succeeded).</param>
/// <param name="Supplied">The recommendations it gave today or in its last pull with results.</param>
/// <param name="Reason">The stale reason.</param>
internal sealed record EmptySource(ProviderOutcome Outcome, IReadOnlySet<RecommendationId> Supplied, string Reason);
