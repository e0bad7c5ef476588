using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.History.Sqlite;

/// <summary>
/// The storage layer of <see cref="SqliteScoreHistoryStore"/>: rows of serialized payloads keyed by
/// tenant and time, in a SQLite database in WAL mode with <c>synchronous=FULL</c>.
/// </summary>
/// <remarks>
/// Every write is one <c>BEGIN IMMEDIATE</c> transaction, committed before the method returns, so a
/// write that returned is durable and a write interrupted by a crash is rolled back when the
/// database is next opened. Writes within the process are serialized by a lock; across processes
/// SQLite's own locking with a busy timeout serializes them. Readers never block the writer and
/// never see half a write (WAL snapshot isolation). Times are stored as UTC ticks.
/// </remarks>
internal sealed class SqliteHistoryDatabase : IDisposable
{
    /// <summary>The schema version this code writes.</summary>
    public const int SchemaVersion = 1;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _initialized;

    public SqliteHistoryDatabase(string path, TimeSpan busyTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();
        BusyTimeout = busyTimeout;
    }

    public string Path { get; }

    public TimeSpan BusyTimeout { get; }

    /// <summary>
    /// Statements run on every connection after the store's own settings, for the fault tests only (for example
    /// <c>PRAGMA max_page_count</c> to fill the database as a full disk would, or <c>PRAGMA query_only</c> to make it
    /// read-only): SQLite itself then refuses the writes, through the store's real code path.
    /// </summary>
    internal string? ConnectionStatementsForTests { get; set; }

