using Microsoft.Data.Sqlite;

namespace ExposureSdk.History.Sqlite.CrashWriter;

/// <summary>
/// <c>hold-lock &lt;database&gt;</c>: another process that holds SQLite's write lock on the database (<c>BEGIN IMMEDIATE</c>),
/// prints "LOCKED", and releases it and exits when a line arrives on its standard input, the input closes (the test
/// ended), or two minutes passed.
/// </summary>
internal static class HoldLock
{
    public static async Task<int> RunAsync(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        Console.Out.WriteLine("LOCKED");
        Console.Out.Flush();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await Console.In.ReadLineAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
        }

        transaction.Rollback();
        return 0;
    }
}
