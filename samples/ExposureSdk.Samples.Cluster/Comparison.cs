using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ExposureSdk.Samples.Cluster;

/// <summary>
/// <c>--compare ROUNDS</c>: the sample runs itself in fresh processes, alternating the configurations in one run, and
/// prints each run's figures and the ratios: tenants refreshed per second on 1 silo against 3 (the order swapped every
/// round, so a drift of the machine's load falls on both), then a large tenant partitioned on 3 silos against the
/// single-process rollup of the same data. Each child prints the sample's one JSON object, read here.
/// </summary>
internal static class Comparison
{
    public static async Task<int> RunAsync(int rounds, int largeRounds, string[] args)
    {
        var tenants = Option(args, "--tenants", 200);
        var days = Option(args, "--days", 3);
        var tenantAssets = Option(args, "--tenant-assets", 500);
        var largeAssets = Option(args, "--large-assets", 5_000_000);
        var partitions = Option(args, "--partitions", 3);
        var rollups = Option(args, "--rollups", 3);
        var refreshes = Option(args, "--refreshes", 0);
        var failed = false;
        Console.WriteLine(Invariant($"Cluster comparison: {rounds} round(s) of 1 silo against 3 ({tenants} tenants of {tenantAssets} assets, {days} days each, {(refreshes > 0 ? refreshes.ToString(CultureInfo.InvariantCulture) + " concurrent refreshes in the cluster" : "2 concurrent refreshes per silo")}), then {largeRounds} round(s) of a {largeAssets:N0}-asset tenant on 3 silos ({partitions} partitions) against one process. {Environment.ProcessorCount} cores. Load average {LoadAverage()}."));
        Console.WriteLine();
        Console.WriteLine("round  silos  tenants/s  single-process tenants/s  heap/tenant  assessments/tenant  cards  events false/dup  load average after");
        var perSilos = new Dictionary<int, List<double>> { [1] = [], [3] = [] };
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            int[] order = round % 2 == 1 ? [1, 3] : [3, 1];
            var figures = new Dictionary<int, double>();
            foreach (var silos in order)
            {
                // --refreshes N: the same N concurrent refreshes in the whole cluster whatever the silos (N / silos each), so
                // the ratio is the cluster's overhead; without it, each silo runs 2 and three silos run 6 at once.
                var perSilo = refreshes > 0 ? Math.Max(1, refreshes / silos) : 2;
                var (ok, json) = await ChildAsync(["--silos", I(silos), "--tenants", I(tenants), "--days", I(days), "--tenant-assets", I(tenantAssets), "--large-assets", "0", "--refreshes-per-silo", I(perSilo)]);
                failed |= !ok;
                var root = json.RootElement;
                var tps = root.GetProperty("tenantsPerSecond").GetDouble();
                figures[silos] = tps;
                perSilos[silos].Add(tps);
                Console.WriteLine(Invariant($"{round,5}  {silos,5}  {tps,9:F2}  {root.GetProperty("singleProcessTenantsPerSecond").GetDouble(),24:F2}  {root.GetProperty("heapBytesPerTenant").GetDouble() / 1024,8:F0} KiB  {root.GetProperty("assessmentsPerTenant").GetDouble(),18:F0}  {root.GetProperty("cardsStored").GetInt32()}/{root.GetProperty("cardsExpected").GetInt32()}  {root.GetProperty("falseEvents").GetInt32()}/{root.GetProperty("duplicateEvents").GetInt32()}  {LoadAverage()}"));
            }

            ratios.Add(figures[3] / figures[1]);
            Console.WriteLine(Invariant($"       3 silos / 1 silo: {figures[3] / figures[1]:F2}"));
        }

        Console.WriteLine(Invariant($"median tenants/s: 1 silo {Median(perSilos[1]):F2}, 3 silos {Median(perSilos[3]):F2}; median ratio 3/1 {Median(ratios):F2}"));
        if (largeRounds < 1)
        {
            return failed ? 1 : 0;
        }

        Console.WriteLine();
        Console.WriteLine("round  load ms (cluster / one process)  rollup ms (cluster / one process from state / one process recompute)  partial bytes  held MB (cluster heap, columnar / one process heap, columnar)  equal  load average after");
        for (var round = 1; round <= largeRounds; round++)
        {
            var (ok, json) = await ChildAsync(["--silos", "3", "--tenants", "0", "--large-assets", I(largeAssets), "--partitions", I(partitions), "--rollups", I(rollups)]);
            failed |= !ok;
            var p = json.RootElement.GetProperty("partitioned");
            double D(string name) => p.GetProperty(name).GetDouble();
            Console.WriteLine(Invariant($"{round,5}  {D("clusterLoadMs"),10:F0} / {D("singleProcessLoadMs"),10:F0} ({D("clusterLoadMs") / D("singleProcessLoadMs"):F2}×)  {D("clusterMs"),8:F1} / {D("singleProcessReportMs"),8:F1} / {D("singleProcessMs"),8:F1}  {D("partialBytes"),10:F0}  {D("clusterHeapBytes") / 1e6,6:F0}, {D("clusterColumnarBytes") / 1e6,6:F0} / {D("singleProcessHeapBytes") / 1e6,6:F0}, {D("singleProcessColumnarBytes") / 1e6,6:F0}  {p.GetProperty("equalsSingleProcess").GetBoolean()}  {LoadAverage()}"));
            Console.WriteLine(Invariant($"       {D("assessments"):N0} assessments in {D("partitions")} partitions on {D("silosHoldingPartitions")} silo(s); definitions {D("definitionsBytes"):N0} bytes; cluster rollups {string.Join(", ", p.GetProperty("clusterRunsMs").EnumerateArray().Select(e => e.GetDouble().ToString("F1", CultureInfo.InvariantCulture)))} ms; one-process recomputes {string.Join(", ", p.GetProperty("singleProcessRunsMs").EnumerateArray().Select(e => e.GetDouble().ToString("F1", CultureInfo.InvariantCulture)))} ms"));
        }

        return failed ? 1 : 0;
    }

    /// <summary>Runs the sample in a fresh process with these arguments and reads its JSON object.</summary>
    private static async Task<(bool Ok, JsonDocument Json)> ChildAsync(string[] arguments)
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The sample's own executable is unknown.");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(Comparison).Assembly.Location);
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The sample could not start itself.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException(Invariant($"The run '{string.Join(' ', arguments)}' ended with exit code {child.ExitCode}."));
        }

        return (child.ExitCode == 0, JsonDocument.Parse(output));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
