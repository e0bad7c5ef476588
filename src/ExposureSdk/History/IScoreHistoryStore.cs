using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.History;

/// <summary>
/// Where the runtime keeps each refresh's <see cref="ScoreCard"/> and the <see cref="SecurityEvent"/>s it
/// raised, per tenant: the baseline for score-drop detection ("yesterday"), trends and the events list.
/// </summary>
/// <remarks>
/// <para><b>Contract for implementers.</b></para>
/// <list type="bullet">
/// <item>Thread safety: every member may be called concurrently from several threads (many readers, and
/// writes that the store serializes itself).</item>
/// <item>Atomicity and durability: <see cref="AppendAsync"/> stores the card and its events together or
/// not at all, and <see cref="AppendManyAsync"/> stores all its entries or none (one transaction); once the returned task completes, the write survives a crash of the process (durable
/// stores) and every later read sees it. Readers never see half a write.</item>
/// <item>Order: cards and events are returned oldest first by time; entries with the same time in the
/// order they were appended.</item>
/// <item>Ranges are half-open: <c>since</c> ≤ time &lt; <c>until</c>, compared as UTC instants.</item>
/// <item>Cancellation: honour the token; a cancelled write either completed or left no trace.</item>
/// </list>
/// </remarks>
public interface IScoreHistoryStore
{
    /// <summary>Appends one refresh: its score card and the events it raised (in one transaction).</summary>
    /// <param name="card">The score card; its <see cref="ScoreCard.TenantId"/> and <see cref="ScoreCard.AsOf"/> key it.</param>
    /// <param name="events">The events raised by the refresh, possibly none; stored under the card's tenant.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the write is durable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> or <paramref name="events"/> is <see langword="null"/>, or <paramref name="events"/> holds <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the write.</exception>
    Task AppendAsync(ScoreCard card, IReadOnlyList<SecurityEvent> events, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records one refresh (domain rules §4: one event per subject, kind and day): its score card, and the
    /// transitions of the day's events, in one transaction. For each change, every stored event of the card's
    /// tenant with the change's kind and subject id and a date in [<see cref="SecurityEventChange.DayStart"/>,
    /// <see cref="SecurityEventChange.DayEnd"/>) is removed; then a raised or updated event is stored, so the
    /// store keeps each day's final state and reading history gives each day's events once.
    /// </summary>
    /// <param name="card">The score card; its <see cref="ScoreCard.TenantId"/> and <see cref="ScoreCard.AsOf"/> key it.</param>
    /// <param name="changes">The transitions of the day's events, possibly none.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the write is durable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="card"/> or <paramref name="changes"/> is <see langword="null"/>, or <paramref name="changes"/> holds <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the write.</exception>
    Task RecordAsync(ScoreCard card, IReadOnlyList<SecurityEventChange> changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends several refreshes in one transaction: every card and event of <paramref name="entries"/> is
    /// stored, or none is (a crash, a cancellation or an error mid-write leaves no trace). The refresh
    /// pipeline writes the history it rebuilds from the sources' own records this way, so a rebuild
    /// interrupted by a crash leaves the history empty and the next refresh rebuilds it again.
    /// </summary>
    /// <param name="entries">The refreshes to store, in any order, for one tenant or several; possibly none.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the whole write is durable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the write.</exception>
    Task AppendManyAsync(IReadOnlyList<ScoreHistoryEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's cards with <paramref name="since"/> ≤ <see cref="ScoreCard.AsOf"/> &lt; <paramref name="until"/>, oldest first.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="since">The start of the range (inclusive).</param>
    /// <param name="until">The end of the range (exclusive).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The cards.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/>.</exception>
    Task<IReadOnlyList<ScoreCard>> GetCardsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>The tenant's latest card (by <see cref="ScoreCard.AsOf"/>, then by append order), or <see langword="null"/> when there is none.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The latest card, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/>.</exception>
    Task<ScoreCard?> GetLatestCardAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's events with <paramref name="since"/> ≤ <see cref="SecurityEvent.Date"/> &lt; <paramref name="until"/>, oldest first, optionally of one kind.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="since">The start of the range (inclusive).</param>
    /// <param name="until">The end of the range (exclusive).</param>
    /// <param name="kind">Only events of this kind, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/>.</exception>
    Task<IReadOnlyList<SecurityEvent>> GetEventsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, SecurityEventKind? kind = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a tenant's cards and events older than <paramref name="olderThan"/> (retention).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="olderThan">Entries with a time strictly before this instant are removed.</param>
    /// <param name="cancellationToken">Cancels the purge.</param>
    /// <returns>How many cards and events were removed.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/>.</exception>
    Task<int> PurgeAsync(string tenantId, DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}
