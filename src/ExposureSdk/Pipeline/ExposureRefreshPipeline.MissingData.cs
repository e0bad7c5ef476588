using System.Globalization;
using ExposureSdk.Providers;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Pipeline;

// Missing source data (domain rules §4, issue 17): which providers succeeded with nothing although they supplied
// results at the baseline, and what this process remembers of each provider's results between refreshes.
public sealed partial class ExposureRefreshPipeline
{
    /// <summary>
    /// The providers that succeeded with no results (no recommendations, recommendations without any result, or
    /// results that name no known recommendation) although they supplied results at the baseline (domain rules §4):
    /// their data is missing, like a failed source's. Whether a provider supplied results at the baseline is known
    /// when this process recorded the baseline; otherwise (after a restart) it is assumed when the baseline shows
    /// data that is gone today. Each one adds a warning.
    /// </summary>
    private List<EmptySource> FindEmptySources(
        (ProviderOutcomeKind Kind, ProviderRecords? Records, string? Error, TimeSpan Duration)[] pulls,
        MergedRecords merged,
        ScoreCard? baseline,
        ScoreCard card,
        ExposureSnapshot snapshot,
        List<string> warnings)
    {
        var empty = new List<EmptySource>();
        if (baseline is null)
        {
            return empty;
        }

        HashSet<RecommendationId>? present = null;
        for (var i = 0; i < _providers.Length; i++)
        {
            var records = pulls[i].Records;
            if (pulls[i].Kind != ProviderOutcomeKind.Succeeded
                || records!.Coverage.Status == SourceStatus.Inactive
                || records.Coverage.Parts.Any(p => p.Status == SourceStatus.Failed)
                || records.HasResults(merged.Provenance))
            {
                continue;
            }

            var name = _providers[i].Name;
            var known = ResultsOnCard(name, baseline.AsOf);
            if (known == false
                || (known is null && !BaselineShowsDataGoneToday(records, baseline, card, present ??= [.. snapshot.Recommendations.Select(r => r.Id)])))
            {
                continue;
            }

            var what = records.Recommendations.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{records.Recommendations.Count} recommendation(s), none with a result")
                : records.Assessments.Count > 0 ? "its results name no recommendation any source gave" : "no recommendations";
            var when = known is null
                ? string.Create(CultureInfo.InvariantCulture, $"the baseline of {baseline.AsOf:O} shows data that is gone today (this process did not record that baseline)")
                : string.Create(CultureInfo.InvariantCulture, $"it supplied results at the baseline of {baseline.AsOf:O}");
            var reason = $"Source provider '{name}' succeeded with no results ({what}) while {when}: its data is treated as missing, like a failed source's, and what it feeds is not compared today.";
            warnings.Add($"Provider '{name}': succeeded with no results ({what}) while {when}; its data is treated as missing: what it feeds is stale and not compared today.");
            PipelineLog.ProviderGaveNoResults(_logger, name, baseline.AsOf);

            var supplied = new HashSet<RecommendationId>(records.RecommendationIds);
            if (_lastGood.TryGetValue(name, out var last))
            {
                supplied.UnionWith(last.RecommendationIds);
            }

            var outcome = new ProviderOutcome(name, ProviderOutcomeKind.Succeeded, pulls[i].Duration, records.Counts, null, records.PulledAt, usedLastKnownData: false, records.Coverage, records.Warnings);
            empty.Add(new EmptySource(outcome, supplied, reason));
        }

        return empty;
    }

    /// <summary>
    /// Without a record of the baseline's refresh: whether the baseline shows data that an empty provider may have
    /// supplied and that is gone today (a metric with assets in scope over a recommendation it still gives, a
    /// member recommendation no source gives today, or a metric or initiative today's card lacks).
    /// </summary>
    private static bool BaselineShowsDataGoneToday(ProviderRecords records, ScoreCard baseline, ScoreCard card, HashSet<RecommendationId> present)
        => baseline.Metrics.Any(m => (m.Scope > 0 && m.RecommendationIds.Any(records.RecommendationIds.Contains))
                || m.RecommendationIds.Any(r => !present.Contains(r))
                || card.FindMetric(m.Id) is null)
            || baseline.Initiatives.Any(x => x.RecommendationIds.Any(r => !present.Contains(r)) || card.FindInitiative(x.Id) is null);

    /// <summary>Whether the card this process recorded at <paramref name="asOf"/> holds results of the provider; <see langword="null"/> when this process did not record it.</summary>
    private bool? ResultsOnCard(string providerName, DateTimeOffset asOf)
    {
        if (_resultsOnCards.TryGetValue(providerName, out var cards))
        {
            foreach (var (at, hadResults) in cards)
            {
                if (at == asOf)
                {
                    return hadResults;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// After a recorded refresh: the providers' last known data (a pull that succeeded, unless its missing results
    /// were treated as missing data) and whether the recorded card holds results of each provider (the cards older
    /// than the baseline look-back are forgotten).
    /// </summary>
    private void RememberResults(
        (ProviderOutcomeKind Kind, ProviderRecords? Records, string? Error, TimeSpan Duration)[] pulls,
        List<EmptySource> empty,
        MergedRecords merged,
        DateTimeOffset asOf,
        TimeSpan lookBack)
    {
        for (var i = 0; i < _providers.Length; i++)
        {
            var name = _providers[i].Name;
            var succeeded = pulls[i].Kind == ProviderOutcomeKind.Succeeded;
            var shown = succeeded ? pulls[i].Records!.Shown : _lastGood.GetValueOrDefault(name)?.Shown;
            if (succeeded && !empty.Exists(e => e.Outcome.ProviderName == name))
            {
                _lastGood[name] = pulls[i].Records!;
            }

            if (!_resultsOnCards.TryGetValue(name, out var cards))
            {
                _resultsOnCards[name] = cards = [];
            }

            cards.RemoveAll(c => c.AsOf < asOf - lookBack);
            cards.Add((asOf, shown?.HasResults(merged.Provenance) == true));
        }
    }
}
