using System.Diagnostics;
using ExposureSdk.Events;
using ExposureSdk.Pipeline;
using ExposureSdk.Providers;
using Microsoft.Data.Sqlite;

namespace ExposureSdk.History.Sqlite.Tests;

/// <summary>
/// Issue 17 §4, store faults, through the refresh pipeline and the real SQLite store: a full disk, a read-only
/// database, a corrupted database file and a database locked by another process. Each gives a clear error, the
/// refresh result says the history was not written (no exception), no partial card is left behind, and the next
/// refresh raises no false event (a real drop is raised once, by the first refresh that is recorded).
/// </summary>
/// <remarks>
/// A full disk and a read-only database are made by SQLite itself, on every connection of the store
/// (<c>PRAGMA max_page_count</c> at the current size: the next page the database needs is refused with
/// SQLITE_FULL, exactly as on a full disk; <c>PRAGMA query_only</c>: SQLITE_READONLY), so the test runs
/// without root, mounts or a small file system. The lock is held by another process (the CrashWriter helper,
/// <c>BEGIN IMMEDIATE</c>).
/// </remarks>
public sealed class StoreFaultTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "exposuresdk-storefault-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Day1);
    private readonly InMemoryExposureSourceProvider _source = new("graph", Content(unhealthy: 2));

    public StoreFaultTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "history.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DiskFull_RefreshSaysHistoryNotWritten_NoPartialCard_NextRefreshNoFalseEvent(bool realDrop)
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        var pipeline = Pipeline(store);
        await RefreshAtAsync(pipeline, Day1);
        var pages = await PageCountAsync();
        store.Database.ConnectionStatementsForTests = $"PRAGMA max_page_count = {pages};";

        await AssertFaultThenRecoveryAsync(
            pipeline,
            realDrop,
            "could not be written",
            "database or disk is full",
            clear: () => store.Database.ConnectionStatementsForTests = null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadOnlyDatabase_RefreshSaysHistoryNotWritten_NoPartialCard_NextRefreshNoFalseEvent(bool realDrop)
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        var pipeline = Pipeline(store);
        await RefreshAtAsync(pipeline, Day1);
        store.Database.ConnectionStatementsForTests = "PRAGMA query_only = ON;";

        await AssertFaultThenRecoveryAsync(
            pipeline,
            realDrop,
            "could not be written",
            "readonly database",
            clear: () => store.Database.ConnectionStatementsForTests = null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DatabaseLockedByAnotherProcess_RefreshSaysHistoryNotWritten_NoPartialCard_NextRefreshNoFalseEvent(bool realDrop)
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath, busyTimeout: TimeSpan.FromMilliseconds(300));
        var pipeline = Pipeline(store);
        await RefreshAtAsync(pipeline, Day1);
        using var holder = await HoldLockAsync();
        try
        {
            await AssertFaultThenRecoveryAsync(
                pipeline,
                realDrop,
                "could not be written",
                "database is locked",
                clear: () =>
                {
                    holder.StandardInput.WriteLine("release");
                    holder.WaitForExit((int)Bound.TotalMilliseconds).Should().BeTrue("the lock holder exits when told");
                });
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    [InlineData("header", "file is not a database")]
    [InlineData("pages", "malformed")]
    public async Task CorruptedDatabaseFile_RefreshSaysHistoryNotReadNorWritten_NoEventNoException(string corruption, string expectedError)
    {
        using (var before = new SqliteScoreHistoryStore(DatabasePath))
        {
            await RefreshAtAsync(Pipeline(before), Day1);
        }

        SqliteConnection.ClearAllPools();
        Corrupt(DatabasePath, corruption);
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        var pipeline = Pipeline(store);
        _source.Replace(Content(unhealthy: 9)); // would be a drop of 70 points against a readable yesterday

        var first = await RefreshAtAsync(pipeline, Day2.AddHours(2));
        var second = await RefreshAtAsync(pipeline, Day2.AddHours(3));

        foreach (var result in new[] { first, second })
        {
            result.IsHistoryWritten.Should().BeFalse();
            result.HistoryError.Should().Contain("SqliteScoreHistoryStore").And.Contain("could not be read").And.Contain(expectedError);
            result.Baseline.Should().BeNull("a history that cannot be read gives no baseline");
            result.Events.Should().BeEmpty("nothing is compared with a card that cannot be read");
            result.EventChanges.Should().BeEmpty();
            result.Card.FindMetric("m-0")!.Score.Should().BeApproximately(10, 1e-9, "the sources are still scored and shown");
        }
    }

    [Fact]
    public async Task ReadOnlyDatabaseOpenedByANewProcess_IsStillRead_OnlyTheWriteIsRefused()
    {
        using (var before = new SqliteScoreHistoryStore(DatabasePath))
        {
            await RefreshAtAsync(Pipeline(before), Day1);
        }

        SqliteConnection.ClearAllPools();
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        store.Database.ConnectionStatementsForTests = "PRAGMA query_only = ON;";
        _source.Replace(Content(unhealthy: 5));

        var result = await RefreshAtAsync(Pipeline(store), Day2);

        result.Baseline!.AsOf.Should().Be(Day1, "a read-only history can still be read");
        result.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-0");
        result.IsHistoryWritten.Should().BeFalse();
        result.HistoryError.Should().Contain("could not be written").And.Contain("readonly database");
        (await store.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Select(c => c.AsOf).Should().Equal(Day1);
    }

    [Fact]
    public async Task HistoryNotWritten_TheResultIsStillTheLatestAndTheProvidersAreReported()
    {
        using var store = new SqliteScoreHistoryStore(DatabasePath);
        var pipeline = Pipeline(store);
        await RefreshAtAsync(pipeline, Day1);
        store.Database.ConnectionStatementsForTests = "PRAGMA query_only = ON;";

        var failed = await RefreshAtAsync(pipeline, Day2);

        failed.IsHistoryWritten.Should().BeFalse();
        failed.FindOutcome("graph")!.Kind.Should().Be(ProviderOutcomeKind.Succeeded);
        pipeline.LastResult.Should().BeSameAs(failed, "the result is still the latest one, for the queries");
    }

    private async Task AssertFaultThenRecoveryAsync(ExposureRefreshPipeline pipeline, bool realDrop, string expectedWhat, string expectedError, Action clear)
    {
        if (realDrop)
        {
            _source.Replace(Content(unhealthy: 5)); // m-0: 80 → 50, a real drop
        }

        var faulted = await RefreshAtAsync(pipeline, Day2.AddHours(2));

        faulted.IsHistoryWritten.Should().BeFalse();
        faulted.HistoryError.Should().Contain("SqliteScoreHistoryStore").And.Contain(expectedWhat).And.Contain(expectedError);
        faulted.EventChanges.Should().BeEmpty("no transition is made when the history was not written");
        faulted.Baseline!.AsOf.Should().Be(Day1, "reading still worked");
        faulted.Events.Any(e => e.Kind == SecurityEventKind.MetricScoreDrop).Should().Be(realDrop, "the comparison itself is right");

        clear();
        SqliteConnection.ClearAllPools();
        using (var reader = new SqliteScoreHistoryStore(DatabasePath))
        {
            (await reader.CheckIntegrityAsync()).Should().BeTrue("the database is sound after the fault");
            (await reader.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Select(c => c.AsOf)
                .Should().Equal([Day1], "no partial card of the failed refresh is left behind");
            (await reader.GetEventsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().BeEmpty();
        }

        var recovered = await RefreshAtAsync(pipeline, Day2.AddHours(3));
        var again = await RefreshAtAsync(pipeline, Day2.AddHours(4));

        recovered.IsHistoryWritten.Should().BeTrue();
        recovered.HistoryError.Should().BeNull();
        recovered.Baseline!.AsOf.Should().Be(Day1, "the next refresh compares with the last card that was stored");
        again.IsHistoryWritten.Should().BeTrue();
        again.EventChanges.Should().BeEmpty("each transition is made once");
        if (realDrop)
        {
            recovered.EventChanges.Should().ContainSingle(c => c.Event.Kind == SecurityEventKind.MetricScoreDrop && c.Event.SubjectId == "m-0")
                .Which.Transition.Should().Be(SecurityEventTransition.Raised, "the drop is raised once, by the first refresh that is recorded");
        }
        else
        {
            recovered.Events.Should().BeEmpty("nothing dropped: the fault raised no false event");
            recovered.EventChanges.Should().BeEmpty();
        }

        var stored = await pipeline.History.GetEventsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        stored.Count(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-0").Should().Be(realDrop ? 1 : 0);
        (await pipeline.History.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Select(c => c.AsOf)
            .Should().Equal(Day1, Day2.AddHours(3), Day2.AddHours(4));
    }

    /// <summary>One recommendation over 10 users; 40 metrics over it with long names, so a card takes several pages (a full disk is hit).</summary>
    private static ExposureSnapshot Content(int unhealthy)
    {
        var assessments = Enumerable.Range(0, 10)
            .Select(i => new Assessment("mfa", $"user-{i:D3}", i < unhealthy ? AssessmentStatus.Unhealthy : AssessmentStatus.Healthy))
            .ToArray();
        var metrics = Enumerable.Range(0, 40)
            .Select(i => new Metric($"m-{i}", $"Metric {i} " + new string('x', 400), MetricWeight.High, ["mfa"]))
            .ToArray();
        return new ExposureSnapshot(
            "contoso",
            Day1,
            [new Recommendation("mfa", "Require MFA", RecommendationSource.MicrosoftSecureScore, Workload.MicrosoftEntraId, SecurityDomain.Identity, Impact.High, maxPoints: 10)],
            [],
            assessments,
            metrics,
            [new Initiative("identity", "Identity", InitiativeKind.Workload, metrics.Select(m => m.Id))]);
    }

    private ExposureRefreshPipeline Pipeline(IScoreHistoryStore store)
        => new([_source], store, new ExposureRefreshPipelineOptions { TenantId = "contoso", SeedHistoryFromSources = false }, timeProvider: _clock);

    private async Task<RefreshResult> RefreshAtAsync(ExposureRefreshPipeline pipeline, DateTimeOffset at)
    {
        _clock.SetUtcNow(at);
        return await pipeline.RefreshAsync().WaitAsync(Bound);
    }

    private async Task<long> PageCountAsync()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static void Corrupt(string path, string how)
    {
        foreach (var sidecar in new[] { path + "-wal", path + "-shm" })
        {
            File.Delete(sidecar);
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Length.Should().BeGreaterThan(4096 * 2, "the database holds pages beyond its header");
        var garbage = new byte[how == "header" ? 100 : (int)file.Length - 4096];
        new Random(17).NextBytes(garbage);
        file.Position = how == "header" ? 0 : 4096;
        file.Write(garbage);
    }

    private async Task<Process> HoldLockAsync()
    {
        var helper = Path.Combine(AppContext.BaseDirectory, "ExposureSdk.History.Sqlite.CrashWriter.dll");
        File.Exists(helper).Should().BeTrue($"the helper must be built next to the tests ({helper})");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(helper);
        start.ArgumentList.Add("hold-lock");
        start.ArgumentList.Add(DatabasePath);
        var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(Bound);
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            line.Should().Be("LOCKED", $"the helper takes the lock; stderr: {(process.HasExited ? await process.StandardError.ReadToEndAsync() : string.Empty)}");
            return process;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }
}
