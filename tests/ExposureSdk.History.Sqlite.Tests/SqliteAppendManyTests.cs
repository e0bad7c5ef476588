using ExposureSdk.History.Sqlite.CrashWriter;
using ExposureSdk.ScoreCards;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.History.Sqlite.Tests;

public sealed class SqliteAppendManyTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-many-" + Guid.NewGuid().ToString("N"));

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
    public async Task AppendManyAsync_StoresEveryEntryOfEveryTenant_InTimeOrder()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        var entries = new[] { 2, 0, 1 }.Select(d => new ScoreHistoryEntry(CrashCards.RebuiltCard(1, d), [])).Append(new ScoreHistoryEntry(CrashCards.RebuiltCard(2, 0), [])).ToArray();

        await store.AppendManyAsync(entries);

        var first = await store.GetCardsAsync(CrashCards.RebuildTenant(1), DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        first.Select(c => c.AsOf).Should().Equal(CrashCards.Start, CrashCards.Start.AddDays(1), CrashCards.Start.AddDays(2));
        first.Should().OnlyContain(c => c.Origin == ScoreCardOrigin.SourceHistory);
        (await store.GetCardsAsync(CrashCards.RebuildTenant(2), DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().ContainSingle();
    }

    [Fact]
    public async Task AppendManyAsync_NullEntry_OrCancelled_StoresNothing()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        var good = new ScoreHistoryEntry(CrashCards.RebuiltCard(1, 0), []);

        var withNull = () => store.AppendManyAsync([good, null!]);
        await withNull.Should().ThrowAsync<ArgumentNullException>().WithMessage("*entries[1] is null*");
        var nullList = () => store.AppendManyAsync(null!);
        await nullList.Should().ThrowAsync<ArgumentNullException>();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var cancelledWrite = () => store.AppendManyAsync([good], cancelled.Token);
        await cancelledWrite.Should().ThrowAsync<OperationCanceledException>();

        (await store.GetLatestCardAsync(CrashCards.RebuildTenant(1))).Should().BeNull();
        await store.AppendManyAsync([]);
        (await store.CheckIntegrityAsync()).Should().BeTrue();
    }
}
