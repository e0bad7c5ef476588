using System.Text;
using System.Text.Json.Nodes;
using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;
using ExposureSdk.Tests.Scoring;
using static ExposureSdk.Tests.Events.CardBuilders;

namespace ExposureSdk.Tests.History;

public sealed class ScoreHistoryFormatTests
{
    /// <summary>History written by format version 1, committed once and never regenerated: a later change to the stored form must keep reading it.</summary>
    private static readonly string Version1Asset = Path.Combine(TestPaths.RepositoryRoot, "tests", "ExposureSdk.Tests", "History", "TestData", "score-history-v1.json");

    private const string LegacyCard = """{"tenantId":"t","asOf":"2026-11-20T00:00:00+00:00","secureScore":40,"metrics":[{"id":"m","name":"M","weight":"High","numericWeight":3,"score":55.5,"affected":4,"scope":9,"availability":"Available","staleReason":null,"recommendationIds":["r"],"initiativeIds":[],"topAffectedAssetIds":["a"]}],"initiatives":[]}""";

    private const string LegacyEvent = """{"kind":"MetricScoreDrop","date":"2026-11-20T06:00:00+00:00","subjectId":"m","subjectName":"M","previousScore":90,"currentScore":70,"drop":20,"weight":"High","initiativeEffects":[],"causes":{"newlyAffectedAssetIds":["b"],"affectedDelta":2,"scopeDelta":0,"assetsAddedToScope":0,"recommendationsAdded":[],"recommendationsRemoved":[],"metricsAdded":[],"metricsRemoved":[],"weightChanges":[],"metricScoreChanges":[]}}""";

    [Fact]
    public void ReadHistory_CommittedVersion1Asset_ReadsEveryCardAndEvent()
    {
        var history = ScoreHistoryFormat.ReadHistory(File.ReadAllBytes(Version1Asset));

        history.Cards.Should().HaveCount(2);
        var yesterday = history.Cards[0];
        yesterday.TenantId.Should().Be("contoso");
        yesterday.AsOf.Should().Be(new DateTimeOffset(2026, 11, 19, 6, 0, 0, TimeSpan.Zero));
        yesterday.Origin.Should().Be(ScoreCardOrigin.SourceHistory);
        yesterday.SecureScore.Should().Be(62.5);
        yesterday.FindMetric("m-firewall")!.Availability.Should().Be(ScoreAvailability.Stale);
        yesterday.FindMetric("m-firewall")!.StaleReason.Should().Be("provider 'fabrikam' failed: 503");
        yesterday.FindMetric("m-empty")!.Score.Should().BeNull();
        yesterday.FindInitiative("identity")!.TargetScore.Should().Be(90);
        var today = history.Cards[1];
        today.Origin.Should().Be(ScoreCardOrigin.Refresh);
        today.FindMetric("m-admins-mfa")!.TopAffectedAssetIds.Should().Equal("admin-02", "admin-07", "admin-09");
        today.FindInitiative("identity")!.Metrics.Select(m => (m.MetricId, m.Weight)).Should().Equal(("m-admins-mfa", MetricWeight.High), ("m-legacy-auth", MetricWeight.Low));

        history.Events.Select(e => (e.Kind, e.SubjectId)).Should().Equal(
            (SecurityEventKind.MetricScoreDrop, "m-admins-mfa"),
            (SecurityEventKind.InitiativeScoreDrop, "identity"),
            (SecurityEventKind.NewInitiative, "endpoint"));
        var metricDrop = history.Events[0];
        metricDrop.Drop.Should().Be(20);
        metricDrop.Weight.Should().Be(MetricWeight.High);
        metricDrop.InitiativeEffects.Should().ContainSingle().Which.Effect.Should().Be(15);
        metricDrop.MetricCauses!.NewlyAffectedAssetIds.Should().Equal("admin-02", "admin-09");
        metricDrop.MetricCauses.RecommendationsAdded.Should().Equal("mfa-break-glass");
        var initiativeDrop = history.Events[1];
        initiativeDrop.InitiativeCauses!.WeightChanges.Should().ContainSingle().Which.Current.Should().Be(MetricWeight.Low);
        initiativeDrop.InitiativeCauses.MetricScoreChanges.Should().ContainSingle().Which.CurrentScore.Should().Be(70);
        history.Events[2].CurrentScore.Should().Be(40);
        history.Events[2].MetricCauses.Should().BeNull();
        history.Events[2].InitiativeCauses.Should().BeNull();
    }

