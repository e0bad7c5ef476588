using ExposureSdk.Events;
using ExposureSdk.History.Sqlite.CrashWriter;
using ExposureSdk.ScoreCards;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.History.Sqlite.Tests;

public sealed class SqliteScoreHistoryStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-sqlite-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_directory, "history.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task AppendAsync_CardAndEvents_RoundTripThroughJson()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        var card = CrashCards.Card(7);
        var drop = SecurityEvent.MetricScoreDrop(card.AsOf, "metric-001", "Metric 1", 90, 80, MetricWeight.High);

        await store.AppendAsync(card, [drop]);

        var read = (await store.GetLatestCardAsync(CrashCards.Tenant))!;
        read.AsOf.Should().Be(card.AsOf);
        read.SecureScore.Should().Be(card.SecureScore);
        read.Metrics.Should().HaveCount(CrashCards.MetricCount);
        read.Metrics[5].Score.Should().Be(card.Metrics[5].Score);
        read.Metrics[5].TopAffectedAssetIds.Should().Equal(card.Metrics[5].TopAffectedAssetIds);
        read.Initiatives.Single().TargetScore.Should().Be(80);
        var events = await store.GetEventsAsync(CrashCards.Tenant, card.AsOf, card.AsOf.AddTicks(1));
        events.Should().ContainSingle().Which.Drop.Should().Be(10);
        (await store.CheckIntegrityAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task AppendAsync_CardSeededFromSourceHistory_KeepsItsOrigin()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        var seeded = new ScoreCard(CrashCards.Tenant, new DateTimeOffset(2026, 11, 19, 2, 0, 0, TimeSpan.Zero), 61.5, [], [], ScoreCardOrigin.SourceHistory);

        await store.AppendAsync(seeded, []);
        await store.AppendAsync(CrashCards.Card(1), []);

        var read = await store.GetCardsAsync(CrashCards.Tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        read.Select(c => c.Origin).Should().Contain([ScoreCardOrigin.SourceHistory, ScoreCardOrigin.Refresh]);
        read.Single(c => c.Origin == ScoreCardOrigin.SourceHistory).SecureScore.Should().Be(61.5);
    }

    [Fact]
    public async Task GetCardsAsync_Range_IsHalfOpenOldestFirstAndPerTenant()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        foreach (var n in new[] { 3, 1, 2, 0 })
        {
            await store.AppendAsync(CrashCards.Card(n), []);
        }

        var cards = await store.GetCardsAsync(CrashCards.Tenant, CrashCards.AsOf(1), CrashCards.AsOf(3));

        cards.Select(c => c.AsOf).Should().Equal(CrashCards.AsOf(1), CrashCards.AsOf(2));
        (await store.GetCardsAsync("other-tenant", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().BeEmpty();
        (await store.GetLatestCardAsync(CrashCards.Tenant))!.AsOf.Should().Be(CrashCards.AsOf(3));
        (await store.GetLatestCardAsync("other-tenant")).Should().BeNull();
    }

    [Fact]
    public async Task GetEventsAsync_ByKind_FiltersKind()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        var card = CrashCards.Card(0);
        var drop = SecurityEvent.MetricScoreDrop(card.AsOf, "metric-001", "Metric 1", 90, 80, MetricWeight.High);
        var appeared = SecurityEvent.NewInitiative(card.AsOf, "initiative-a", "Initiative A", 50);
        await store.AppendAsync(card, [drop, appeared]);

        var news = await store.GetEventsAsync(CrashCards.Tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, SecurityEventKind.NewInitiative);

        news.Should().ContainSingle().Which.SubjectId.Should().Be("initiative-a");
        (await store.GetEventsAsync(CrashCards.Tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().HaveCount(2);
    }

    [Fact]
    public async Task PurgeAsync_OlderThanCutoff_RemovesCardsAndEvents()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        for (var n = 0; n < 5; n++)
        {
            var card = CrashCards.Card(n);
            await store.AppendAsync(card, [SecurityEvent.NewInitiative(card.AsOf, "i", "I", 10)]);
        }

        var removed = await store.PurgeAsync(CrashCards.Tenant, CrashCards.AsOf(3));

        removed.Should().Be(6);
        (await store.GetCardsAsync(CrashCards.Tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Select(c => c.AsOf).Should().Equal(CrashCards.AsOf(3), CrashCards.AsOf(4));
        (await store.GetEventsAsync(CrashCards.Tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Reopen_AfterDispose_SeesEveryCard()
    {
        using (var store = new SqliteScoreHistoryStore(DatabasePath))
        {
            await store.AppendAsync(CrashCards.Card(0), []);
            await store.AppendAsync(CrashCards.Card(1), []);
        }

        using var reopened = new SqliteScoreHistoryStore(DatabasePath);
        (await reopened.GetCardsAsync(CrashCards.Tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().HaveCount(2);
    }

    [Fact]
    public async Task ConcurrentReadersAndWriters_NeverSeeHalfAWrite()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        using var other = new SqliteScoreHistoryStore(DatabasePath); // a second instance, like a second process
        const int Writes = 20;
        var writer1 = Task.Run(async () =>
        {
            for (var n = 0; n < Writes; n += 2)
            {
                await store.AppendAsync(CrashCards.Card(n), []);
            }
        });
        var writer2 = Task.Run(async () =>
        {
            for (var n = 1; n < Writes; n += 2)
            {
                await other.AppendAsync(CrashCards.Card(n), []);
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var seen = 0;
            for (var i = 0; i < 60 && seen < Writes; i++)
            {
                var cards = await store.GetCardsAsync(CrashCards.Tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
                cards.Where(c => c.Metrics.Count == CrashCards.MetricCount && c.SecureScore == CrashCards.SecureScore((int)(c.AsOf - CrashCards.Start).TotalMinutes))
                    .Should().HaveCount(cards.Count, "every card read is complete");
                cards.Count.Should().BeGreaterThanOrEqualTo(seen, "a write once seen never disappears");
                seen = cards.Count;
            }
        })).ToArray();

        await Task.WhenAll([writer1, writer2, .. readers]);

        (await store.GetCardsAsync(CrashCards.Tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Select(c => c.AsOf)
            .Should().Equal(Enumerable.Range(0, Writes).Select(CrashCards.AsOf));
        (await store.CheckIntegrityAsync()).Should().BeTrue();
    }

    [Fact]
    public void Constructor_EmptyPath_Throws()
    {
        var act = () => new SqliteScoreHistoryStore(" ");

        act.Should().Throw<ArgumentException>();
    }
}
