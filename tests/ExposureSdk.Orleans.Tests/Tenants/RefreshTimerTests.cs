using ExposureSdk.History.Sqlite;
using ExposureSdk.Orleans.Tenants;
using ExposureSdk.Orleans.Tests.Support;
using ExposureSdk.ScoreCards;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;

namespace ExposureSdk.Orleans.Tests.Tenants;

/// <summary>The refresh schedule: a tenant grain's timer refreshes it with nobody calling, and stops with the grain.</summary>
[Collection(ClusterTestGroup.Name)]
public sealed class RefreshTimerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ShortInterval_TenantRefreshesOnItsOwnAtLeastTwice_TimerStopsWhenDeactivated()
    {
        using var world = new TestWorld { RefreshInterval = Interval };
        // The tenant reads the real clock, as a deployed one does, so every tick falls in a slot of its own.
        world.Tenants["timed"] = new TenantSetup(9, 500, 3) { Configure = b => b.Services.AddSingleton(TimeProvider.System) };
        await using var host = await TestClusterHost.StartAsync(world, silos: 1);
        using var store = new SqliteScoreHistoryStore(world.DatabasePath);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var activatedAt = TimeProvider.System.GetUtcNow();
        async Task<IReadOnlyList<ScoreCard>> ScheduledCardsAsync() =>
            (await store.GetCardsAsync("timed", activatedAt, activatedAt.AddDays(1), timeout.Token)).Where(c => c.AsOf >= activatedAt).ToList();

        var grain = host.Exposure.GetTenant("timed");
        (await grain.StartAsync()).Should().Be("timed", "this call activates the grain; nothing calls it afterwards");

        IReadOnlyList<ScoreCard> cards;
        while ((cards = await ScheduledCardsAsync()).Count < 2)
        {
            await Task.Delay(100, timeout.Token);
        }

        cards.Select(c => ExposureTenantGrain.SlotStart(c.AsOf, Interval)).Should().OnlyHaveUniqueItems("each tick records its own slot, once");

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = host.Cluster.Client.GetGrain<IManagementGrain>(0);
        while ((await management.GetSimpleGrainStatistics()).Any(s => s.GrainType.Contains(nameof(ExposureTenantGrain), StringComparison.Ordinal) && s.ActivationCount > 0))
        {
            await Task.Delay(100, timeout.Token);
        }

        var recorded = (await ScheduledCardsAsync()).Count;
        await Task.Delay(Interval * 5, timeout.Token);
        (await ScheduledCardsAsync()).Should().HaveCount(recorded, "a deactivated tenant's timer is gone: five intervals pass without a refresh");
    }
}
