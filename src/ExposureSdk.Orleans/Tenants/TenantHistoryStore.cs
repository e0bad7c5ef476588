using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Orleans.Tenants;

/// <summary>
/// The history store a tenant grain gives its pipeline: the silo's store, with the writes of one refresh
/// fenced, so that a refresh that runs twice (a retry after a silo failure, a re-run of a day) records its
/// card at most once, and a warm-up (an activation that reads its sources without recording) records nothing.
/// </summary>
/// <remarks>
/// <para><b>Fence.</b> Before a refresh's write, the store checks that the refresh is still wanted (its
/// token: cancelled when the silo stops or the refresh times out) and that the tenant has no card at or after
/// the refresh's slot (or, on demand, the clock's reading when it began): the same slot or instant run twice,
/// or another activation that recorded it meanwhile; then it writes. A silo killed mid-refresh has its token
/// cancelled at once, long before the cluster declares it dead and lets another silo activate the tenant,
/// so the old and the new activation never both write.</para>
/// <para>Not thread-safe by itself: the grain runs one refresh or warm-up at a time.</para>
/// </remarks>
internal sealed class TenantHistoryStore(IScoreHistoryStore inner) : IScoreHistoryStore
{
    private DateTimeOffset _recordedFrom = DateTimeOffset.MaxValue;

    /// <summary>Whether writes are dropped (a warm-up computes today's result without recording it).</summary>
    public bool IsWarmUp { get; set; }

    /// <summary>Whether the last refresh found its card already recorded (and so wrote nothing).</summary>
    public bool FoundAlreadyRecorded { get; private set; }

    public IScoreHistoryStore Inner => inner;

    /// <summary>Starts a refresh: a warm-up records nothing; a recorded refresh writes only while the tenant has no card at or after <paramref name="recordedFrom"/>.</summary>
    /// <param name="warmUp">Whether writes are dropped.</param>
    /// <param name="recordedFrom">The slot's start, or the clock's reading when an on-demand refresh began.</param>
    public void BeginRefresh(bool warmUp, DateTimeOffset recordedFrom)
    {
        IsWarmUp = warmUp;
        FoundAlreadyRecorded = false;
        _recordedFrom = recordedFrom;
    }

    public Task AppendAsync(ScoreCard card, IReadOnlyList<SecurityEvent> events, CancellationToken cancellationToken = default) =>
        IsWarmUp ? Task.CompletedTask : FencedAsync(card, () => inner.AppendAsync(card, events, cancellationToken), cancellationToken);

    public Task RecordAsync(ScoreCard card, IReadOnlyList<SecurityEventChange> changes, CancellationToken cancellationToken = default) =>
        IsWarmUp ? Task.CompletedTask : FencedAsync(card, () => inner.RecordAsync(card, changes, cancellationToken), cancellationToken);

    public Task AppendManyAsync(IReadOnlyList<ScoreHistoryEntry> entries, CancellationToken cancellationToken = default)
    {
        if (IsWarmUp)
        {
            return Task.CompletedTask;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return inner.AppendManyAsync(entries, cancellationToken);
    }

    public Task<IReadOnlyList<ScoreCard>> GetCardsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        inner.GetCardsAsync(tenantId, since, until, cancellationToken);

    public Task<ScoreCard?> GetLatestCardAsync(string tenantId, CancellationToken cancellationToken = default) =>
        inner.GetLatestCardAsync(tenantId, cancellationToken);

    public Task<IReadOnlyList<SecurityEvent>> GetEventsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, SecurityEventKind? kind = null, CancellationToken cancellationToken = default) =>
        inner.GetEventsAsync(tenantId, since, until, kind, cancellationToken);

    public Task<int> PurgeAsync(string tenantId, DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        IsWarmUp || FoundAlreadyRecorded ? Task.FromResult(0) : inner.PurgeAsync(tenantId, olderThan, cancellationToken);

    private async Task FencedAsync(ScoreCard card, Func<Task> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var latest = await inner.GetLatestCardAsync(card.TenantId, cancellationToken).ConfigureAwait(false);
        if (latest is not null && latest.AsOf >= _recordedFrom)
        {
            FoundAlreadyRecorded = true;
            throw new RefreshAlreadyRecordedException(card.TenantId, card.AsOf);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await write().ConfigureAwait(false);
    }
}

/// <summary>The tenant already has a card at this instant: the refresh ran before and is not recorded twice.</summary>
internal sealed class RefreshAlreadyRecordedException(string tenantId, DateTimeOffset asOf)
    : Exception($"Tenant '{tenantId}' already has a score card at {asOf:O}; the refresh is not recorded twice.")
{
    public DateTimeOffset AsOf { get; } = asOf;
}
