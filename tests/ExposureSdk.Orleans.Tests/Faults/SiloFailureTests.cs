using System.Collections.Concurrent;
using System.Diagnostics;
using ExposureSdk.History.Sqlite;
using ExposureSdk.Orleans.Tenants;
using ExposureSdk.Orleans.Tests.Support;
using ExposureSdk.Orleans.Views;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace ExposureSdk.Orleans.Tests.Faults;

[Collection(ClusterTestGroup.Name)]
public sealed class SiloFailureTests
{
    private const int Days = 3;

    [Fact]
    public async Task KillASiloDuringRefreshes_NoCardLostOrDuplicated_NoFalseOrDuplicateEvent()
    {
        using var world = new TestWorld();
        var tenants = world.AddDemoTenants(40, prefix: "kill");
        await using var host = await TestClusterHost.StartAsync(world);
        var summaries = new ConcurrentBag<TenantRefreshSummary>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        for (var day = 0; day < Days; day++)
        {
            var slot = TestWorld.DayTime(day, Days);
            world.Clock.SetUtcNow(slot);
            var started = 0;
            var victim = host.Cluster.SecondarySilos[0];
            var kill = day == 1
                ? Task.Run(async () =>
                {
                    while (Volatile.Read(ref started) < tenants.Count / 3)
                    {
                        await Task.Delay(10, timeout.Token);
                    }

                    await host.Cluster.KillSiloAsync(victim);
                })
                : Task.CompletedTask;
            await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = timeout.Token }, async (tenant, ct) =>
            {
                Interlocked.Increment(ref started);
                summaries.Add(await host.Exposure.RefreshAsync(tenant, slot, ct));
            });
            await kill.WaitAsync(timeout.Token);
        }

        host.Cluster.GetActiveSilos().Should().HaveCount(2, "one silo was killed on the second day");
        summaries.Should().HaveCount(tenants.Count * Days);

        var expected = await SingleProcess.RunAsync(world, tenants, Days);
        using var store = new SqliteScoreHistoryStore(world.DatabasePath);
        var stored = await Reference.ReadAsync(store, tenants, Days);
        foreach (var tenant in tenants)
        {
            stored.Cards[tenant].Select(c => c.AsOf).Should().Equal(expected.Cards[tenant].Select(c => c.AsOf), $"tenant {tenant} has one card per day, none lost, none twice");
        }

        var (falseEvents, duplicates, missing) = stored.Compare(expected);
        expected.EventCount.Should().BePositive();
        falseEvents.Should().Be(0);
        duplicates.Should().Be(0);
        missing.Should().Be(0);
    }

    [Fact]
    public async Task SlowTenant_OthersKeepFlowing_RefreshesBoundedPerSilo()
    {
        using var world = new TestWorld();
        var tenants = world.AddDemoTenants(24, prefix: "flow");
        world.Tenants["slow"] = new TenantSetup(5, 500, 10) { Configure = b => b.AddSourceProvider(new SlowProvider(TimeSpan.FromSeconds(8))) };
        await using var host = await TestClusterHost.StartAsync(world);
        var slot = TestWorld.DayTime(0, 1);
        world.Clock.SetUtcNow(slot);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var watch = Stopwatch.StartNew();
        var slow = host.Exposure.RefreshAsync("slow", slot, timeout.Token);
        var finished = new ConcurrentBag<TimeSpan>();
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = 12, CancellationToken = timeout.Token }, async (tenant, ct) =>
        {
            await host.Exposure.RefreshAsync(tenant, slot, ct);
            finished.Add(watch.Elapsed);
        });
        slow.IsCompleted.Should().BeFalse("the others finished while the slow tenant still holds its one slot");
        (await slow).Providers.Should().Contain(p => p.Name == "slow" && p.Outcome == "Succeeded");

        foreach (var silo in host.Cluster.Silos.OfType<InProcessSiloHandle>())
        {
            var gate = silo.SiloHost.Services.GetRequiredService<RefreshGate>();
            gate.MaxRunning.Should().BeLessThanOrEqualTo(gate.Capacity, "refreshes are bounded per silo");
            gate.Running.Should().Be(0);
        }

        host.Cluster.Silos.OfType<InProcessSiloHandle>().Sum(s => s.SiloHost.Services.GetRequiredService<RefreshGate>().Completed).Should().Be(tenants.Count + 1);
    }
}
