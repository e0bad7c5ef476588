using ExposureSdk.History;
using ExposureSdk.History.Sqlite;
using ExposureSdk.Orleans.Partitioning;
using ExposureSdk.Orleans.Tenants;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ExposureSdk.Orleans.Tests.Support;

/// <summary>Each silo: the ExposureSdk grains, the world's tenants, a SQLite history store on the world's shared file, memory streams.</summary>
internal sealed class SiloConfigurator : ISiloConfigurator
{
    public const string StreamProvider = "exposure-events";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var world = TestWorld.Get(siloBuilder.Configuration[TestWorld.ConfigurationKey]!);
        var siloName = siloBuilder.Configuration["Orleans:Name"] ?? siloBuilder.Configuration["SiloName"] ?? Guid.NewGuid().ToString("N");
        siloBuilder.AddExposureManagementGrains(o =>
        {
            o.RefreshInterval = world.RefreshInterval;
            o.MaxConcurrentRefreshesPerSilo = 2;
            o.EventStreamProvider = StreamProvider;
            o.RefreshTimeout = TimeSpan.FromMinutes(2);
        });
        siloBuilder.AddMemoryStreams(StreamProvider);
        siloBuilder.AddMemoryGrainStorage("PubSubStore");
        siloBuilder.Services.AddSingleton<IScoreHistoryStore>(_ => new SqliteScoreHistoryStore(world.DatabasePath));
        siloBuilder.Services.AddSingleton<IExposureTenantFactory>(_ => new WorldTenantFactory(world, siloName));
        siloBuilder.Services.AddSingleton<IExposurePartitionSource>(_ => new WorldPartitionSource(world));
    }
}

internal sealed class ClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        clientBuilder.AddExposureManagementClient(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(200);
            o.MaxRefreshAttempts = 12;
        });
        clientBuilder.AddMemoryStreams(SiloConfigurator.StreamProvider);
    }
}
