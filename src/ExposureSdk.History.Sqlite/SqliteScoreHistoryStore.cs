using ExposureSdk.Events;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.History.Sqlite;

/// <summary>
/// A durable <see cref="IScoreHistoryStore"/> on an embedded SQLite database file: the default durable
/// history of ExposureSdk.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The database runs in WAL mode with <c>synchronous=FULL</c>: a write that returned survives a
/// crash of the process or of the machine; a write interrupted by a crash leaves no trace once the
/// database is reopened.</item>
/// <item>Each <see cref="AppendAsync"/>, <see cref="AppendManyAsync"/> and <see cref="PurgeAsync"/> is one
/// <c>BEGIN IMMEDIATE</c> transaction (the card and its events together; every entry of a rebuilt history
/// together).</item>
/// <item>Concurrent readers and one writer are safe, within one process and across processes: readers
/// read a consistent snapshot and never see half a write; writes are serialized.</item>
/// <item>Cards and events are stored in the versioned stored form of <see cref="ScoreHistoryFormat"/>
/// (UTF-8 JSON with a format version; no reflection), keyed by tenant and UTC time. Rows written before the
/// format had a version read as version 1; a row of a newer version is refused with an
/// <see cref="InvalidDataException"/> naming the row and both versions.</item>
/// <item>Retention is not applied by the store itself: the refresh pipeline calls
/// <see cref="PurgeAsync"/> with its <c>HistoryRetentionDays</c> (default 90).</item>
/// </list>
/// </remarks>
public sealed class SqliteScoreHistoryStore : IScoreHistoryStore, IDisposable
{
    private readonly SqliteHistoryDatabase _database;

    /// <summary>Opens (creating it if needed) the history database at <paramref name="path"/>.</summary>
    /// <param name="path">The database file; its directory is created if missing.</param>
    /// <param name="busyTimeout">How long a write waits for another process's write to finish; <see langword="null"/> for 30 seconds.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is not positive.</exception>
    public SqliteScoreHistoryStore(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var timeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(busyTimeout), busyTimeout, "The busy timeout must be positive.");
        }

        _database = new SqliteHistoryDatabase(path, timeout);
    }

    /// <summary>The storage layer (for the fault tests: <see cref="SqliteHistoryDatabase.ConnectionStatementsForTests"/>).</summary>
    internal SqliteHistoryDatabase Database => _database;

    /// <summary>The full path of the database file.</summary>
    public string Path => _database.Path;

    /// <inheritdoc/>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The database cannot be written (disk full, read-only, locked beyond the busy timeout).</exception>
    public Task AppendAsync(ScoreCard card, IReadOnlyList<SecurityEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(events);
        var rows = new List<SqliteHistoryDatabase.NewRow>(events.Count + 1);
        AddRows(rows, card, events);
        return _database.AppendAsync(rows, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>One <c>BEGIN IMMEDIATE</c> transaction for every entry: a crash of the process mid-write
    /// leaves none of them once the database is reopened.</remarks>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The database cannot be written (disk full, read-only, locked beyond the busy timeout); nothing was stored.</exception>
    public Task AppendManyAsync(IReadOnlyList<ScoreHistoryEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = new List<SqliteHistoryDatabase.NewRow>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] ?? throw new ArgumentNullException(nameof(entries), $"entries[{i}] is null.");
            AddRows(rows, entry.Card, entry.Events);
        }

        return rows.Count == 0 ? Task.CompletedTask : _database.AppendAsync(rows, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>One <c>BEGIN IMMEDIATE</c> transaction: the card, the removal of each change's stored events
    /// of that day (found by kind, day and the subject id in the stored payload) and the raised or updated
    /// events. The stored format of cards and events is unchanged (format version 1).</remarks>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The database cannot be written (disk full, read-only, locked beyond the busy timeout); nothing was stored.</exception>
    /// <exception cref="InvalidDataException">A stored event of the day cannot be read back.</exception>
    public Task RecordAsync(ScoreCard card, IReadOnlyList<SecurityEventChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(changes);
        var rows = new List<SqliteHistoryDatabase.NewRow>(changes.Count + 1);
        var slots = new List<SqliteHistoryDatabase.EventSlot>(changes.Count);
        var events = new List<SecurityEvent>(changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i] ?? throw new ArgumentNullException(nameof(changes), $"changes[{i}] is null.");
            slots.Add(new(card.TenantId, change.Event.Kind.ToString(), change.Event.SubjectId, change.DayStart, change.DayEnd));
            if (change.Transition != SecurityEventTransition.Withdrawn)
            {
                events.Add(change.Event);
            }
        }

        AddRows(rows, card, events);
        return _database.ReplaceAsync(slots, rows, payload => ScoreHistoryFormat.ReadEvent(payload).SubjectId, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">A stored card cannot be read back (the message names the row).</exception>
    public async Task<IReadOnlyList<ScoreCard>> GetCardsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var rows = await _database.ReadAsync(SqliteHistoryDatabase.CardsTable, tenantId, since, until, null, cancellationToken).ConfigureAwait(false);
        return rows.Select(ReadCard).ToArray();
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">The stored card cannot be read back (the message names the row).</exception>
    public async Task<ScoreCard?> GetLatestCardAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var row = await _database.ReadLatestAsync(SqliteHistoryDatabase.CardsTable, tenantId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ReadCard(row);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">A stored event cannot be read back (the message names the row).</exception>
    public async Task<IReadOnlyList<SecurityEvent>> GetEventsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, SecurityEventKind? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var rows = await _database.ReadAsync(SqliteHistoryDatabase.EventsTable, tenantId, since, until, kind?.ToString(), cancellationToken).ConfigureAwait(false);
        return rows.Select(r => Read(r, ScoreHistoryFormat.ReadEvent, SqliteHistoryDatabase.EventsTable)).ToArray();
    }

    /// <inheritdoc/>
    public Task<int> PurgeAsync(string tenantId, DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return _database.PurgeAsync(tenantId, olderThan, cancellationToken);
    }

    /// <summary>Runs SQLite's <c>PRAGMA integrity_check</c>.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns><see langword="true"/> when the database file is sound.</returns>
    public async Task<bool> CheckIntegrityAsync(CancellationToken cancellationToken = default)
        => string.Equals(await _database.CheckIntegrityAsync(cancellationToken).ConfigureAwait(false), "ok", StringComparison.Ordinal);

    /// <summary>Releases the pooled connections to the database file.</summary>
    public void Dispose() => _database.Dispose();

    private static void AddRows(List<SqliteHistoryDatabase.NewRow> rows, ScoreCard card, IReadOnlyList<SecurityEvent> events)
    {
        rows.Add(new(card.TenantId, SqliteHistoryDatabase.CardsTable, card.AsOf, "card", ScoreHistoryFormat.WriteCard(card)));
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentNullException(nameof(events), $"events[{i}] is null.");
            rows.Add(new(card.TenantId, SqliteHistoryDatabase.EventsTable, e.Date, e.Kind.ToString(), ScoreHistoryFormat.WriteEvent(e)));
        }
    }

    private static ScoreCard ReadCard(SqliteHistoryDatabase.Row row) => Read(row, ScoreHistoryFormat.ReadCard, SqliteHistoryDatabase.CardsTable);

    private static T Read<T>(SqliteHistoryDatabase.Row row, ReadStored<T> read, string table)
    {
        try
        {
            return read(row.Payload);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"History row {table}#{row.Sequence}: {ex.Message}", ex);
        }
    }

    private delegate T ReadStored<T>(ReadOnlySpan<byte> utf8Json);
}
