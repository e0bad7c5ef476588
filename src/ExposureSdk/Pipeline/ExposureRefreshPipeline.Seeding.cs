using ExposureSdk.History;
using ExposureSdk.Providers;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Pipeline;

// Seeding an empty history from the sources' own records of earlier days (all or nothing).
public sealed partial class ExposureRefreshPipeline
{
    /// <summary>
    /// On the first refresh of a tenant whose history is empty, reads the history of every provider that
    /// succeeded and stores one rebuilt card per earlier day (oldest first) with the events between them.
    /// </summary>
    private async Task<IReadOnlyList<ScoreCard>> SeedHistoryIfEmptyAsync(
        (ProviderOutcomeKind Kind, ProviderRecords? Records, string? Error, TimeSpan Duration)[] pulls,
        MergedRecords merged,
        ScoreCard card,
        DateTimeOffset asOf,
        ScoreCard? latest,
        List<string> warnings,
        Action<string> step,
        CancellationToken cancellationToken)
    {
        if (!_seedHistory || _historyKnownNonEmpty)
        {
            return [];
        }

        if (latest is not null)
        {
            _historyKnownNonEmpty = true;
            return [];
        }

        // An inactive source's recommendations are not shown (domain rules §2), so its history is not read either.
        var sources = _providers.Where((_, i) => pulls[i].Kind == ProviderOutcomeKind.Succeeded && pulls[i].Records!.Coverage.Status != SourceStatus.Inactive).ToArray();
        var retention = TimeSpan.FromDays(_retentionDays);
        var reads = await Task.WhenAll(sources.Select(p => ProviderPuller.PullHistoryAsync(
            p, day => HistorySeeder.DayOf(day, asOf, retention, _drop.TimeZone), _timeouts[p.Name], _time, cancellationToken))).ConfigureAwait(false);
        var histories = new List<(string ProviderName, IReadOnlyList<SourceHistoryDay> Days)>();
        for (var i = 0; i < sources.Length; i++)
        {
            if (reads[i].Error is { } error)
            {
                warnings.Add($"Provider '{sources[i].Name}': its history could not be read, so none was seeded from it: {error}");
                PipelineLog.HistoryNotRead(_logger, sources[i].Name, error);
            }
            else if (reads[i].Days is { Count: > 0 } days)
            {
                histories.Add((sources[i].Name, days));
            }
        }

        if (histories.Count == 0)
        {
            return [];
        }

        var seeds = HistorySeeder.Build(_tenantId, asOf, histories, merged, card, retention, _scoring, _drop, warnings);
        // All or nothing (rules §4): a crash mid-rebuild leaves the history empty, so the next refresh
        // rebuilds it again instead of finding a partial history and skipping the rebuild.
        step("rebuild");
        await _history.AppendManyAsync(seeds.Select(s => new ScoreHistoryEntry(s.Card, s.Events)).ToArray(), cancellationToken).ConfigureAwait(false);

        if (seeds.Count > 0)
        {
            var seededEvents = seeds.Sum(s => s.Events.Count);
            PipelineLog.HistorySeeded(_logger, seeds.Count, seededEvents, histories.Count, seeds[0].Card.AsOf, seeds[^1].Card.AsOf);
        }

        return seeds.Select(s => s.Card).ToArray().AsReadOnly();
    }
}
