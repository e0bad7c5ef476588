using System.Diagnostics;
using ExposureSdk.Benchmarks.Dataset;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.Peers;

/// <summary>
/// SQLite in memory through Microsoft.Data.Sqlite: the four tables are loaded (with a covering index
/// on assessments(rec, status, asset) so the join does not scan the table once per metric row) before
/// timing; then rollup.sql runs. A repetition that exceeds the time budget is interrupted
/// (sqlite3_interrupt) and reported as such.
/// </summary>
internal sealed class SqlitePeer : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly RollupDataset _dataset;

    private SqlitePeer(SqliteConnection connection, RollupDataset dataset)
    {
        _connection = connection;
        _dataset = dataset;
    }

    public string Version => _connection.ServerVersion;

    public static SqlitePeer Load(RollupDataset dataset)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -2000000;");
        Execute(connection, "CREATE TABLE assessments (rec INTEGER NOT NULL, asset INTEGER NOT NULL, status INTEGER NOT NULL);");
        Execute(connection, "CREATE TABLE metric_recs (metric INTEGER NOT NULL, rec INTEGER NOT NULL);");
        Execute(connection, "CREATE TABLE metrics (metric INTEGER PRIMARY KEY, weight INTEGER NOT NULL);");
        Execute(connection, "CREATE TABLE initiative_metrics (initiative INTEGER NOT NULL, metric INTEGER NOT NULL);");
        Insert(connection, "INSERT INTO assessments VALUES ($a, $b, $c)", dataset.AssessmentCount, i => (dataset.AssessmentRecommendation[i], dataset.AssessmentAsset[i], dataset.AssessmentStatus[i]));
        Insert(connection, "INSERT INTO metric_recs VALUES ($a, $b)", dataset.MetricRecommendationMetric.Length, i => (dataset.MetricRecommendationMetric[i], dataset.MetricRecommendationRecommendation[i], -1));
        Insert(connection, "INSERT INTO metrics VALUES ($a, $b)", dataset.MetricCount, i => (i, dataset.MetricWeights[i], -1));
        Insert(connection, "INSERT INTO initiative_metrics VALUES ($a, $b)", dataset.InitiativeMetricInitiative.Length, i => (dataset.InitiativeMetricInitiative[i], dataset.InitiativeMetricMetric[i], -1));
        Execute(connection, "CREATE INDEX assessments_by_rec ON assessments (rec, status, asset);");
        Execute(connection, "CREATE INDEX metric_recs_by_metric ON metric_recs (metric, rec);");
        Execute(connection, "ANALYZE;");
        return new SqlitePeer(connection, dataset);
    }

    /// <summary>Runs the statements once; null when interrupted by the budget.</summary>
    public RollupResult? Run(IReadOnlyList<string> statements, TimeSpan budget, out double elapsedMs)
    {
        var handle = _connection.Handle;
        using var timer = new Timer(_ => SQLitePCL.raw.sqlite3_interrupt(handle), null, budget, Timeout.InfiniteTimeSpan);
        var stopwatch = Stopwatch.StartNew();
        var rowsets = new List<List<object[]>>();
        try
        {
            foreach (var sql in statements)
            {
                using var command = _connection.CreateCommand();
                command.CommandText = sql;
                command.CommandTimeout = 0;
                using var reader = command.ExecuteReader();
                var rows = new List<object[]>();
                while (reader.Read())
                {
                    var row = new object[reader.FieldCount];
                    reader.GetValues(row);
                    rows.Add(row);
                }

                rowsets.Add(rows);
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 9)
        {
            // SQLITE_INTERRUPT: the budget ran out. Drop the half-made temp table, if any.
            elapsedMs = stopwatch.Elapsed.TotalMilliseconds;
            Execute(_connection, "DROP TABLE IF EXISTS temp.metric_scores;");
            return null;
        }

        elapsedMs = stopwatch.Elapsed.TotalMilliseconds;
        var scope = new long[_dataset.MetricCount];
        var affected = new long[_dataset.MetricCount];
        var metricScores = new double?[_dataset.MetricCount];
        foreach (var row in rowsets[2])
        {
            var m = Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture);
            scope[m] = Convert.ToInt64(row[1], System.Globalization.CultureInfo.InvariantCulture);
            affected[m] = Convert.ToInt64(row[2], System.Globalization.CultureInfo.InvariantCulture);
            metricScores[m] = Convert.ToDouble(row[3], System.Globalization.CultureInfo.InvariantCulture);
        }

        var initiativeScores = new double?[_dataset.InitiativeCount];
        foreach (var row in rowsets[1])
        {
            initiativeScores[Convert.ToInt32(row[0], System.Globalization.CultureInfo.InvariantCulture)] = Convert.ToDouble(row[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return new RollupResult("SQLite", scope, affected, metricScores, initiativeScores);
    }

    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Insert(SqliteConnection connection, string sql, int rows, Func<int, (int A, int B, int C)> row)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var a = command.Parameters.Add("$a", SqliteType.Integer);
        var b = command.Parameters.Add("$b", SqliteType.Integer);
        var c = sql.Contains("$c", StringComparison.Ordinal) ? command.Parameters.Add("$c", SqliteType.Integer) : null;
        command.Prepare();
        for (var i = 0; i < rows; i++)
        {
            var values = row(i);
            a.Value = values.A;
            b.Value = values.B;
            if (c is not null)
            {
                c.Value = values.C;
            }

            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
