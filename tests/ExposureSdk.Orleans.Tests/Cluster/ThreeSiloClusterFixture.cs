using System.Collections.Concurrent;
using ExposureSdk.Orleans.Hosting;
using ExposureSdk.Orleans.Tests.Support;
using ExposureSdk.Orleans.Views;
using ExposureSdk.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace ExposureSdk.Orleans.Tests.Cluster;

/// <summary>
/// Three silos, 200 demo tenants (distinct seeds, 500 assets each) refreshed over three days through the
/// cluster, with a shared SQLite history; plus a tenant whose second source fails and a tenant whose options
/// are invalid. The single-process reference runs the same 200 tenants and days.
/// </summary>
public sealed class ThreeSiloClusterFixture : IAsyncLifetime
{
    public const int Days = 3;
    public const string FailingSourceTenant = "zz-failing-source";
    public const string BadOptionsTenant = "zz-bad-options";

    private TestClusterHost? _host;

    internal TestClusterHost Host => _host!;

    internal TestWorld World { get; } = new();

    public IReadOnlyList<string> Tenants { get; private set; } = [];

    /// <summary>Every refresh summary, by tenant and day.</summary>
    public ConcurrentDictionary<(string Tenant, int Day), TenantRefreshSummary> Summaries { get; } = new();

    /// <summary>What the first subscribed tenants' streams delivered.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<SecurityEventNotification>> Notifications { get; } = new(StringComparer.Ordinal);

    internal Reference Expected { get; private set; } = null!;

    internal Reference Stored { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tenants = World.AddDemoTenants(200);
        World.Tenants[FailingSourceTenant] = new TenantSetup(7, 500, 10) { Configure = b => b.AddSourceProvider(new FailingProvider()) };
        World.Tenants[BadOptionsTenant] = new TenantSetup(8, 500, 10) { Configure = b => b.Services.Configure<ExposureRefreshPipelineOptions>(o => o.HistoryRetentionDays = 0) };
        _host = await TestClusterHost.StartAsync(World);

        var streams = Host.Cluster.Client.GetStreamProvider(SiloConfigurator.StreamProvider);
        foreach (var tenant in Tenants.Take(10))
        {
            var queue = Notifications.GetOrAdd(tenant, _ => new ConcurrentQueue<SecurityEventNotification>());
            await streams.GetStream<SecurityEventNotification>(StreamId.Create(ExposureGrainOptions.EventStreamNamespace, tenant))
                .SubscribeAsync((n, _) =>
                {
                    queue.Enqueue(n);
                    return Task.CompletedTask;
                });
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        for (var day = 0; day < Days; day++)
        {
            var slot = TestWorld.DayTime(day, Days);
            World.Clock.SetUtcNow(slot);
            await Parallel.ForEachAsync(Tenants.Append(FailingSourceTenant), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = timeout.Token }, async (tenant, ct) =>
                Summaries[(tenant, day)] = await Host.Exposure.RefreshAsync(tenant, slot, ct));
        }

        Expected = await SingleProcess.RunAsync(World, Tenants, Days);
        using var store = new ExposureSdk.History.Sqlite.SqliteScoreHistoryStore(World.DatabasePath);
        Stored = await Reference.ReadAsync(store, Tenants, Days);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
