using ExposureSdk.Orleans.Tests.Support;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Orleans.Tests.Cluster;

/// <summary>Portfolio queries across the 200 tenants, checked against what the single process stored.</summary>
public sealed partial class ThreeSiloClusterTests
{
    [Fact]
    public async Task Portfolio_WorstInitiatives_AcrossAllTenants()
    {
        var result = await fixture.Host.Exposure.Portfolio.GetWorstInitiativesAsync(25, fixture.Tenants);
        result.TenantsAsked.Should().Be(200);
        result.Failures.Should().BeEmpty();
        var expected = fixture.Tenants
            .SelectMany(t => fixture.Expected.Cards[t][^1].Initiatives
                .Where(i => i.Availability == ScoreAvailability.Available && i.Score is not null)
                .Select(i => (Tenant: t, Id: i.Id.Value, Score: i.Score!.Value)))
            .OrderBy(x => x.Score).ThenBy(x => x.Tenant, StringComparer.Ordinal).ThenBy(x => x.Id, StringComparer.Ordinal)
            .Take(25)
            .ToArray();
        result.Items.Select(i => (i.TenantId, i.Initiative.Id, i.Initiative.Score!.Value)).Should().Equal(expected);
    }

    [Fact]
    public async Task Portfolio_EventsOfThePastDays_EveryTenantsEvents()
    {
        var result = await fixture.Host.Exposure.Portfolio.GetRecentEventsAsync(7, fixture.Tenants);
        result.Failures.Should().BeEmpty();
        result.Items.Select(Reference.Key).Should().BeEquivalentTo(fixture.Expected.Events.SelectMany(kv => kv.Value.Select(e => Reference.Key(kv.Key, e))));
        result.Items.Select(e => e.Date).Should().BeInAscendingOrder();

        var last = TestWorld.DayTime(ThreeSiloClusterFixture.Days - 1, ThreeSiloClusterFixture.Days);
        var lastDay = await fixture.Host.Exposure.Portfolio.GetRecentEventsAsync(1, fixture.Tenants);
        lastDay.Items.Should().OnlyContain(e => e.Date >= last.AddDays(-1));
        lastDay.Items.Should().HaveCount(fixture.Expected.Events.Values.Sum(v => v.Count(e => e.Date >= last.AddDays(-1))));
    }

    [Fact]
    public async Task Portfolio_TenantsBelowTarget_LargestGapFirst()
    {
        var result = await fixture.Host.Exposure.Portfolio.GetTenantsBelowTargetAsync(fixture.Tenants);
        var expected = fixture.Tenants
            .Select(t => (Tenant: t, Below: fixture.Expected.Cards[t][^1].Initiatives
                .Where(i => i.Availability == ScoreAvailability.Available && i.Score is { } s && i.TargetScore is { } target && s < target)
                .Select(i => i.Id.Value).Order(StringComparer.Ordinal).ToArray()))
            .Where(x => x.Below.Length > 0)
            .ToDictionary(x => x.Tenant, x => x.Below, StringComparer.Ordinal);
        expected.Should().NotBeEmpty("the demo's targets are above some scores, or this test proves nothing");
        result.Items.Select(t => t.TenantId).Should().BeEquivalentTo(expected.Keys);
        foreach (var tenant in result.Items)
        {
            tenant.Initiatives.Select(i => i.Id).Order(StringComparer.Ordinal).Should().Equal(expected[tenant.TenantId]);
            tenant.Initiatives.Select(i => i.TargetScore!.Value - i.Score!.Value).Should().BeInDescendingOrder();
        }

        result.Items.Select(t => t.Initiatives[0].TargetScore!.Value - t.Initiatives[0].Score!.Value).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task Portfolio_TenantThatCannotAnswer_ListedAsFailure_OthersAnswered()
    {
        string[] tenants = [fixture.Tenants[0], ThreeSiloClusterFixture.BadOptionsTenant, "no-such-tenant", fixture.Tenants[1]];
        var result = await fixture.Host.Exposure.Portfolio.GetWorstInitiativesAsync(1000, tenants);
        result.TenantsAsked.Should().Be(4);
        result.Failures.Select(f => f.TenantId).Should().Equal("no-such-tenant", ThreeSiloClusterFixture.BadOptionsTenant);
        result.Failures.Should().OnlyContain(f => f.Error.Contains($"Tenant '{f.TenantId}'", StringComparison.Ordinal));
        result.Items.Select(i => i.TenantId).Distinct().Should().BeEquivalentTo([fixture.Tenants[0], fixture.Tenants[1]]);
    }
}
