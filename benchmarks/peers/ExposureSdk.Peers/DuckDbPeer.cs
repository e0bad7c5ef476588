using System.Diagnostics;
using DuckDB.NET.Data;
using ExposureSdk.Benchmarks.Dataset;

namespace ExposureSdk.Peers;

/// <summary>
/// DuckDB in process through DuckDB.NET (the native library ships in the DuckDB.NET.Data.Full package, so
/// nothing but the .NET SDK is needed): the four tables are loaded into an in-memory database with DuckDB's
/// appender before timing (no index: DuckDB plans the joins as hash joins over its columnar tables), then
/// <c>rollup.sql</c> runs unchanged.
/// </summary>
internal sealed class DuckDbPeer : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly RollupDataset _dataset;

    private DuckDbPeer(DuckDBConnection connection, RollupDataset dataset)
    {
        _connection = connection;
        _dataset = dataset;
    }

    /// <summary>DuckDB's version, for example <c>v1.5.6</c>.</summary>
    public string Version => Scalar("SELECT version()");

    /// <summary>The worker threads DuckDB uses (its default: one per core).</summary>
    public string Threads => Scalar("SELECT current_setting('threads')");

    public static DuckDbPeer Load(RollupDataset dataset)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE assessments (rec INTEGER NOT NULL, asset INTEGER NOT NULL, status TINYINT NOT NULL);");
        Execute(connection, "CREATE TABLE metric_recs (metric INTEGER NOT NULL, rec INTEGER NOT NULL);");
        Execute(connection, "CREATE TABLE metrics (metric INTEGER NOT NULL, weight INTEGER NOT NULL);");
        Execute(connection, "CREATE TABLE initiative_metrics (initiative INTEGER NOT NULL, metric INTEGER NOT NULL);");
        using (var appender = connection.CreateAppender("assessments"))
        {
            for (var i = 0; i < dataset.AssessmentCount; i++)
            {
                appender.CreateRow()
                    .AppendValue(dataset.AssessmentRecommendation[i])
                    .AppendValue(dataset.AssessmentAsset[i])
                    .AppendValue((sbyte)dataset.AssessmentStatus[i])
                    .EndRow();
            }
        }

        Append(connection, "metric_recs", dataset.MetricRecommendationMetric.Length, i => (dataset.MetricRecommendationMetric[i], dataset.MetricRecommendationRecommendation[i]));
        Append(connection, "metrics", dataset.MetricCount, i => (i, dataset.MetricWeights[i]));
        Append(connection, "initiative_metrics", dataset.InitiativeMetricInitiative.Length, i => (dataset.InitiativeMetricInitiative[i], dataset.InitiativeMetricMetric[i]));
        var rows = Convert.ToInt64(new DuckDbPeer(connection, dataset).Scalar("SELECT COUNT(*) FROM assessments"), System.Globalization.CultureInfo.InvariantCulture);
        if (rows != dataset.AssessmentCount)
        {
            connection.Dispose();
            throw new InvalidOperationException($"DuckDB loaded {rows} assessments; the dataset has {dataset.AssessmentCount}.");
        }

        return new DuckDbPeer(connection, dataset);
    }

    /// <summary>Runs the statements once and reads the metric and initiative scores.</summary>
    public RollupResult Run(IReadOnlyList<string> statements, out double elapsedMs)
    {
        var stopwatch = Stopwatch.StartNew();
        var rowsets = new List<List<object[]>>();
        foreach (var sql in statements)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
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

        elapsedMs = stopwatch.Elapsed.TotalMilliseconds;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var scope = new long[_dataset.MetricCount];
        var affected = new long[_dataset.MetricCount];
        var metricScores = new double?[_dataset.MetricCount];
        foreach (var row in rowsets[2])
        {
            var m = Convert.ToInt32(row[0], invariant);
            scope[m] = Convert.ToInt64(row[1], invariant);
            affected[m] = Convert.ToInt64(row[2], invariant);
            metricScores[m] = Convert.ToDouble(row[3], invariant);
        }

        var initiativeScores = new double?[_dataset.InitiativeCount];
        foreach (var row in rowsets[1])
        {
            initiativeScores[Convert.ToInt32(row[0], invariant)] = Convert.ToDouble(row[1], invariant);
        }

        return new RollupResult("DuckDB", scope, affected, metricScores, initiativeScores);
    }

    public void Dispose() => _connection.Dispose();

    private string Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Append(DuckDBConnection connection, string table, int rows, Func<int, (int A, int B)> row)
    {
        using var appender = connection.CreateAppender(table);
        for (var i = 0; i < rows; i++)
        {
            var (a, b) = row(i);
            appender.CreateRow().AppendValue(a).AppendValue(b).EndRow();
        }
    }
}
