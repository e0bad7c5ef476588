using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Providers;
using ExposureSdk.ScoreCards;
using ExposureSdk.Tests.Support;

namespace ExposureSdk.Tests.Pipeline;

/// <summary>
/// Rules §4, rebuilt history is all or nothing: the first refresh writes every card it rebuilds from a
/// source's own history in one <see cref="IScoreHistoryStore.AppendManyAsync"/>; when that write fails
/// (a crash, a full disk) nothing of the rebuild is stored, and the next refresh rebuilds it again.
/// </summary>
public sealed class HistoryRebuildAtomicityTests
{
    private static readonly DateTimeOffset Today = PipelineFixture.Day1;

    private readonly FakeTimeProvider _clock = new(Today);
    private readonly ScriptedProvider _graph = new("graph");
    private readonly ScriptedProvider _cloud = new("cloud");
    private readonly RecordingStore _history = new();

    public HistoryRebuildAtomicityTests()
    {
        _graph.Set([Mfa(affected: 5)]);
        _cloud.Set(
            [SampleData.Recommendation("storage", Impact.Medium, SecurityDomain.Cloud, "Defender for Cloud", "Microsoft Defender for Cloud")],
            SampleData.Results("storage", 10, 0, "account"));
        _graph.History.AddRange([Day(-3, 2), Day(-2, 3), Day(-1, 2)]);
    }

    [Fact]
    public async Task RebuiltHistory_IsWrittenInOneAppendMany()
    {
        var result = await Pipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        result.SeededCards.Should().HaveCount(3);
        _history.AppendManyCalls.Should().Equal([3], "the three rebuilt days go to the store in one write");
        _history.AppendCalls.Should().Be(1, "only today's card is appended on its own");
    }

