// The cluster sample (issue 15): an in-process Orleans cluster of N silos serving N demo tenants over D days,
// optionally killing a silo on the second day, and one very large tenant partitioned across the silos, each partition
// reading its own shard on its silo; then one JSON object comparing the cluster with one process.
// With --compare, it runs itself several times instead, alternating the configurations, and prints each run's
// figures and the ratios (see benchmarks/README.md, "Issue 15: the cluster").
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ExposureSdk.Benchmarks.Dataset;
using ExposureSdk.Demo;
using ExposureSdk.History;
using ExposureSdk.History.Sqlite;
using ExposureSdk.Orleans;
using ExposureSdk.Orleans.Partitioning;
using ExposureSdk.Orleans.Tenants;
using ExposureSdk.Pipeline;
using ExposureSdk.Samples.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

if (Array.IndexOf(args, "--compare") >= 0)
{
    return await Comparison.RunAsync(Option("--compare", 3), Option("--large-rounds", 2), args);
}

var silos = Option("--silos", 3);
var tenantCount = Option("--tenants", 200);
var days = Option("--days", 3);
var killSilo = args.Contains("--kill-silo");
var tenantAssets = Option("--tenant-assets", 500);
var largeAssets = Option("--large-assets", 20_000);
var assessmentsPerAsset = Option("--assessments-per-asset", 20);
var partitions = Option("--partitions", 3);
var rollups = Option("--rollups", 3);
var batches = args.Contains("--large-batches");
var refreshesPerSilo = Option("--refreshes-per-silo", 2);
if (silos < 1 || tenantCount < 0 || days < 1 || days > 30 || (killSilo && (silos < 2 || tenantCount < 1)) || largeAssets < 0 || assessmentsPerAsset is < 1 or > 90
    || partitions < 1 || partitions > AssetPartitioner.MaxPartitions || rollups < 1 || refreshesPerSilo is < 1 or > 1024 || (tenantCount == 0 && largeAssets == 0))
{
    Console.Error.WriteLine("Usage: --silos N (≥ 2 with --kill-silo) --tenants N (0: none) --days 1..30 [--kill-silo] [--tenant-assets N] [--large-assets N (0: none)] [--assessments-per-asset 1..90] [--partitions 1..1024] [--rollups N] [--large-batches] [--refreshes-per-silo N]");
    Console.Error.WriteLine("   or: --compare ROUNDS [--large-rounds N] [--tenants N] [--days N] [--large-assets N] [--partitions N] [--refreshes 6]");
    return 2;
}

var asOf = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
DateTimeOffset DayTime(int day) => asOf.AddDays(day - (days - 1));
var folder = Directory.CreateTempSubdirectory("exposuresdk-cluster-").FullName;
var database = Path.Combine(folder, "history.db");
var clock = new FakeTimeProvider(DayTime(0).AddDays(-1));
var tenants = Enumerable.Range(0, tenantCount).Select(i => $"tenant-{i:D4}").ToArray();
var demos = tenants.ToDictionary(t => t, t => new Lazy<DemoTenant>(() => DemoTenant.Create(new DemoTenantOptions
{
    TenantId = t, Seed = 1000 + Array.IndexOf(tenants, t), AssetCount = tenantAssets, HistoryDays = Math.Max(days, 1), AsOf = asOf,
})));
foreach (var demo in demos.Values)
{
    _ = demo.Value; // generated before the clock starts: the sources' data is not the cluster's work
}

var assessmentsPerTenant = tenantCount > 0 ? demos.Values.Average(d => d.Value.Today.Assessments.Count) : 0;
var factory = new DemoTenants(demos, clock);
var large = largeAssets > 0 ? new ShardedTenant(new DatasetShape(largeAssets, assessmentsPerAsset), seed: 42, tenantId: "large") : null;
var shards = new ShardedSource(large);

// The silos: localhost clustering with the first silo as primary. On a real cluster only these lines change.
var siloPorts = Enumerable.Range(0, silos).Select(_ => FreePort()).ToArray();
var gatewayPorts = Enumerable.Range(0, silos).Select(_ => FreePort()).ToArray();
var hosts = new List<IHost>();
for (var i = 0; i < silos; i++)
{
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    var index = i;
    builder.UseOrleans(silo =>
    {
        silo.UseLocalhostClustering(siloPorts[index], gatewayPorts[index], new IPEndPoint(IPAddress.Loopback, siloPorts[0]));
        silo.AddExposureManagementGrains(o =>
        {
            o.RefreshInterval = TimeSpan.Zero; // the sample drives the days itself
            o.MaxConcurrentRefreshesPerSilo = refreshesPerSilo;
        });
        silo.Services.AddSingleton<IScoreHistoryStore>(_ => new SqliteScoreHistoryStore(database));
        silo.Services.AddSingleton<IExposureTenantFactory>(factory);
        silo.Services.AddSingleton<IExposurePartitionSource>(shards);
    });
    var host = builder.Build();
    await host.StartAsync();
    hosts.Add(host);
}

var clientBuilder = Host.CreateApplicationBuilder();
clientBuilder.Logging.ClearProviders();
clientBuilder.UseOrleansClient(client => client
    .UseLocalhostClustering([.. gatewayPorts])
    .AddExposureManagementClient(o => o.MaxRefreshAttempts = 12));
using var clientHost = clientBuilder.Build();
await clientHost.StartAsync();
var exposure = clientHost.Services.GetRequiredService<ExposureCluster>();

