using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Samples.Web.Hosting;

/// <summary>
/// Puts the demo tenant's earlier days into an empty history store before the first refresh, so the demo
/// dashboard has trends, a yesterday to compare with, and the events of past days from its first page. Each
/// day is that day's snapshot scored as it stood (its own initiatives: one appears today, one nine days ago),
/// with the events against the day before, exactly as the CLI scores the demo's history. Written in one
/// <see cref="IScoreHistoryStore.AppendManyAsync"/>: all days or none. A store that already holds a card for
/// the tenant is left as it is.
/// </summary>
internal static class DemoHistoryImport
{
    /// <summary>Imports the days before today when the store holds nothing for the tenant.</summary>
    /// <param name="provider">The demo source.</param>
    /// <param name="store">The history store.</param>
    /// <param name="options">The pipeline's options (scoring weights, drop threshold, time zone).</param>
    /// <param name="days">How many days before today.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The number of days imported (0 when the store already had history).</returns>
    public static async Task<int> ImportIfEmptyAsync(DemoSourceProvider provider, IScoreHistoryStore store, ExposureRefreshPipelineOptions options, int days, CancellationToken cancellationToken)
    {
        if (days == 0 || await store.GetLatestCardAsync(options.TenantId, cancellationToken) is not null)
        {
            return 0;
        }

        var cards = new List<ScoreCard>(days);
        var entries = new List<ScoreHistoryEntry>(days);
        for (var daysAgo = Math.Min(days, provider.Tenant.HistoryDays); daysAgo >= 1; daysAgo--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var card = ScoreCard.FromReport(ExposureScorer.Score(provider.Tenant.GetSnapshot(daysAgo), options.Scoring));
            var baseline = ScoreDropDetector.SelectBaseline(cards, card.AsOf, options.ScoreDrop);
            entries.Add(new ScoreHistoryEntry(card, ScoreDropDetector.Detect(baseline, card, options.ScoreDrop)));
            cards.Add(card);
        }

        await store.AppendManyAsync(entries, cancellationToken);
        return entries.Count;
    }
}
