using ExposureSdk.History.Sqlite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Chooses the durable SQLite history store for the ExposureSdk runtime.</summary>
public static class SqliteHistoryBuilderExtensions
{
    /// <summary>
    /// Keeps score cards and events in the SQLite database at <paramref name="path"/> (created if
    /// missing; WAL mode, <c>synchronous=FULL</c>), replacing any history store chosen before (the last
    /// call wins). The store is a singleton disposed with the container.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The database file.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IExposureManagementBuilder UseSqliteHistory(this IExposureManagementBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.UseHistoryStore(_ => new SqliteScoreHistoryStore(path));
    }
}
