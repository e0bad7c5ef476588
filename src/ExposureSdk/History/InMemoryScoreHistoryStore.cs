using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.History;

/// <summary>
/// A history store that keeps cards and events in memory (lost when the process ends): the default
/// when no durable store is configured, and for tests. Safe for concurrent use; follows the
/// <see cref="IScoreHistoryStore"/> contract.
/// </summary>
public sealed class InMemoryScoreHistoryStore : IScoreHistoryStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task AppendAsync(ScoreCard card, IReadOnlyList<SecurityEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentNullException(nameof(events), $"events[{i}] is null.");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Store(card, events);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task AppendManyAsync(IReadOnlyList<ScoreHistoryEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is null)
            {
                throw new ArgumentNullException(nameof(entries), $"entries[{i}] is null.");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Nothing below can fail once the arguments are checked, so the write is all or nothing, and
            // readers (who take the same lock) never see part of it.
            foreach (var entry in entries)
            {
                Store(entry.Card, entry.Events);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task RecordAsync(ScoreCard card, IReadOnlyList<SecurityEventChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(changes);
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i] is null)
            {
                throw new ArgumentNullException(nameof(changes), $"changes[{i}] is null.");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Store(card, []);
            var events = _tenants[card.TenantId].Events;
            foreach (var change in changes)
            {
                var e = change.Event;
                events.RemoveAll(x => x.Kind == e.Kind
                    && string.Equals(x.SubjectId, e.SubjectId, StringComparison.Ordinal)
                    && x.Date >= change.DayStart
                    && x.Date < change.DayEnd);
                if (change.Transition != SecurityEventTransition.Withdrawn)
                {
                    Insert(events, e, x => x.Date);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ScoreCard>> GetCardsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ScoreCard> result = _tenants.TryGetValue(tenantId, out var tenant)
                ? tenant.Cards.Where(c => c.AsOf >= since && c.AsOf < until).ToArray()
                : [];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc/>
    public Task<ScoreCard?> GetLatestCardAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_tenants.TryGetValue(tenantId, out var tenant) && tenant.Cards.Count > 0 ? tenant.Cards[^1] : null);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<SecurityEvent>> GetEventsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, SecurityEventKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<SecurityEvent> result = _tenants.TryGetValue(tenantId, out var tenant)
                ? tenant.Events.Where(e => e.Date >= since && e.Date < until && (kind is null || e.Kind == kind)).ToArray()
                : [];
            return Task.FromResult(result);
        }
    }

    /// <inheritdoc/>
    public Task<int> PurgeAsync(string tenantId, DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_tenants.TryGetValue(tenantId, out var tenant))
            {
                return Task.FromResult(0);
            }

            var removed = tenant.Cards.RemoveAll(c => c.AsOf < olderThan) + tenant.Events.RemoveAll(e => e.Date < olderThan);
            return Task.FromResult(removed);
        }
    }

    /// <summary>Inserts after every item with the same or an earlier time (stable by append order).</summary>
    private static void Insert<T>(List<T> list, T item, Func<T, DateTimeOffset> time)
    {
        var at = time(item);
        var index = list.Count;
        while (index > 0 && time(list[index - 1]) > at)
        {
            index--;
        }

        list.Insert(index, item);
    }

    private void Store(ScoreCard card, IReadOnlyList<SecurityEvent> events)
    {
        if (!_tenants.TryGetValue(card.TenantId, out var tenant))
        {
            tenant = new Tenant();
            _tenants.Add(card.TenantId, tenant);
        }

        Insert(tenant.Cards, card, c => c.AsOf);
        foreach (var e in events)
        {
            Insert(tenant.Events, e, x => x.Date);
        }
    }

    private sealed class Tenant
    {
        public List<ScoreCard> Cards { get; } = [];

        public List<SecurityEvent> Events { get; } = [];
    }
}
