using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ExposureSdk.Benchmarks.Dataset;

/// <summary>
/// Writes and reads a <see cref="RollupDataset"/> as plain CSV files that DuckDB, SQLite and the C#
/// runners all load: <c>assessments.csv</c> (rec,asset,status), <c>metric_recs.csv</c> (metric,rec),
/// <c>metrics.csv</c> (metric,weight), <c>initiative_metrics.csv</c> (initiative,metric), and
/// <c>dataset.json</c> with the counts (assets, recommendations, metrics, initiatives) and the seed.
/// Each CSV has a header line, integers only, <c>\n</c> line ends.
/// </summary>
public static class DatasetFiles
{
    /// <summary>The assessments table file name.</summary>
    public const string Assessments = "assessments.csv";

    /// <summary>The metric-recommendation table file name.</summary>
    public const string MetricRecommendations = "metric_recs.csv";

    /// <summary>The metrics table file name.</summary>
    public const string Metrics = "metrics.csv";

    /// <summary>The initiative-metric table file name.</summary>
    public const string InitiativeMetrics = "initiative_metrics.csv";

    /// <summary>The manifest file name.</summary>
    public const string Manifest = "dataset.json";

    /// <summary>Writes the dataset into a directory (created if needed; existing files are replaced).</summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="directory">The directory.</param>
    /// <param name="seed">The seed it was generated with (recorded in the manifest).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static void Write(RollupDataset dataset, string directory, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        WriteTable(Path.Combine(directory, Assessments), "rec,asset,status", dataset.AssessmentCount, (i, w) =>
        {
            w.Int(dataset.AssessmentRecommendation[i]);
            w.Comma();
            w.Int(dataset.AssessmentAsset[i]);
            w.Comma();
            w.Int(dataset.AssessmentStatus[i]);
        });
        WriteTable(Path.Combine(directory, MetricRecommendations), "metric,rec", dataset.MetricRecommendationMetric.Length, (i, w) =>
        {
            w.Int(dataset.MetricRecommendationMetric[i]);
            w.Comma();
            w.Int(dataset.MetricRecommendationRecommendation[i]);
        });
        WriteTable(Path.Combine(directory, Metrics), "metric,weight", dataset.MetricCount, (i, w) =>
        {
            w.Int(i);
            w.Comma();
            w.Int(dataset.MetricWeights[i]);
        });
        WriteTable(Path.Combine(directory, InitiativeMetrics), "initiative,metric", dataset.InitiativeMetricInitiative.Length, (i, w) =>
        {
            w.Int(dataset.InitiativeMetricInitiative[i]);
            w.Comma();
            w.Int(dataset.InitiativeMetricMetric[i]);
        });
        var manifest = new Dictionary<string, object>
        {
            ["assets"] = dataset.AssetCount,
            ["recommendations"] = dataset.RecommendationCount,
            ["metrics"] = dataset.MetricCount,
            ["initiatives"] = dataset.InitiativeCount,
            ["assessments"] = dataset.AssessmentCount,
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
        };
        File.WriteAllText(Path.Combine(directory, Manifest), JsonSerializer.Serialize(manifest) + "\n", new UTF8Encoding(false));
    }

    /// <summary>Reads a dataset written by <see cref="Write"/>.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="IOException">A file is missing or unreadable.</exception>
    /// <exception cref="FormatException">A file is malformed (the message names the file and line).</exception>
    public static RollupDataset Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, Manifest)));
        var root = manifest.RootElement;
        var assets = root.GetProperty("assets").GetInt32();
        var recommendations = root.GetProperty("recommendations").GetInt32();
        var metricCount = root.GetProperty("metrics").GetInt32();
        var initiatives = root.GetProperty("initiatives").GetInt32();

        var assessments = ReadTable(Path.Combine(directory, Assessments), 3, root.GetProperty("assessments").GetInt32());
        var metricRecs = ReadTable(Path.Combine(directory, MetricRecommendations), 2, 0);
        var metrics = ReadTable(Path.Combine(directory, Metrics), 2, metricCount);
        var initiativeMetrics = ReadTable(Path.Combine(directory, InitiativeMetrics), 2, 0);

        var weights = new int[metricCount];
        for (var i = 0; i < metrics[0].Length; i++)
        {
            if ((uint)metrics[0][i] >= (uint)metricCount)
            {
                throw new FormatException($"{Metrics} line {i + 2}: metric {metrics[0][i]} is out of range 0 to {metricCount - 1}.");
            }

            weights[metrics[0][i]] = metrics[1][i];
        }

        var status = new byte[assessments[2].Length];
        for (var i = 0; i < status.Length; i++)
        {
            status[i] = (byte)assessments[2][i];
        }

        return new RollupDataset(assets, recommendations, assessments[0], assessments[1], status, metricRecs[0], metricRecs[1], weights, initiativeMetrics[0], initiativeMetrics[1], initiatives);
    }

    private static void WriteTable(string path, string header, int rows, Action<int, RowWriter> writeRow)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var writer = new RowWriter(stream);
        writer.Raw(header);
        writer.NewLine();
        for (var i = 0; i < rows; i++)
        {
            writeRow(i, writer);
            writer.NewLine();
        }

        writer.Flush();
    }

    private static int[][] ReadTable(string path, int columns, int expectedRows)
    {
        var bytes = File.ReadAllBytes(path);
        var lists = new List<int>[columns];
        for (var c = 0; c < columns; c++)
        {
            lists[c] = new List<int>(Math.Max(expectedRows, 16));
        }

        var position = Array.IndexOf(bytes, (byte)'\n') + 1;
        if (position == 0)
        {
            throw new FormatException($"{Path.GetFileName(path)}: no header line.");
        }

        var line = 2;
        while (position < bytes.Length)
        {
            for (var c = 0; c < columns; c++)
            {
                var value = 0;
                var digits = 0;
                while (position < bytes.Length && bytes[position] >= (byte)'0' && bytes[position] <= (byte)'9')
                {
                    value = checked((value * 10) + (bytes[position] - '0'));
                    position++;
                    digits++;
                }

                var expected = c == columns - 1 ? (byte)'\n' : (byte)',';
                if (digits == 0 || position >= bytes.Length || bytes[position] != expected)
                {
                    throw new FormatException($"{Path.GetFileName(path)} line {line}: expected {columns} non-negative integers separated by commas.");
                }

                position++;
                lists[c].Add(value);
            }

            line++;
        }

        var result = new int[columns][];
        for (var c = 0; c < columns; c++)
        {
            result[c] = [.. lists[c]];
        }

        return result;
    }

    private sealed class RowWriter(Stream stream)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _used;

        public void Int(int value)
        {
            if (_used > _buffer.Length - 16)
            {
                Flush();
            }

            value.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture);
            _used += written;
        }

        public void Comma() => Byte((byte)',');

        public void NewLine() => Byte((byte)'\n');

        public void Raw(string text)
        {
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                Byte(b);
            }
        }

        public void Flush()
        {
            stream.Write(_buffer, 0, _used);
            _used = 0;
        }

        private void Byte(byte value)
        {
            if (_used == _buffer.Length)
            {
                Flush();
            }

            _buffer[_used++] = value;
        }
    }
}
