using ExposureSdk.Catalog;
using ExposureSdk.Events;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.ScoreCards;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>Secure Score history as <see cref="SourceHistoryDay"/>s, and the pipeline seeding its history from it.</summary>
public sealed class SecureScoreHistoryTests
{
    private const string Profiles = "security/secureScoreControlProfiles";
    private const string Scores = "security/secureScores";

    /// <summary>MFA (Identity, 10 points) was set to Ignored on 2026-11-18 at noon; DLP (Data, 5 points) has no state update.</summary>
    private const string ProfilesJson = """
        {"value":[
          {"id":"MFA","title":"Require MFA","controlCategory":"Identity","service":"AzureAD","maxScore":"10","userImpact":"Low","deprecated":false,"threats":["Account Breach"],
           "controlStateUpdates":[{"state":"Default","updatedDateTime":"2026-01-01T00:00:00Z"},{"state":"Ignored","updatedDateTime":"2026-11-18T12:00:00Z"}]},
          {"id":"DLP","title":"Apply DLP","controlCategory":"Data","service":"IP","maxScore":5,"userImpact":"Moderate","deprecated":false,"threats":["Data Exfiltration"]},
          {"id":"OLD","title":"Deprecated","controlCategory":"Data","service":"IP","maxScore":5,"deprecated":true}
        ]}
        """;

    /// <summary>Newest first, as Graph returns it: 11-20, 11-19 (twice), a record without a date, 11-17 (no 11-18).</summary>
    private const string ScoresJson = """
        {"value":[
          {"createdDateTime":"2026-11-20T03:00:00Z","currentScore":7,"maxScore":15,"controlScores":[{"controlName":"MFA","score":5,"count":"5","total":"10"},{"controlName":"DLP","score":2.5,"count":"1","total":"2"}]},
          {"createdDateTime":"2026-11-19T15:00:00Z","currentScore":15,"maxScore":15,"controlScores":[{"controlName":"MFA","score":10,"count":"10","total":"10"},{"controlName":"DLP","score":5,"count":"2","total":"2"}]},
          {"createdDateTime":"2026-11-19T03:00:00Z","currentScore":1,"maxScore":15,"controlScores":[{"controlName":"MFA","score":1,"count":"1","total":"10"},{"controlName":"DLP","score":0,"count":"0","total":"2"}]},
          {"createdDateTime":"not a date","currentScore":3,"maxScore":15,"controlScores":[]},
          {"createdDateTime":"2026-11-17T03:00:00Z","currentScore":13,"maxScore":15,"controlScores":[{"controlName":"MFA","score":8,"count":"8","total":"10"},{"controlName":"DLP","score":5,"count":"2","total":"2"}]}
        ]}
        """;

