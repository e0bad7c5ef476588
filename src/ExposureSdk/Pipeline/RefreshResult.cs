using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Pipeline;

/// <summary>
/// The result of one refresh: every provider's outcome, the merged snapshot, the engine's report, the
/// stored score card (with stale marks) and the events raised.
/// </summary>
public sealed class RefreshResult
{
    internal RefreshResult(
        DateTimeOffset asOf,
        TimeSpan duration,
        IReadOnlyList<ProviderOutcome> outcomes,
        ExposureSnapshot snapshot,
        ScoreReport report,
        ScoreCard card,
        ScoreCard? baseline,
        IReadOnlyList<SecurityEvent> events,
        IReadOnlyList<SecurityEventChange> eventChanges,
        IReadOnlyDictionary<RecommendationId, IReadOnlyList<string>> provenance,
        IReadOnlyList<string> warnings,
        IReadOnlyList<ScoreCard> seededCards,
        string? historyError = null)
    {
        HistoryError = historyError;
        SeededCards = seededCards;
        AsOf = asOf;
        Duration = duration;
        Outcomes = outcomes;
        Snapshot = snapshot;
        Report = report;
        Card = card;
        Baseline = baseline;
        Events = events;
        EventChanges = eventChanges;
        Provenance = provenance;
        Warnings = warnings;
        StaleMetrics = card.Metrics.Where(m => m.Availability == ScoreAvailability.Stale).ToArray().AsReadOnly();
        StaleInitiatives = card.Initiatives.Where(i => i.Availability == ScoreAvailability.Stale).ToArray().AsReadOnly();
        MissingScores = ScoreDropDetector.FindMissingScores(baseline, card);
    }

    /// <summary>The tenant.</summary>
    public string TenantId => Snapshot.TenantId;

    /// <summary>When the refresh started (the snapshot's and the card's time), in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>How long the refresh took, from the first pull to the events stored (before subscribers).</summary>
    public TimeSpan Duration { get; }

    /// <summary>Every provider's outcome, in provider (registration) order.</summary>
    public IReadOnlyList<ProviderOutcome> Outcomes { get; }

    /// <summary>
    /// Whether this refresh's card and the day's event transitions were stored in history. When the history store
    /// could not be read or written (a full disk, a read-only or corrupted database, a database locked by another
    /// process beyond its busy timeout), this is <see langword="false"/>, <see cref="HistoryError"/> says why,
    /// nothing of this refresh was stored (every write is atomic) and <see cref="EventChanges"/> is empty: the next
    /// refresh that is recorded compares with the last card that was stored and makes the day's transitions once.
    /// </summary>
    public bool IsHistoryWritten => HistoryError is null;

    /// <summary>
    /// Why the history was not written (the store's type, whether reading or writing failed, and the store's error
    /// message), or <see langword="null"/> when it was. When reading failed there was no baseline, so
    /// <see cref="Events"/> is empty too.
    /// </summary>
    public string? HistoryError { get; }

    /// <summary>Whether every provider succeeded.</summary>
    public bool IsComplete => Outcomes.All(o => o.Succeeded);

    /// <summary>The merged snapshot that was scored.</summary>
    public ExposureSnapshot Snapshot { get; }

    /// <summary>The engine's report for <see cref="Snapshot"/>.</summary>
    public ScoreReport Report { get; }

    /// <summary>The score card stored in history, with the metrics and initiatives of failed providers marked <see cref="ScoreAvailability.Stale"/>.</summary>
    public ScoreCard Card { get; }

    /// <summary>The card events were detected against ("yesterday"), or <see langword="null"/> when history had none.</summary>
    public ScoreCard? Baseline { get; }

    /// <summary>
    /// The security events this refresh's comparison with the baseline gives (never for a stale or unavailable
    /// subject): the day's events as of this refresh. A later refresh of the same day gives them again; what
    /// changed in the day's stored events is <see cref="EventChanges"/>.
    /// </summary>
    public IReadOnlyList<SecurityEvent> Events { get; }

    /// <summary>
    /// The transitions of the day's events that this refresh made (domain rules §4: one event per subject, kind
    /// and calendar day): <see cref="SecurityEventTransition.Raised"/> for a subject and kind the day had no event
    /// for, <see cref="SecurityEventTransition.Updated"/> when the day's event changed (its current score, drop,
    /// effects or causes), <see cref="SecurityEventTransition.Withdrawn"/> when this refresh no longer meets the
    /// threshold. An event that is unchanged gives no transition, so a subscriber sees each transition once;
    /// a day's event whose subject cannot be compared by this refresh (missing data) is kept as it is.
    /// </summary>
    public IReadOnlyList<SecurityEventChange> EventChanges { get; }

    /// <summary>
    /// The metrics and initiatives whose score could not be compared with the baseline, and why (stale or
    /// unavailable today or on the baseline, not on the baseline, or no baseline at all): the subjects for
    /// which no drop event could be raised, so that "no event" is never mistaken for "no drop" (domain
    /// rules §4, "the event stream says the data is missing instead"). See
    /// <see cref="ScoreDropDetector.FindMissingScores"/>.
    /// </summary>
    public IReadOnlyList<MissingScore> MissingScores { get; }

    /// <summary>The metrics whose data is stale because a provider did not succeed, with the reason.</summary>
    public IReadOnlyList<ScoreCardMetric> StaleMetrics { get; }

    /// <summary>The initiatives whose data is stale, with the reason.</summary>
    public IReadOnlyList<ScoreCardInitiative> StaleInitiatives { get; }

    /// <summary>For each recommendation, every provider that gave it, in provider order (the first one's record was kept).</summary>
    public IReadOnlyDictionary<RecommendationId, IReadOnlyList<string>> Provenance { get; }

    /// <summary>
    /// The score cards this refresh rebuilt from the providers' own history and stored before its own
    /// card (oldest first): only on the first refresh of a tenant whose history was empty (see
    /// <see cref="ExposureRefreshPipelineOptions.SeedHistoryFromSources"/>); empty otherwise.
    /// </summary>
    public IReadOnlyList<ScoreCard> SeededCards { get; }

    /// <summary>
    /// What the providers reported (<see cref="ProviderOutcome.Warnings"/>, each prefixed with the provider's
    /// name), what the merge dropped or repaired (dangling references) and what could not be seeded from
    /// history, one message each.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Whether every source was read in full: every provider succeeded and none reported limited coverage
    /// (an inactive source is complete: it has nothing to show).
    /// </summary>
    public bool IsFullCoverage => Outcomes.All(o => o.Succeeded && o.Coverage.Status != Providers.SourceStatus.Limited);

    /// <summary>Finds a provider's outcome by name.</summary>
    /// <param name="providerName">The provider's name (ordinal).</param>
    /// <returns>The outcome, or <see langword="null"/>.</returns>
    public ProviderOutcome? FindOutcome(string providerName) => Outcomes.FirstOrDefault(o => string.Equals(o.ProviderName, providerName, StringComparison.Ordinal));
}
