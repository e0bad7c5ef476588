// The cluster sample (issue 15): an in-process Orleans cluster of N silos serving N demo tenants over D days,
// optionally killing a silo on the second day, then one JSON object comparing the cluster with one process.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ExposureSdk.Demo;
using ExposureSdk.History;
using ExposureSdk.History.Sqlite;
using ExposureSdk.Orleans;
using ExposureSdk.Orleans.Tenants;
using ExposureSdk.Pipeline;
using ExposureSdk.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

var silos = Option("--silos", 3);
var tenantCount = Option("--tenants", 200);
var days = Option("--days", 3);
var killSilo = args.Contains("--kill-silo");
var tenantAssets = Option("--tenant-assets", 500);
var largeAssets = Option("--large-assets", 20_000);
var partitions = Option("--partitions", 3);
if (silos < 1 || tenantCount < 1 || days < 1 || days > 30 || (killSilo && silos < 2))
{
    Console.Error.WriteLine("Usage: --silos N (≥ 2 with --kill-silo) --tenants N --days 1..30 [--kill-silo] [--tenant-assets N] [--large-assets N] [--partitions N]");
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
var factory = new DemoTenants(demos, clock);

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
            o.MaxConcurrentRefreshesPerSilo = 2;
        });
        silo.Services.AddSingleton<IScoreHistoryStore>(_ => new SqliteScoreHistoryStore(database));
        silo.Services.AddSingleton<IExposureTenantFactory>(factory);
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
var watch = Stopwatch.StartNew();
var refreshes = 0;
for (var day = 0; day < days; day++)
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

var tenantsPerSecond = tenantCount * days / watch.Elapsed.TotalSeconds;

// What one process computes for the same tenants and days.
var singleStore = new InMemoryScoreHistoryStore();
var singleClock = new FakeTimeProvider(DayTime(0));
var pipelines = tenants.ToDictionary(t => t, t => new ExposureRefreshPipeline([new DemoTenantSourceProvider(demos[t].Value)], singleStore, new ExposureRefreshPipelineOptions { TenantId = t }, timeProvider: singleClock));
for (var day = 0; day < days; day++)
{
    singleClock.SetUtcNow(DayTime(day));
    foreach (var t in tenants)
    {
        await pipelines[t].RefreshAsync();
    }
}

using var clusterStore = new SqliteScoreHistoryStore(database);
int cardsStored = 0, cardsExpected = 0, eventsStored = 0, eventsExpected = 0, falseEvents = 0, duplicateEvents = 0;
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

// One large tenant, partitioned across the silos, against the single-process rollup.
var large = DemoTenant.Create(new DemoTenantOptions { TenantId = "large", Seed = 42, AssetCount = largeAssets, HistoryDays = 1, AsOf = asOf }).Today;
await exposure.LoadPartitionedTenantAsync(large, partitions);
var clusterWatch = Stopwatch.StartNew();
var rollup = await exposure.GetPartitionedTenant("large").RollupAsync();
var clusterMs = clusterWatch.Elapsed.TotalMilliseconds;
var dataset = ExposureDataset.FromSnapshot(large);
var singleWatch = Stopwatch.StartNew();
dataset.Recompute();
var report = dataset.ToReport();
var singleMs = singleWatch.Elapsed.TotalMilliseconds;
var equals = BitConverter.DoubleToInt64Bits(rollup.SecureScore.Achieved) == BitConverter.DoubleToInt64Bits(report.SecureScore.AchievedPoints)
    && rollup.Metrics.Select(m => (m.Id, m.Scope, m.Affected, Bits(m.Score), string.Join(',', m.TopAffectedAssetIds)))
        .SequenceEqual(report.Metrics.Select(m => (m.Id.Value, m.Scope, m.Affected, Bits(m.Score), string.Join(',', m.TopAffectedAssetIds))))
    && rollup.Initiatives.Select(i => (i.Id, Bits(i.Score))).SequenceEqual(report.Initiatives.Select(i => (i.Id.Value, Bits(i.Score))));

await clientHost.StopAsync();
foreach (var host in hosts.Skip(0).Take(killSilo ? hosts.Count - 1 : hosts.Count))
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
    json.WriteNumber("tenantsPerSecond", Math.Round(tenantsPerSecond, 2));
    json.WriteBoolean("killedSilo", killSilo);
    json.WriteStartObject("partitioned");
    json.WriteNumber("assets", dataset.AssetCount);
    json.WriteNumber("partitions", partitions);
    json.WriteBoolean("equalsSingleProcess", equals);
    json.WriteNumber("clusterMs", Math.Round(clusterMs, 1));
    json.WriteNumber("singleProcessMs", Math.Round(singleMs, 1));
    json.WriteNumber("partialBytes", rollup.PartialBytes);
    json.WriteEndObject();
    json.WriteEndObject();
}

Console.WriteLine();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
return cardsStored == cardsExpected && falseEvents == 0 && duplicateEvents == 0 && equals ? 0 : 1;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture) : "null";

static string Key(ExposureSdk.Events.SecurityEvent e) => FormattableString.Invariant(
    $"{e.Kind}|{e.SubjectId}|{e.Date.UtcDateTime:yyyy-MM-dd}|{Bits(e.PreviousScore)}|{Bits(e.CurrentScore)}");

/// <summary>The host's tenants: demo tenants with distinct seeds, read on the sample's clock.</summary>
internal sealed class DemoTenants(Dictionary<string, Lazy<DemoTenant>> demos, TimeProvider clock) : IExposureTenantFactory
{
    public ValueTask<IReadOnlyList<string>> GetTenantIdsAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<string>>([.. demos.Keys]);

    public void ConfigureTenant(string tenantId, IExposureManagementBuilder builder)
    {
        var demo = demos.TryGetValue(tenantId, out var d) ? d.Value : throw new KeyNotFoundException($"the host knows no tenant '{tenantId}'.");
        builder.Services.AddSingleton(clock);
        builder.AddSourceProvider(new DemoTenantSourceProvider(demo));
    }
}