    [Fact]
    public async Task RebuiltHistory_WriteFails_NothingOfItIsStored_AndTheNextRefreshRebuildsIt()
    {
        _history.FailNextAppendMany = true;

        var first = await Pipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        first.IsHistoryWritten.Should().BeFalse("the failed rebuild is reported, never thrown");
        first.HistoryError.Should().Contain("could not store the days rebuilt from the sources' history").And.Contain("IOException");
        first.SeededCards.Should().BeEmpty();
        (await _history.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Should().BeEmpty("the failed rebuild left no trace");

        _clock.Advance(TimeSpan.FromHours(1));
        var second = await Pipeline().RefreshAsync().WaitAsync(TestBounds.Wait);

        second.SeededCards.Select(c => c.AsOf.UtcDateTime.Date).Should().Equal(
            [Today.UtcDateTime.Date.AddDays(-3), Today.UtcDateTime.Date.AddDays(-2), Today.UtcDateTime.Date.AddDays(-1)]);
        var stored = await _history.GetCardsAsync("contoso", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        stored.Select(c => c.Origin).Should().Equal(ScoreCardOrigin.SourceHistory, ScoreCardOrigin.SourceHistory, ScoreCardOrigin.SourceHistory, ScoreCardOrigin.Refresh);
        second.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "m-identity", "80 → 50 since the rebuilt yesterday");
    }

    [Fact]
    public async Task InMemoryStore_AppendMany_IsAllOrNothingOnBadInput_AndKeepsOrder()
    {
        var store = new InMemoryScoreHistoryStore();
        var good = new ScoreHistoryEntry(new ScoreCard("t", Today, 50, [], []), []);

        var nullEntry = () => store.AppendManyAsync([good, null!]);
        await nullEntry.Should().ThrowAsync<ArgumentNullException>().WithMessage("*entries[1] is null*");
        (await store.GetLatestCardAsync("t")).Should().BeNull("nothing is stored when any entry is bad");

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var cancelledWrite = () => store.AppendManyAsync([good], cancelled.Token);
        await cancelledWrite.Should().ThrowAsync<OperationCanceledException>();
        (await store.GetLatestCardAsync("t")).Should().BeNull();

        var later = new ScoreHistoryEntry(new ScoreCard("t", Today.AddDays(1), 60, [], []), []);
        var other = new ScoreHistoryEntry(new ScoreCard("u", Today, 70, [], []), []);
        await store.AppendManyAsync([later, good, other]);
        (await store.GetCardsAsync("t", DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Select(c => c.SecureScore).Should().Equal(50, 60);
        (await store.GetLatestCardAsync("u"))!.SecureScore.Should().Be(70);
        await store.AppendManyAsync([]);
    }

    [Fact]
    public void ScoreHistoryEntry_RejectsNullsAndCopiesTheEvents()
    {
        var card = new ScoreCard("t", Today, 50, [], []);
        var nullCard = () => new ScoreHistoryEntry(null!, []);
        var nullEvents = () => new ScoreHistoryEntry(card, null!);
        var nullEvent = () => new ScoreHistoryEntry(card, [null!]);

        nullCard.Should().Throw<ArgumentNullException>();
        nullEvents.Should().Throw<ArgumentNullException>();
        nullEvent.Should().Throw<ArgumentNullException>().WithMessage("*events[0] is null*");
        var events = new List<SecurityEvent>();
        var entry = new ScoreHistoryEntry(card, events);
        entry.Card.Should().BeSameAs(card);
        entry.Events.Should().BeEmpty();
    }

    private ExposureRefreshPipeline Pipeline() => new([_graph, _cloud], _history, PipelineFixture.Options(), timeProvider: _clock);

    private static SourceHistoryDay Day(int days, int affected)
        => new(new DateTimeOffset(Today.UtcDateTime.Date, TimeSpan.Zero).AddDays(days).AddHours(2), [Mfa(affected)]);

    private static Recommendation Mfa(int affected)
        => new("mfa", "Name of mfa", RecommendationSource.MicrosoftSecureScore, Workload.MicrosoftEntraId, SecurityDomain.Identity, Impact.High, maxPoints: 10, counts: new ResultCounts(affected, 10));

    /// <summary>An in-memory store that records its writes and can fail the next rebuild before it writes anything, like a crash.</summary>
    private sealed class RecordingStore : IScoreHistoryStore
    {
        private readonly InMemoryScoreHistoryStore _inner = new();

        public bool FailNextAppendMany { get; set; }

        public List<int> AppendManyCalls { get; } = [];

        public int AppendCalls { get; private set; }

        public Task AppendAsync(ScoreCard card, IReadOnlyList<SecurityEvent> events, CancellationToken cancellationToken = default)
        {
            AppendCalls++;
            return _inner.AppendAsync(card, events, cancellationToken);
        }

        public Task RecordAsync(ScoreCard card, IReadOnlyList<SecurityEventChange> changes, CancellationToken cancellationToken = default)
        {
            AppendCalls++;
            return _inner.RecordAsync(card, changes, cancellationToken);
        }

        public Task AppendManyAsync(IReadOnlyList<ScoreHistoryEntry> entries, CancellationToken cancellationToken = default)
        {
            AppendManyCalls.Add(entries.Count);
            if (FailNextAppendMany)
            {
                FailNextAppendMany = false;
                throw new IOException("The disk is full.");
            }

            return _inner.AppendManyAsync(entries, cancellationToken);
        }

        public Task<IReadOnlyList<ScoreCard>> GetCardsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default)
            => _inner.GetCardsAsync(tenantId, since, until, cancellationToken);

        public Task<ScoreCard?> GetLatestCardAsync(string tenantId, CancellationToken cancellationToken = default)
            => _inner.GetLatestCardAsync(tenantId, cancellationToken);

        public Task<IReadOnlyList<SecurityEvent>> GetEventsAsync(string tenantId, DateTimeOffset since, DateTimeOffset until, SecurityEventKind? kind = null, CancellationToken cancellationToken = default)
            => _inner.GetEventsAsync(tenantId, since, until, kind, cancellationToken);

        public Task<int> PurgeAsync(string tenantId, DateTimeOffset olderThan, CancellationToken cancellationToken = default)
            => _inner.PurgeAsync(tenantId, olderThan, cancellationToken);
    }
}