    [Fact]
    public async Task GetHistoryAsync_V1Fixtures_OneDayMappedExactlyLikeToday()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes(
            (Profiles, GraphTestAdapters.Fixture("secureScoreControlProfiles.v1.example.json")),
            (Scores, GraphTestAdapters.Fixture("secureScores.v1.example.json"))));
        using var provider = Provider(server);

        var days = await ReadHistory(provider);
        var today = await provider.GetRecommendationsAsync().ToListAsync();

        var day = days.Should().ContainSingle().Subject;
        day.AsOf.Should().Be(new DateTimeOffset(2019, 3, 19, 15, 21, 0, TimeSpan.Zero));
        var dlp = day.Recommendations.Should().ContainSingle().Subject;
        dlp.Should().BeEquivalentTo(today.Single(), o => o.Excluding(r => r.LastStateChange), "a day is mapped with the same rules as today");
        dlp.LastStateChange.Should().BeNull("the only state update (19 March 22:37) came after that day's score (15:21), so it was not in force yet");
        today.Single().LastStateChange.Should().NotBeNull();
        dlp.Counts.Should().Be(new ResultCounts(0, 1));
        server.Requests.Select(r => r.Target).Should().Contain("/v1.0/security/secureScores?$top=90");
    }

    [Fact]
    public async Task GetHistoryAsync_SeveralDays_OneDayPerUtcDateWithThatDaysScoresAndStateInForce()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Profiles, ProfilesJson), (Scores, ScoresJson)));
        using var provider = Provider(server);

        var days = await ReadHistory(provider);

        days.Select(d => d.AsOf.UtcDateTime).Should().Equal(
            new DateTime(2026, 11, 17, 3, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 19, 15, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc));
        days.Should().OnlyContain(d => d.Recommendations.Select(r => r.Id.Value).SequenceEqual(new[] { "MFA", "DLP" }), "the deprecated control is left out every day");
        Mfa(days[0]).Counts.Should().Be(new ResultCounts(2, 10), "count 8 of total 10 on 11-17");
        Mfa(days[1]).Counts.Should().Be(new ResultCounts(0, 10), "the newest record of 11-19 counts");
        Mfa(days[0]).IsRiskAccepted.Should().BeFalse("the Ignored update of 11-18 was not yet in force on 11-17");
        Mfa(days[1]).IsRiskAccepted.Should().BeTrue("it was in force on 11-19");
        days[2].Recommendations.Single(r => r.Id.Value == "DLP").Counts.Should().Be(new ResultCounts(1, 2));
    }

    [Fact]
    public async Task GetHistoryAsync_HistoryDaysOption_KeepsTheNewestDays()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Profiles, ProfilesJson), (Scores, ScoresJson)));
        using var provider = Provider(server, o => o.HistoryDays = 2);

        var days = await ReadHistory(provider);

        days.Select(d => d.AsOf.Day).Should().Equal(19, 20);
        server.Requests.Select(r => r.Target).Should().Contain("/v1.0/security/secureScores?$top=2");
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_NonFiniteOrNegativePoints_SkipsThoseDaysInsteadOfFailing()
    {
        const string Hostile = """
            {"value":[
              {"createdDateTime":"2026-11-20T03:00:00Z","currentScore":"NaN","maxScore":"100"},
              {"createdDateTime":"2026-11-19T03:00:00Z","currentScore":"Infinity","maxScore":"100"},
              {"createdDateTime":"2026-11-18T03:00:00Z","currentScore":-5,"maxScore":100},
              {"createdDateTime":"2026-11-17T03:00:00Z","currentScore":"40","maxScore":"1e400"},
              {"createdDateTime":"2026-11-16T03:00:00Z","currentScore":"40","maxScore":"80"}
            ]}
            """;
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Profiles, ProfilesJson), (Scores, Hostile)));
        using var provider = Provider(server);

        var history = await provider.GetSecureScoreHistoryAsync().WaitAsync(TimeSpan.FromMinutes(2));

        history.Should().ContainSingle().Which.Percentage.Should().Be(50);
    }

    [Fact]
    public async Task GetHistoryAsync_ScoresFailPermanently_ThrowsTheSourceExceptionWithStatusAndRequestId()
    {
        await using var server = new LoopbackGraphServer((request, _) => Task.FromResult(request.Path.EndsWith(Scores, StringComparison.Ordinal)
            ? LoopbackResponse.Error(500, "InternalServerError", "req-42")
            : LoopbackResponse.Json(ProfilesJson)));
        using var provider = Provider(server);

        var act = () => ReadHistory(provider);

        var ex = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        ex.ProviderName.Should().Be(MicrosoftGraphSecureScoreProvider.ProviderName);
        ex.StatusCode.Should().Be(500);
        ex.RequestId.Should().Be("req-42");
    }

    [Fact]
    public async Task Pipeline_FirstRefreshOfANewTenant_SeedsGraphHistoryAndRaisesEventsAgainstYesterday()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Profiles, ProfilesJson), (Scores, ScoresJson)));
        using var provider = Provider(server);
        var history = new InMemoryScoreHistoryStore();
        var options = new ExposureManagementOptions { TenantId = "contoso" };
        options.AddCatalog(ExposureCatalog.BuiltIn);

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero));
        var pipeline = new ExposureRefreshPipeline([provider], history, options, timeProvider: clock);

        var result = await pipeline.RefreshAsync().WaitAsync(TimeSpan.FromMinutes(2));

        result.SeededCards.Select(c => c.AsOf.Day).Should().Equal([17, 19], "11-20 is the refresh's own day");
        result.SeededCards.Should().OnlyContain(c => c.Origin == ScoreCardOrigin.SourceHistory && c.SecureScore != null);
        result.Baseline.Should().BeSameAs(result.SeededCards[^1]);
        result.Card.FindMetric("data-protection")!.Score.Should().BeApproximately(50, 1e-9, "DLP: 1 of 2 affected today");
        result.SeededCards[^1].FindMetric("data-protection")!.Score.Should().Be(100);
        result.Events.Should().Contain(e => e.Kind == SecurityEventKind.MetricScoreDrop && e.SubjectId == "data-protection" && Math.Abs(e.Drop!.Value - 50) < 1e-9);
        result.Events.Should().NotContain(e => e.Kind == SecurityEventKind.NewInitiative, "yesterday's rebuilt card has every initiative");
        var trend = ScoreTrends.Trend(await history.GetCardsAsync("contoso", clock.GetUtcNow().AddDays(-30), clock.GetUtcNow().AddDays(1)), ScoreSubject.Metric("data-protection"), result.AsOf);
        trend.Points.Should().HaveCount(3, "trends work on the first run: two rebuilt days and today");
    }

    [Fact]
    public async Task Pipeline_HistoryReadFails_TodayIsStillScoredWithNoEventAndAWarning()
    {
        await using var server = new LoopbackGraphServer((request, _) => Task.FromResult(
            request.Target.Contains("$top=90", StringComparison.Ordinal) ? LoopbackResponse.Error(500, "InternalServerError", "req-7")
            : request.Path.EndsWith(Scores, StringComparison.Ordinal) ? LoopbackResponse.Json(ScoresJson)
            : LoopbackResponse.Json(ProfilesJson)));
        using var provider = Provider(server);
        var pipeline = new ExposureRefreshPipeline([provider], new InMemoryScoreHistoryStore(), new ExposureManagementOptions(), timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero)));

        var result = await pipeline.RefreshAsync().WaitAsync(TimeSpan.FromMinutes(2));

        result.IsComplete.Should().BeTrue();
        result.SeededCards.Should().BeEmpty();
        result.Events.Should().BeEmpty();
        result.Warnings.Should().ContainSingle(w => w.Contains("history could not be read", StringComparison.Ordinal) && w.Contains("500", StringComparison.Ordinal));
    }

    private static Recommendation Mfa(SourceHistoryDay day) => day.Recommendations.Single(r => r.Id.Value == "MFA");

    private static MicrosoftGraphSecureScoreProvider Provider(LoopbackGraphServer server, Action<MicrosoftGraphProviderOptions>? configure = null)
    {
        var options = new MicrosoftGraphProviderOptions { BaseUrl = server.BaseUrl, RetryBaseDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return new MicrosoftGraphSecureScoreProvider(GraphTestAdapters.UserAdapter(), options);
    }

    private static async Task<List<SourceHistoryDay>> ReadHistory(MicrosoftGraphSecureScoreProvider provider)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var days = new List<SourceHistoryDay>();
        await foreach (var day in provider.GetHistoryAsync(timeout.Token))
        {
            days.Add(day);
        }

        return days;
    }
}
