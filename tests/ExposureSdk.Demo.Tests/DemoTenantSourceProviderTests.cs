using ExposureSdk.Providers;

namespace ExposureSdk.Demo.Tests;

public sealed class DemoTenantSourceProviderTests
{
    private static readonly DemoTenant Tenant = DemoTenant.Create(new DemoTenantOptions { AssetCount = 500, HistoryDays = 5 });

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 1)]
    [InlineData(-5, 5)]
    [InlineData(-9, 5)]
    [InlineData(3, 0)]
    public void DaysAgo_CalendarDaysBeforeAsOf_ClampedToTheHistory(int offsetDays, int expected)
    {
        var provider = new DemoTenantSourceProvider(Tenant);
        provider.DaysAgo(Tenant.AsOf.AddDays(offsetDays)).Should().Be(expected);
        provider.DaysAgo(Tenant.AsOf.AddDays(offsetDays).Date.AddHours(23.9)).Should().Be(expected, "the day counts, not the hour");
    }

    [Fact]
    public async Task Pull_ServesTheSnapshotOfThePullsDay()
    {
        var provider = new DemoTenantSourceProvider(Tenant);
        foreach (var daysAgo in new[] { 2, 2, 0 })
        {
            await using var context = new SourcePullContext(Tenant.AsOf.AddDays(-daysAgo));
            var batch = await provider.PullAsync(context);
            var assessments = new List<Assessment>();
            await foreach (var a in batch.Assessments)
            {
                assessments.Add(a);
            }

            assessments.Should().BeEquivalentTo(Tenant.GetSnapshot(daysAgo).Assessments, o => o.WithStrictOrdering());
        }
    }
}