    [Fact]
    public void WriteHistory_CommittedVersion1Asset_WritesItBackUnchanged()
    {
        // A renamed or re-typed stored field changes what is written: bump the format version and keep
        // reading this asset, instead of changing the stored form of version 1.
        var asset = File.ReadAllBytes(Version1Asset);

        var written = ScoreHistoryFormat.WriteHistory(ScoreHistoryFormat.ReadHistory(asset));

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(asset)).Should().BeTrue(Encoding.UTF8.GetString(written));
    }

    [Fact]
    public async Task ReadHistory_CommittedVersion1Asset_InTheInMemoryStore_GivesTheBaselineAndTheSameEvents()
    {
        var history = ScoreHistoryFormat.ReadHistory(File.ReadAllBytes(Version1Asset));
        var store = new InMemoryScoreHistoryStore();
        foreach (var card in history.Cards)
        {
            await store.AppendAsync(card, [.. history.Events.Where(e => e.Date == card.AsOf)]);
        }

        var today = (await store.GetLatestCardAsync("contoso"))!;
        var earlier = await store.GetCardsAsync("contoso", DateTimeOffset.MinValue, today.AsOf);
        var baseline = ScoreDropDetector.SelectBaseline(earlier, today.AsOf);
        var detected = ScoreDropDetector.Detect(baseline, today);
        var stored = await store.GetEventsAsync("contoso", today.AsOf, today.AsOf.AddTicks(1));

        baseline.Should().BeSameAs(history.Cards[0]);
        detected.Select(ScoreHistoryFormat.WriteEvent).Should().BeEquivalentTo(stored.Select(ScoreHistoryFormat.WriteEvent), o => o.WithStrictOrdering());
    }

    [Fact]
    public void WriteCard_ReadCard_RoundTripsEveryField()
    {
        var snapshot = RandomSnapshots.Create(new Random(42), maxAssets: 20);
        var card = ScoreCard.FromReport(ExposureScorer.Score(snapshot)).WithStaleMetrics(snapshot.Metrics.Take(1).Select(m => m.Id), "source failed");

        var json = ScoreHistoryFormat.WriteCard(card);
        var back = ScoreHistoryFormat.ReadCard(json);

        ScoreHistoryFormat.WriteCard(back).Should().Equal(json);
        Encoding.UTF8.GetString(json).Should().StartWith("""{"formatVersion":1,"tenantId":""");
        back.Metrics.Should().HaveCount(card.Metrics.Count);
        back.Initiatives.Should().HaveCount(card.Initiatives.Count);
    }

    [Fact]
    public void WriteEvent_ReadEvent_RoundTripsEveryField()
    {
        var previous = Card(Today.AddDays(-1), [M("m", 90, top: ["a"])], [I("i", 90, ("m", MetricWeight.High))]);
        var current = Card(Today, [M("m", 50, top: ["a", "b"])], [I("i", 50, ("m", MetricWeight.High))]);

        foreach (var e in ScoreDropDetector.Detect(previous, current))
        {
            var json = ScoreHistoryFormat.WriteEvent(e);
            ScoreHistoryFormat.WriteEvent(ScoreHistoryFormat.ReadEvent(json)).Should().Equal(json);
            Encoding.UTF8.GetString(json).Should().StartWith("""{"formatVersion":1,"kind":""");
        }
    }

    [Fact]
    public void ReadCard_StoredBeforeFormatVersions_ReadsAsVersion1WithOriginRefresh()
    {
        var card = ScoreHistoryFormat.ReadCard(Encoding.UTF8.GetBytes(LegacyCard));

        card.Origin.Should().Be(ScoreCardOrigin.Refresh);
        card.FindMetric("m")!.Score.Should().Be(55.5);
        card.FindMetric("m")!.TopAffectedAssetIds.Should().Equal("a");
    }

    [Fact]
    public void ReadEvent_StoredBeforeFormatVersions_ReadsAsVersion1()
    {
        var e = ScoreHistoryFormat.ReadEvent(Encoding.UTF8.GetBytes(LegacyEvent));

        e.Kind.Should().Be(SecurityEventKind.MetricScoreDrop);
        e.MetricCauses!.NewlyAffectedAssetIds.Should().Equal("b");
    }

    [Fact]
    public void Read_NewerFormatVersion_ThrowsNamingBothVersions()
    {
        var card = Encoding.UTF8.GetBytes("""{"formatVersion":2,"tenant":{"id":"t"},"renamedEverything":true}""");
        var e = Encoding.UTF8.GetBytes("""{"kind":"MetricScoreDrop","formatVersion":9}""");
        var history = Encoding.UTF8.GetBytes("""{"formatVersion":3,"cards":[]}""");

        FluentActions.Invoking(() => ScoreHistoryFormat.ReadCard(card)).Should().Throw<InvalidDataException>().WithMessage("*score card*version 2*up to 1*");
        FluentActions.Invoking(() => ScoreHistoryFormat.ReadEvent(e)).Should().Throw<InvalidDataException>().WithMessage("*security event*version 9*up to 1*");
        FluentActions.Invoking(() => ScoreHistoryFormat.ReadHistory(history)).Should().Throw<InvalidDataException>().WithMessage("*history document*version 3*up to 1*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("""{"formatVersion":"1","tenantId":"t","asOf":"2026-11-20T00:00:00+00:00"}""")]
    [InlineData("""{"formatVersion":0,"tenantId":"t","asOf":"2026-11-20T00:00:00+00:00"}""")]
    [InlineData("""{"formatVersion":1.5,"tenantId":"t","asOf":"2026-11-20T00:00:00+00:00"}""")]
    [InlineData("""{"formatVersion":1,"asOf":"2026-11-20T00:00:00+00:00"}""")]
    [InlineData("""{"formatVersion":1,"tenantId":" ","asOf":"2026-11-20T00:00:00+00:00"}""")]
    [InlineData("""{"formatVersion":1,"tenantId":"t","asOf":"yesterday"}""")]
    [InlineData("""{"formatVersion":1,"tenantId":"t","asOf":"2026-11-20T00:00:00+00:00","secureScore":150}""")]
    [InlineData("""{"formatVersion":1,"tenantId":"t","asOf":"2026-11-20T00:00:00+00:00","origin":"Guessed"}""")]
    [InlineData("""{"formatVersion":1,"tenantId":"t","asOf":"2026-11-20T00:00:00+00:00","metrics":[null]}""")]
    [InlineData("""{"formatVersion":1,"tenantId":"t","asOf":"2026-11-20T00:00:00+00:00","metrics":[{"id":"m","name":"M","weight":"High","numericWeight":3,"affected":11,"scope":10,"availability":"Available"}]}""")]
    public void ReadCard_MalformedInput_ThrowsInvalidDataException(string json)
    {
        var act = () => ScoreHistoryFormat.ReadCard(Encoding.UTF8.GetBytes(json));

        act.Should().Throw<InvalidDataException>().WithMessage("*score card*");
    }

    [Fact]
    public void ReadCard_DeeplyNestedInput_ThrowsInvalidDataException()
    {
        var json = """{"formatVersion":1,"tenantId":"t","asOf":"2026-11-20T00:00:00+00:00","extra":""" + new string('[', 100_000) + new string(']', 100_000) + "}";

        var act = () => ScoreHistoryFormat.ReadCard(Encoding.UTF8.GetBytes(json));

        act.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void ReadHistory_InvalidEvent_NamesItsPosition()
    {
        var json = """{"formatVersion":1,"cards":[],"events":[""" + LegacyEvent + "," + LegacyEvent.Replace("\"subjectName\":\"M\"", "\"subjectName\":\"\"", StringComparison.Ordinal) + "]}";

        var act = () => ScoreHistoryFormat.ReadHistory(Encoding.UTF8.GetBytes(json));

        act.Should().Throw<InvalidDataException>().WithMessage("*events[1]*");
    }

    [Fact]
    public void ReadHistory_WithoutFormatVersion_Throws()
    {
        var act = () => ScoreHistoryFormat.ReadHistory("""{"cards":[],"events":[]}"""u8);

        act.Should().Throw<InvalidDataException>().WithMessage("*no format version*");
    }

    [Fact]
    public void ScoreHistoryDocument_NullItem_Throws()
    {
        var act = () => new ScoreHistoryDocument([null!], []);

        act.Should().Throw<ArgumentNullException>().WithMessage("*cards[0]*");
    }
}