// Refresh every tenant each day; kill the last silo a third of the way into the second day.
var heapBeforeTenants = Heap();
var watch = Stopwatch.StartNew();
var refreshes = 0;
for (var day = 0; day < days && tenantCount > 0; day++)
{
    var slot = DayTime(day);
    clock.SetUtcNow(slot);
    var started = 0;
    var kill = killSilo && day == Math.Min(1, days - 1)
        ? Task.Run(async () =>
        {
            while (Volatile.Read(ref started) < tenantCount / 3)
            {
                await Task.Delay(10);
            }

            var victim = hosts[^1];
            await victim.StopAsync(new CancellationToken(canceled: true));
            victim.Dispose();
        })
        : Task.CompletedTask;
    await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (tenant, ct) =>
    {
        Interlocked.Increment(ref started);
        await exposure.RefreshAsync(tenant, slot, ct);
        Interlocked.Increment(ref refreshes);
    });
    await kill;
}

var tenantSeconds = watch.Elapsed.TotalSeconds;
var heapPerTenant = tenantCount > 0 ? (Heap() - heapBeforeTenants) / (double)tenantCount : 0;

// What one process computes for the same tenants and days.
var singleStore = new InMemoryScoreHistoryStore();
var singleClock = new FakeTimeProvider(DayTime(0));
var pipelines = tenants.ToDictionary(t => t, t => new ExposureRefreshPipeline([new DemoTenantSourceProvider(demos[t].Value)], singleStore, new ExposureRefreshPipelineOptions { TenantId = t }, timeProvider: singleClock));
var singleWatch = Stopwatch.StartNew();
for (var day = 0; day < days && tenantCount > 0; day++)
{
    singleClock.SetUtcNow(DayTime(day));
    foreach (var t in tenants)
    {
        await pipelines[t].RefreshAsync();
    }
}

var singleTenantSeconds = singleWatch.Elapsed.TotalSeconds;
int cardsStored = 0, cardsExpected = 0, eventsStored = 0, eventsExpected = 0, falseEvents = 0, duplicateEvents = 0;
using (var clusterStore = new SqliteScoreHistoryStore(database))
{
    foreach (var t in tenants)
    {
        var since = DayTime(0).AddDays(-1);
        var until = DayTime(days - 1).AddDays(1);
        cardsStored += (await clusterStore.GetCardsAsync(t, since, until)).Count;
        cardsExpected += (await singleStore.GetCardsAsync(t, since, until)).Count;
        var stored = (await clusterStore.GetEventsAsync(t, since, until)).Select(Key).ToList();
        var expected = (await singleStore.GetEventsAsync(t, since, until)).Select(Key).ToHashSet(StringComparer.Ordinal);
        eventsStored += stored.Count;
        eventsExpected += expected.Count;
        falseEvents += stored.Count(k => !expected.Contains(k));
        duplicateEvents += stored.Count - stored.Distinct(StringComparer.Ordinal).Count();
    }
}

pipelines.Clear();

// One large tenant, partitioned across the silos (each partition reads its own shard there), against the
// single-process rollup of the same data; both are held at once and their rollups alternate.
var partitioned = large is null ? null : await Partitioned.RunAsync(exposure, large, partitions, rollups, batches);

await clientHost.StopAsync();
foreach (var host in hosts.Take(killSilo ? hosts.Count - 1 : hosts.Count))
{
    await host.StopAsync();
    host.Dispose();
}

using (var json = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions { Indented = true }))
{
    json.WriteStartObject();
    json.WriteNumber("silos", silos);
    json.WriteNumber("tenants", tenantCount);
    json.WriteNumber("refreshes", refreshes);
    json.WriteNumber("cardsStored", cardsStored);
    json.WriteNumber("cardsExpected", cardsExpected);
    json.WriteNumber("eventsStored", eventsStored);
    json.WriteNumber("eventsExpected", eventsExpected);
    json.WriteNumber("falseEvents", falseEvents);
    json.WriteNumber("duplicateEvents", duplicateEvents);
    json.WriteNumber("tenantsPerSecond", tenantCount > 0 ? Math.Round(tenantCount * days / tenantSeconds, 2) : 0);
    json.WriteNumber("singleProcessTenantsPerSecond", tenantCount > 0 ? Math.Round(tenantCount * days / singleTenantSeconds, 2) : 0);
    json.WriteNumber("assessmentsPerTenant", Math.Round(assessmentsPerTenant));
    json.WriteNumber("heapBytesPerTenant", Math.Round(heapPerTenant));
    json.WriteBoolean("killedSilo", killSilo);
    if (partitioned is not null)
    {
        json.WritePropertyName("partitioned");
        partitioned.Write(json);
    }

    json.WriteEndObject();
}

Console.WriteLine();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
return cardsStored == cardsExpected && falseEvents == 0 && duplicateEvents == 0 && (partitioned?.EqualsSingleProcess ?? true) ? 0 : 1;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static long Heap() => GC.GetTotalMemory(forceFullCollection: true);

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string Key(ExposureSdk.Events.SecurityEvent e) => FormattableString.Invariant(
    $"{e.Kind}|{e.SubjectId}|{e.Date.UtcDateTime:yyyy-MM-dd}|{Bits(e.PreviousScore)}|{Bits(e.CurrentScore)}");

static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture) : "null";
