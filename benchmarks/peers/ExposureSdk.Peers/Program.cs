using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Peers;

// The peer comparison (benchmarks/README.md): ExposureSdk, DuckDB (in process, DuckDB.NET), SQLite and the
// physical limit on one dataset, measured in one run. Commands:
//   run      [--assets N] [--seed S] [--repetitions R] [--sqlite-assets M] [--sqlite-budget-seconds S] [--check-reference]
//   generate --assets N [--seed S] --out DIR
//   compare  --data DIR [--repetitions R] [--sqlite-assets M] [--sqlite-budget-seconds S] [--check-reference]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
try
{
    return args.Length > 0 && args[0] == "run" ? Commands.Run(Options.Parse(args[1..]))
        : args.Length > 0 && args[0] == "generate" ? Commands.Generate(Options.Parse(args[1..]))
        : args.Length > 0 && args[0] == "compare" ? Commands.Compare(Options.Parse(args[1..]))
        : Commands.Usage();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

internal static class Commands
{
    public static int Usage()
    {
        Console.Error.WriteLine("usage: ExposureSdk.Peers run [--assets N] [--seed S] [--repetitions R] [--sqlite-assets M] [--sqlite-budget-seconds S] [--check-reference]");
        Console.Error.WriteLine("       ExposureSdk.Peers generate --assets N [--seed S] --out DIR");
        Console.Error.WriteLine("       ExposureSdk.Peers compare --data DIR [--repetitions R] [--sqlite-assets M] [--sqlite-budget-seconds S] [--check-reference]");
        Console.Error.WriteLine("defaults: 1,000,000 assets, 5 repetitions, SQLite at the full size with 300 s per repetition.");
        return 2;
    }

    public static int Generate(Options options)
    {
        var assets = options.Int("assets", 1_000_000);
        var seed = ulong.Parse(options.Text("seed", RollupDataset.DefaultSeed.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var output = options.Required("out");
        var stopwatch = Stopwatch.StartNew();
        var dataset = RollupDataset.Generate(DatasetShape.Enterprise(assets), seed);
        var generated = stopwatch.Elapsed;
        DatasetFiles.Write(dataset, output, seed);
        Console.Error.WriteLine($"generated {dataset.AssetCount:N0} assets, {dataset.AssessmentCount:N0} assessments, {dataset.RecommendationCount:N0} recommendations, {dataset.MetricCount} metrics ({dataset.MetricRecommendationMetric.Length:N0} metric-recommendation rows), {dataset.InitiativeCount} initiatives (seed {seed}) in {generated.TotalSeconds:F1} s; wrote {output} in {(stopwatch.Elapsed - generated).TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>Generates the dataset in memory and compares the engines on it: the one command.</summary>
    public static int Run(Options options)
    {
        var assets = options.Int("assets", 1_000_000);
        var seed = ulong.Parse(options.Text("seed", RollupDataset.DefaultSeed.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var stopwatch = Stopwatch.StartNew();
        var dataset = RollupDataset.Generate(DatasetShape.Enterprise(assets), seed);
        Console.Error.WriteLine($"generated {dataset.AssetCount:N0} assets, {dataset.AssessmentCount:N0} assessments (seed {seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return Measure(dataset, options);
    }

    /// <summary>Compares the engines on a dataset written by <c>generate</c>.</summary>
    public static int Compare(Options options)
    {
        var data = options.Required("data");
        var stopwatch = Stopwatch.StartNew();
        var dataset = DatasetFiles.Read(data);
        Console.Error.WriteLine($"read {dataset.AssessmentCount:N0} assessments from {data} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        return Measure(dataset, options);
    }

    private static int Measure(RollupDataset dataset, Options options)
    {
        var repetitions = options.Int("repetitions", 5);
        var budget = TimeSpan.FromSeconds(options.Int("sqlite-budget-seconds", 300));
        var statements = RollupSql.Load();
        var sqliteAssets = Math.Min(options.Int("sqlite-assets", dataset.AssetCount), dataset.AssetCount);
        var checkReference = options.Flag("check-reference") || dataset.AssessmentCount <= 4_000_000;
        var measurements = new List<Measurement>();
        var failures = new List<string>();

        // 1. ExposureSdk at the full size.
        var sdk = SdkPeer.Measure(dataset, repetitions);
        measurements.AddRange(sdk.Measurements);

        // 2. DuckDB, in this process, on the same data.
        var duck = MeasureDuckDb(dataset, statements, repetitions);
        measurements.Add(duck);

        // 3. The physical limit: one sequential pass over the same assessment columns.
        measurements.Add(MeasureScan(dataset, repetitions));

        // 4. SQLite, at the full size or at the size given (then ExposureSdk is measured again at that size).
        var sqliteData = dataset.TakeAssets(sqliteAssets);
        SdkRun? sdkAtSqliteSize = null;
        if (sqliteAssets != dataset.AssetCount)
        {
            sdkAtSqliteSize = SdkPeer.Measure(sqliteData, repetitions);
            measurements.Add(sdkAtSqliteSize.Measurement);
        }

        var sqlite = MeasureSqlite(sqliteData, statements, Math.Min(repetitions, 3), budget);
        measurements.Add(sqlite);

        // 5. Agreement.
        Check(sdk.Measurement.Result, duck.Result, failures);
        Check(sdk.Measurement.Result, sdk.Measurements[^1].Result, failures);
        Check((sdkAtSqliteSize ?? sdk).Measurement.Result, sqlite.Result, failures);
        if (checkReference)
        {
            Console.Error.WriteLine("checking against the plain reference rollup...");
            Check(ReferenceRollup.Compute(dataset), sdk.Measurement.Result, failures);
        }

        Console.WriteLine(Table(dataset, measurements, sdk, sdkAtSqliteSize));
        Console.WriteLine($"Results: {sdk.Measurement.Result!.Digest()}");
        if (failures.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("MISMATCH: the engines do not agree:");
            foreach (var failure in failures)
            {
                Console.WriteLine("  " + failure);
            }

            return 1;
        }

        Console.WriteLine($"Agreement: ExposureSdk, DuckDB{(sqlite.Result is null ? string.Empty : ", SQLite")}{(checkReference ? " and the reference rollup" : string.Empty)} give the same counts and scores (scores within 1e-9 points).");
        return 0;
    }

    private static void Check(RollupResult? expected, RollupResult? actual, List<string> failures)
    {
        if (expected is null || actual is null)
        {
            return;
        }

        failures.AddRange(expected.Differences(actual));
    }

    private static Measurement MeasureDuckDb(RollupDataset dataset, IReadOnlyList<string> statements, int repetitions)
    {
        Console.Error.WriteLine($"DuckDB: loading {dataset.AssessmentCount:N0} assessments...");
        var stopwatch = Stopwatch.StartNew();
        using var duck = DuckDbPeer.Load(dataset);
        var loadMs = stopwatch.Elapsed.TotalMilliseconds;

        // One untimed warm-up repetition (as for the other engines), then the timed ones.
        var result = duck.Run(statements, out _);
        var times = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            Collect();
            result = duck.Run(statements, out var elapsed);
            times.Add(elapsed);
            Console.Error.WriteLine($"DuckDB repetition {i + 1}: {elapsed:F0} ms");
        }

        return new Measurement("DuckDB", $"{duck.Version} in process via DuckDB.NET.Data.Full, {duck.Threads} threads, rollup.sql", dataset.AssetCount, dataset.AssessmentCount, loadMs, times, result);
    }

    private static Measurement MeasureScan(RollupDataset dataset, int repetitions)
    {
        SequentialScan.Sum(dataset);
        var times = new List<double>();
        ulong sum = 0;
        for (var i = 0; i < repetitions; i++)
        {
            Collect();
            var stopwatch = Stopwatch.StartNew();
            sum += SequentialScan.Sum(dataset);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var bytes = (long)dataset.AssessmentCount * SequentialScan.BytesPerAssessment;
        return new Measurement("Physical limit", $"one sequential vectorised pass summing rec, asset, status ({bytes / 1e6:F0} MB, 1 thread, checksum {sum % 1000})", dataset.AssetCount, dataset.AssessmentCount, 0, times, null);
    }

    private static Measurement MeasureSqlite(RollupDataset dataset, IReadOnlyList<string> statements, int repetitions, TimeSpan budget)
    {
        Console.Error.WriteLine($"SQLite: loading {dataset.AssessmentCount:N0} assessments...");
        var stopwatch = Stopwatch.StartNew();
        using var sqlite = SqlitePeer.Load(dataset);
        var loadMs = stopwatch.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        RollupResult? result = null;
        string? note = null;
        for (var i = 0; i < repetitions; i++)
        {
            Collect();
            var run = sqlite.Run(statements, budget, out var elapsed);
            if (run is null)
            {
                note = $"interrupted after {elapsed / 1000:F0} s (budget {budget.TotalSeconds:F0} s per repetition)";
                break;
            }

            result = run;
            times.Add(elapsed);
            Console.Error.WriteLine($"SQLite repetition {i + 1}: {elapsed:F0} ms");
        }

        return new Measurement("SQLite", $"{sqlite.Version} in memory via Microsoft.Data.Sqlite, index on assessments(rec, status, asset), rollup.sql", dataset.AssetCount, dataset.AssessmentCount, loadMs, times, result, note);
    }

    public static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string Table(RollupDataset dataset, List<Measurement> measurements, SdkRun sdk, SdkRun? sdkAtSqliteSize)
    {
        var builder = new StringBuilder();
        builder.AppendLine();
        builder.AppendLine($"Rollup of {dataset.AssetCount:N0} assets, {dataset.AssessmentCount:N0} assessments, {dataset.RecommendationCount:N0} recommendations, {dataset.MetricCount} metrics ({dataset.MetricRecommendationMetric.Length:N0} metric-recommendation rows), {dataset.InitiativeCount} initiatives; {Environment.ProcessorCount} cores; median of the repetitions (min–max); data loaded before timing.");
        builder.AppendLine();
        builder.AppendLine("| Engine | Assets | Assessments | Median ms | Min–max ms | Reps | vs ExposureSdk | Load (not timed) | What |");
        builder.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var m in measurements)
        {
            var reference = m.Assets == dataset.AssetCount ? sdk.Measurement : (sdkAtSqliteSize ?? sdk).Measurement;
            var ours = m.Engine.StartsWith("ExposureSdk", StringComparison.Ordinal);
            string ratio;
            if (m.TimesMs.Count == 0)
            {
                ratio = "-";
            }
            else if (ReferenceEquals(m, reference))
            {
                ratio = "1×";
            }
            else if (m.MedianMs >= reference.MedianMs)
            {
                ratio = $"{m.MedianMs / reference.MedianMs:F1}× slower";
            }
            else
            {
                ratio = $"{reference.MedianMs / m.MedianMs:F1}× faster";
            }

            var median = m.TimesMs.Count == 0 ? m.Note ?? "not measured" : $"{m.MedianMs:F1}";
            var spread = m.TimesMs.Count == 0 ? "-" : $"{m.MinMs:F1}–{m.MaxMs:F1}";
            var load = m.LoadMs > 0 ? $"{m.LoadMs / 1000:F1} s" : "-";
            var what = m.Note is null || m.TimesMs.Count == 0 ? m.Detail : $"{m.Detail}; {m.Note}";
            var engine = ours ? $"**{m.Engine}**" : m.Engine;
            builder.AppendLine($"| {engine} | {m.Assets:N0} | {m.Assessments:N0} | {median} | {spread} | {m.TimesMs.Count} | {ratio} | {load} | {what} |");
        }

        builder.AppendLine();
        builder.AppendLine($"ExposureSdk memory: {sdk.HeldBytes / 1e6:F0} MB held by the loaded ExposureDataset (GC heap growth, asset id strings included) = {(double)sdk.HeldBytes / dataset.AssessmentCount:F1} bytes per assessment; its columnar arrays alone (ColumnarBytes) {sdk.ColumnarBytes / 1e6:F0} MB = {(double)sdk.ColumnarBytes / dataset.AssessmentCount:F1} bytes per assessment; {sdk.AllocatedPerRunBytes / 1e6:F2} MB allocated per rollup.");
        return builder.ToString();
    }
}

internal sealed class Options
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            options._values[name] = value;
        }

        return options;
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value is not null ? value : throw new ArgumentException($"--{name} is required");

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var value) && value is not null ? value : fallback;

    public int Int(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var value) || value is null)
        {
            return fallback;
        }

        return int.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"--{name} needs a positive integer, got '{value}'");
    }
}
