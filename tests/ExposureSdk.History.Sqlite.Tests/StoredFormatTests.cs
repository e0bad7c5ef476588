using System.Text;
using ExposureSdk.Events;
using ExposureSdk.ScoreCards;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.History.Sqlite.Tests;

/// <summary>The SQLite store reads history stored by format version 1 (a database committed once and never regenerated).</summary>
public sealed class StoredFormatTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-sqlite-format-" + Guid.NewGuid().ToString("N"));

    public StoredFormatTests()
    {
        Directory.CreateDirectory(_directory);
        File.Copy(Path.Combine(RepositoryRoot(), "tests", "ExposureSdk.History.Sqlite.Tests", "TestData", "score-history-v1.db"), DatabasePath);
    }

    private string DatabasePath => Path.Combine(_directory, "history.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task CommittedVersion1Database_ReadsEveryCardAndEvent()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);

        var cards = await store.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var events = await store.GetEventsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        cards.Select(c => c.Origin).Should().Equal(ScoreCardOrigin.SourceHistory, ScoreCardOrigin.Refresh);
        cards[0].FindMetric("m-firewall")!.StaleReason.Should().Be("provider 'fabrikam' failed: 503");
        cards[1].SecureScore.Should().Be(60);
        cards[1].FindInitiative("identity")!.Score.Should().Be(72.5);
        events.Select(e => (e.Kind, e.SubjectId)).Should().Equal(
            (SecurityEventKind.MetricScoreDrop, "m-admins-mfa"),
            (SecurityEventKind.InitiativeScoreDrop, "identity"),
            (SecurityEventKind.NewInitiative, "endpoint"));
        events[0].MetricCauses!.NewlyAffectedAssetIds.Should().Equal("admin-02", "admin-09");
        events[1].InitiativeCauses!.WeightChanges.Should().ContainSingle().Which.MetricId.Should().Be("m-legacy-auth");
    }

    [Fact]
    public async Task CommittedVersion1Database_HoldsWhatTheVersion1DocumentHolds()
    {
        var document = ScoreHistoryFormat.ReadHistory(File.ReadAllBytes(Path.Combine(RepositoryRoot(), "tests", "ExposureSdk.Tests", "History", "TestData", "score-history-v1.json")));
        using var store = new SqliteScoreHistoryStore(DatabasePath);

        var cards = await store.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        var events = await store.GetEventsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        cards.Select(ScoreHistoryFormat.WriteCard).Should().BeEquivalentTo(document.Cards.Select(ScoreHistoryFormat.WriteCard), o => o.WithStrictOrdering());
        events.Select(ScoreHistoryFormat.WriteEvent).Should().BeEquivalentTo(document.Events.Select(ScoreHistoryFormat.WriteEvent), o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task RowOfANewerFormatVersion_ThrowsNamingTheRowAndLeavesItUnchanged()
    {
        const string future = """{"formatVersion":2,"tenant":"contoso"}""";
        await ExecuteAsync($"UPDATE score_cards SET payload = $p WHERE seq = (SELECT MAX(seq) FROM score_cards)", future);
        using var store = new SqliteScoreHistoryStore(DatabasePath);

        var act = () => store.GetLatestCardAsync("contoso");

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage("History row score_cards#*format version 2*up to 1*");
        (await store.GetEventsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().HaveCount(3);
        (await ReadPayloadsAsync()).Should().Contain(future);
    }

    private async Task ExecuteAsync(string sql, string payload)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", Encoding.UTF8.GetBytes(payload));
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }

    private async Task<List<string>> ReadPayloadsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM score_cards";
        var payloads = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add(Encoding.UTF8.GetString((byte[])reader[0]));
        }

        return payloads;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ExposureSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ExposureSdk.sln was not found above " + AppContext.BaseDirectory);
    }
}