    public void Dispose()
    {
        _writeLock.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Appends rows of one tenant in one transaction.</summary>
    /// <summary>Inserts every row in one transaction (all or nothing).</summary>
    public async Task AppendAsync(IReadOnlyList<NewRow> rows, CancellationToken cancellationToken)
    {
        await WriteAsync(
            (connection, transaction) =>
            {
                Insert(connection, transaction, rows);
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<NewRow> rows)
    {
        foreach (var row in rows)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {Table(row.Table)} (tenant_id, at_ticks, kind, payload) VALUES ($tenant, $at, $kind, $payload);";
            command.Parameters.AddWithValue("$tenant", row.TenantId);
            command.Parameters.AddWithValue("$at", row.At.UtcTicks);
            command.Parameters.AddWithValue("$kind", row.Kind);
            command.Parameters.AddWithValue("$payload", row.Payload);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// In one transaction: deletes the events of every slot (same tenant and kind, a time in the slot's range,
    /// and a payload whose subject is the slot's), then inserts the rows.
    /// </summary>
    public async Task ReplaceAsync(IReadOnlyList<EventSlot> slots, IReadOnlyList<NewRow> rows, Func<byte[], string> subjectOf, CancellationToken cancellationToken)
    {
        await WriteAsync(
            (connection, transaction) =>
            {
                foreach (var slot in slots)
                {
                    var doomed = new List<long>();
                    using (var select = connection.CreateCommand())
                    {
                        select.Transaction = transaction;
                        select.CommandText = $"SELECT seq, payload FROM {EventsTable} WHERE tenant_id = $tenant AND kind = $kind AND at_ticks >= $from AND at_ticks < $to;";
                        select.Parameters.AddWithValue("$tenant", slot.TenantId);
                        select.Parameters.AddWithValue("$kind", slot.Kind);
                        select.Parameters.AddWithValue("$from", slot.From.UtcTicks);
                        select.Parameters.AddWithValue("$to", slot.To.UtcTicks);
                        using var reader = select.ExecuteReader();
                        while (reader.Read())
                        {
                            if (string.Equals(subjectOf((byte[])reader.GetValue(1)), slot.SubjectId, StringComparison.Ordinal))
                            {
                                doomed.Add(reader.GetInt64(0));
                            }
                        }
                    }

                    foreach (var seq in doomed)
                    {
                        using var delete = connection.CreateCommand();
                        delete.Transaction = transaction;
                        delete.CommandText = $"DELETE FROM {EventsTable} WHERE seq = $seq;";
                        delete.Parameters.AddWithValue("$seq", seq);
                        delete.ExecuteNonQuery();
                    }
                }

                Insert(connection, transaction, rows);
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeAsync(string tenantId, DateTimeOffset before, CancellationToken cancellationToken)
        => await WriteAsync(
            (connection, transaction) =>
            {
                var removed = 0;
                foreach (var table in new[] { CardsTable, EventsTable })
                {
                    using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"DELETE FROM {table} WHERE tenant_id = $tenant AND at_ticks < $before;";
                    command.Parameters.AddWithValue("$tenant", tenantId);
                    command.Parameters.AddWithValue("$before", before.UtcTicks);
                    removed += command.ExecuteNonQuery();
                }

                return removed;
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the rows of one tenant with <paramref name="from"/> ≤ time &lt; <paramref name="to"/>, oldest first (ties in insertion order).</summary>
    public async Task<IReadOnlyList<Row>> ReadAsync(string table, string tenantId, DateTimeOffset from, DateTimeOffset to, string? kind, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT seq, at_ticks, kind, payload FROM {Table(table)} WHERE tenant_id = $tenant AND at_ticks >= $from AND at_ticks < $to"
                + (kind is null ? string.Empty : " AND kind = $kind")
                + " ORDER BY at_ticks, seq;";
            command.Parameters.AddWithValue("$tenant", tenantId);
            command.Parameters.AddWithValue("$from", from.UtcTicks);
            command.Parameters.AddWithValue("$to", to.UtcTicks);
            if (kind is not null)
            {
                command.Parameters.AddWithValue("$kind", kind);
            }

            return await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the latest row of one tenant (by time, then insertion order), or <see langword="null"/>.</summary>
    public async Task<Row?> ReadLatestAsync(string table, string tenantId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT seq, at_ticks, kind, payload FROM {Table(table)} WHERE tenant_id = $tenant ORDER BY at_ticks DESC, seq DESC LIMIT 1;";
            command.Parameters.AddWithValue("$tenant", tenantId);
            var rows = await ReadRowsAsync(command, cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> and returns its first line (<c>ok</c> when the file is sound).</summary>
    public async Task<string> CheckIntegrityAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }

    public const string CardsTable = "score_cards";

    public const string EventsTable = "security_events";

    private static string Table(string table) => table switch
    {
        CardsTable => CardsTable,
        EventsTable => EventsTable,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown table."),
    };

    private static async Task<IReadOnlyList<Row>> ReadRowsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new Row(
                    reader.GetInt64(0),
                    new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                    reader.GetString(2),
                    (byte[])reader.GetValue(3)));
            }
        }

        return rows;
    }

    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                // BEGIN IMMEDIATE: take the write lock up front, so the transaction never fails half-way on a lock upgrade.
                using var transaction = connection.BeginTransaction(deferred: false);
                var result = write(connection, transaction);
                transaction.Commit();
                return result;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();

            // Per-connection settings: full fsync on every commit, and a busy timeout for cross-process locking.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={(long)BusyTimeout.TotalMilliseconds};");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (ConnectionStatementsForTests is { } statements)
            {
                command.CommandText = statements;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialized) == 1)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized == 1)
            {
                return;
            }

            var directory = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            // A database that already holds the schema in WAL mode is opened without writing, so a read-only
            // database (a read-only file or file system) can still be read; only writes are refused.
            if (await IsReadyAsync(cancellationToken).ConfigureAwait(false))
            {
                Volatile.Write(ref _initialized, 1);
                return;
            }

            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using (var wal = connection.CreateCommand())
                {
                    // WAL persists in the file once set.
                    wal.CommandText = "PRAGMA journal_mode=WAL;";
                    var mode = Convert.ToString(await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                    if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new InvalidOperationException($"The history database '{Path}' could not be switched to WAL mode (journal mode is '{mode}').");
                    }
                }

                using var transaction = connection.BeginTransaction(deferred: false);
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"""
                    CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL);
                    INSERT INTO schema_info (version) SELECT {SchemaVersion} WHERE NOT EXISTS (SELECT 1 FROM schema_info);
                    CREATE TABLE IF NOT EXISTS {CardsTable} (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        tenant_id TEXT NOT NULL,
                        at_ticks INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        payload BLOB NOT NULL);
                    CREATE INDEX IF NOT EXISTS ix_{CardsTable}_tenant_at ON {CardsTable} (tenant_id, at_ticks);
                    CREATE TABLE IF NOT EXISTS {EventsTable} (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        tenant_id TEXT NOT NULL,
                        at_ticks INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        payload BLOB NOT NULL);
                    CREATE INDEX IF NOT EXISTS ix_{EventsTable}_tenant_at ON {EventsTable} (tenant_id, at_ticks);
                    """;
                command.ExecuteNonQuery();
                command.CommandText = "SELECT version FROM schema_info LIMIT 1;";
                var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (version > SchemaVersion)
                {
                    throw new InvalidOperationException($"The history database '{Path}' has schema version {version}; this version of ExposureSdk.History.Sqlite reads up to {SchemaVersion}.");
                }

                transaction.Commit();
            }

            Volatile.Write(ref _initialized, 1);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Whether the database is in WAL mode and holds this schema (or an older one); reads only.</summary>
    /// <exception cref="InvalidOperationException">The schema is newer than this code reads.</exception>
    private async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_info', '{CardsTable}', '{EventsTable}');";
            var tables = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) || tables != 3)
            {
                return false;
            }

            command.CommandText = "SELECT version FROM schema_info LIMIT 1;";
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not { } stored || stored is DBNull)
            {
                return false;
            }

            var version = Convert.ToInt32(stored, CultureInfo.InvariantCulture);
            if (version > SchemaVersion)
            {
                throw new InvalidOperationException($"The history database '{Path}' has schema version {version}; this version of ExposureSdk.History.Sqlite reads up to {SchemaVersion}.");
            }

            return true;
        }
    }

    /// <summary>A row to append.</summary>
    public sealed record NewRow(string TenantId, string Table, DateTimeOffset At, string Kind, byte[] Payload);

    /// <summary>One stored row.</summary>
    /// <summary>The stored events of one subject and kind within a time range (a calendar day).</summary>
    public sealed record EventSlot(string TenantId, string Kind, string SubjectId, DateTimeOffset From, DateTimeOffset To);

    public sealed record Row(long Sequence, DateTimeOffset At, string Kind, byte[] Payload);
}
