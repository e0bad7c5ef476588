using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.History.Sqlite.Tests;

/// <summary>Domain rules §4: the stores keep each day's final state of an event (raised, updated in place, withdrawn).</summary>
public sealed class OneEventPerDayStoreTests : IDisposable
{
    private static readonly DateTimeOffset Day = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-sqlite-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    public static TheoryData<string> Stores => ["sqlite", "memory"];

    private IScoreHistoryStore Open(string kind) => kind == "sqlite" ? new SqliteScoreHistoryStore(Path.Combine(_directory, "history.db")) : new InMemoryScoreHistoryStore();

    private static ScoreCard Card(int hour) => new("contoso", Day.AddHours(hour), null, null, null);

    private static SecurityEvent Drop(string metric, int hour, double current) => SecurityEvent.MetricScoreDrop(Day.AddHours(hour), metric, "Metric " + metric, 80, current, MetricWeight.High);

    private static SecurityEventChange Change(SecurityEventTransition transition, SecurityEvent e, SecurityEvent? previous = null) => new(transition, e, previous, Day, Day.AddDays(1));

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task RecordAsync_RaisedThenUpdatedThenWithdrawn_KeepsEachDaysFinalState(string kind)
    {
        var store = Open(kind);
        try
        {
            var raised = Drop("m", 8, 70);
            var other = Drop("n", 8, 60);
            await store.RecordAsync(Card(8), [Change(SecurityEventTransition.Raised, raised), Change(SecurityEventTransition.Raised, other)]);
            await store.RecordAsync(Card(9), []);
            var deeper = Drop("m", 10, 50);
            await store.RecordAsync(Card(10), [Change(SecurityEventTransition.Updated, deeper, raised)]);

            var afterUpdate = await store.GetEventsAsync("contoso", Day, Day.AddDays(1));
            afterUpdate.Select(e => (e.SubjectId, e.Drop)).Should().BeEquivalentTo([("m", (double?)30), ("n", (double?)20)], "the update replaced the day's event of m in place");
            (await store.GetCardsAsync("contoso", Day, Day.AddDays(1))).Should().HaveCount(3);

            await store.RecordAsync(Card(15), [Change(SecurityEventTransition.Withdrawn, deeper)]);

            (await store.GetEventsAsync("contoso", Day, Day.AddDays(1))).Select(e => e.SubjectId).Should().Equal("n");
            (await store.GetEventsAsync("contoso", Day.AddDays(-1), Day)).Should().BeEmpty();
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task RecordAsync_ChangeOfOneDay_LeavesOtherDaysAndTenantsAlone(string kind)
    {
        var store = Open(kind);
        try
        {
            var yesterday = SecurityEvent.MetricScoreDrop(Day.AddHours(-2), "m", "Metric m", 80, 70, MetricWeight.High);
            await store.AppendAsync(new ScoreCard("contoso", Day.AddHours(-2), null, null, null), [yesterday]);
            await store.AppendAsync(new ScoreCard("fabrikam", Day.AddHours(8), null, null, null), [Drop("m", 8, 70)]);

            await store.RecordAsync(Card(9), [Change(SecurityEventTransition.Raised, Drop("m", 9, 60))]);
            await store.RecordAsync(Card(10), [Change(SecurityEventTransition.Withdrawn, Drop("m", 9, 60))]);

            (await store.GetEventsAsync("contoso", Day.AddDays(-1), Day.AddDays(1))).Should().ContainSingle().Which.Date.Should().Be(Day.AddHours(-2));
            (await store.GetEventsAsync("fabrikam", Day, Day.AddDays(1))).Should().ContainSingle();
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }
}
