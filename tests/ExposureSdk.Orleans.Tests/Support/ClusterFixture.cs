using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ExposureSdk.Orleans.Tests.Support;

/// <summary>A three-silo in-process cluster over a fresh test world.</summary>
internal sealed class TestClusterHost : IAsyncDisposable
{
    private TestClusterHost(TestWorld world, TestCluster cluster)
    {
        World = world;
        Cluster = cluster;
    }

    public TestWorld World { get; }

    public TestCluster Cluster { get; }

    public ExposureCluster Exposure => Cluster.Client.ServiceProvider.GetRequiredService<ExposureCluster>();

    public static async Task<TestClusterHost> StartAsync(TestWorld world, short silos = 3)
    {
        var builder = new TestClusterBuilder(silos);
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { [TestWorld.ConfigurationKey] = world.Id }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await cluster.DeployAsync(timeout.Token);
        return new TestClusterHost(world, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        World.Dispose();
    }
}
