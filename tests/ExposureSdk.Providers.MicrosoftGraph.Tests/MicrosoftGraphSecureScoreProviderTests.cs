namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

public sealed partial class MicrosoftGraphSecureScoreProviderTests
{
    private const string Profiles = "security/secureScoreControlProfiles";
    private const string Scores = "security/secureScores";
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(2); // a hang guard, generous for a loaded machine

    private static MicrosoftGraphSecureScoreProvider Provider(LoopbackGraphServer server, Action<MicrosoftGraphProviderOptions>? configure = null, TimeProvider? time = null, string? adapterBaseUrl = null)
    {
        var options = new MicrosoftGraphProviderOptions { BaseUrl = server.BaseUrl, RetryBaseDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        return new MicrosoftGraphSecureScoreProvider(GraphTestAdapters.UserAdapter(adapterBaseUrl), options, time);
    }

    private static async Task<List<Recommendation>> ReadAll(MicrosoftGraphSecureScoreProvider provider, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TestTimeout);
        var list = new List<Recommendation>();
        await foreach (var r in provider.GetRecommendationsAsync(timeout.Token))
        {
            list.Add(r);
        }

        return list;
    }

    /// <summary>One daily Secure Score without control scores: Secure Score is active, so the controls are shown.</summary>
    private const string ActiveScores = """{"value":[{"createdDateTime":"2026-11-20T03:00:00Z","currentScore":0,"maxScore":5,"controlScores":[]}]}""";

    private static string Page(string valueJson, string? nextLink = null)
        => nextLink is null ? $$"""{"value":[{{valueJson}}]}""" : $$"""{"@odata.context":"ctx","@odata.nextLink":"{{nextLink}}","value":[{{valueJson}}]}""";

    private static string ProfileJson(string id, double maxScore = 5, string category = "Identity", string service = "AzureAD")
        => $$"""{"id":"{{id}}","title":"Control {{id}}","controlCategory":"{{category}}","service":"{{service}}","maxScore":{{maxScore}},"userImpact":"Low","deprecated":false}""";

    [Fact]
    public async Task GetRecommendationsAsync_V1Fixtures_MapsTheDlpControlFieldByField()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes(
            (Profiles, GraphTestAdapters.Fixture("secureScoreControlProfiles.v1.example.json")),
            (Scores, GraphTestAdapters.Fixture("secureScores.v1.example.json"))));
        using var provider = Provider(server);

        var recommendations = await ReadAll(provider);

        recommendations.Should().ContainSingle();
        var dlp = recommendations[0];
        dlp.Id.Value.Should().Be("DLPEnabled");
        dlp.Name.Should().Be("Apply Data Loss Prevention policies");
        dlp.Source.Should().Be(RecommendationSource.MicrosoftSecureScore);
        dlp.Workload.Should().Be(Workload.PurviewInformationProtection, "service IP is Information Protection");
        dlp.Domain.Should().Be(SecurityDomain.Data);
        dlp.Impact.Should().Be(Impact.Medium, "userImpact Moderate maps to Medium");
        dlp.MaxPoints.Should().Be(20, "Graph's own maxScore, never rescaled (rules §3)");
        dlp.RemediationSteps.Should().Equal("You can create and manage data loss prevention policies in the Policies page of the compliance portal.");
        dlp.ManageUrl.Should().Be(new Uri("https://compliance.microsoft.com/#/policies"));
        dlp.Threats.Should().Equal("dataExfiltration", "dataSpillage");
        dlp.Tags.Should().Equal(
            "tier:Advanced", "actionType:Config", "implementationCost:Moderate", "service:IP", "rank:55", "secureScoreMaxScore:20",
            "compliance:ISO 27001:2013", "compliance:ISO 27001:2013/A.8.2.1");
        dlp.Counts.Should().Be(new ResultCounts(0, 1), "score 20 of maxScore 20 is fully scored and there is no count/total");
        dlp.State.Should().BeNull("Default state: derived from the result");
        dlp.IsRiskAccepted.Should().BeFalse();
        dlp.LastCalculated.Should().Be(new DateTimeOffset(2019, 3, 19, 15, 21, 0, TimeSpan.Zero));
        dlp.LastStateChange.Should().Be(DateTimeOffset.Parse("2019-03-19T22:37:14.628799Z", System.Globalization.CultureInfo.InvariantCulture));
        dlp.Description.Should().StartWith("Data Loss Prevention (DLP) policies can be used to comply with business standards and industry regulations.")
            .And.Contain("Remediation impact: This change will have a moderate impact on your users.");

        server.Requests.Select(r => r.Target).Should().BeEquivalentTo(["/v1.0/security/secureScoreControlProfiles", "/v1.0/security/secureScores?$top=1"]);
    }

    [Fact]
    public async Task GetRecommendationsAsync_BetaFixtures_LeavesDeprecatedControlOutAndToleratesPlaceholders()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes(
            (Profiles, GraphTestAdapters.Fixture("secureScoreControlProfiles.beta.example.json")),
            (Scores, GraphTestAdapters.Fixture("secureScores.beta.example.json"))));
        using var provider = Provider(server);

        (await ReadAll(provider)).Should().BeEmpty("the only beta profile is deprecated");
        (await provider.GetSecureScoreHistoryAsync()).Should().BeEmpty("the beta createdDateTime is a placeholder, not a date");
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_V1Fixture_ReturnsTheDayWithPercentage()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Scores, GraphTestAdapters.Fixture("secureScores.v1.example.json"))));
        using var provider = Provider(server);

        var history = await provider.GetSecureScoreHistoryAsync();

        history.Should().ContainSingle();
        history[0].Date.Should().Be(new DateOnly(2019, 3, 19));
        history[0].CurrentScore.Should().Be(387);
        history[0].MaxScore.Should().Be(697);
        history[0].Percentage.Should().BeApproximately(100.0 * 387 / 697, 1e-12);
        server.Requests.Single().Target.Should().Be("/v1.0/security/secureScores?$top=90");
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_SeveralPagesMissingAndRepeatedDays_OneEntryPerDayOldestFirst()
    {
        LoopbackGraphServer? self = null;
        await using var server = new LoopbackGraphServer((request, _) =>
        {
            var body = request.Target.Contains("skiptoken=2", StringComparison.Ordinal)
                ? Page("""{"createdDateTime":"2026-11-17T10:00:00Z","currentScore":"40","maxScore":"100"}""")
                : Page(
                    """
                    {"createdDateTime":"2026-11-20T10:00:00Z","currentScore":60,"maxScore":100},
                    {"createdDateTime":"2026-11-20T18:00:00Z","currentScore":62,"maxScore":100},
                    {"createdDateTime":"2026-11-19T10:00:00Z","currentScore":50,"maxScore":0}
                    """,
                    self!.Url("security/secureScores?$top=90&$skiptoken=2"));
            return Task.FromResult(LoopbackResponse.Json(body));
        });
        self = server;
        using var provider = Provider(server);

        var history = await provider.GetSecureScoreHistoryAsync();

        history.Select(h => h.Date).Should().Equal(new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20));
        history[0].Percentage.Should().Be(40, "numbers as strings are read");
        history[1].Percentage.Should().BeNull("max score 0 gives no percentage, never 0");
        history[2].CurrentScore.Should().Be(62, "the newest record of a day counts");
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task GetRecommendationsAsync_ProfilesOverThreePages_ReadsEveryPage()
    {
        LoopbackGraphServer? self = null;
        await using var server = new LoopbackGraphServer((request, _) =>
        {
            if (request.Path.EndsWith(Scores, StringComparison.Ordinal))
            {
                return Task.FromResult(LoopbackResponse.Json(ActiveScores));
            }

            var body = request.Target.Contains("page=3", StringComparison.Ordinal) ? Page(ProfileJson("C"))
                : request.Target.Contains("page=2", StringComparison.Ordinal) ? Page(ProfileJson("B"), self!.Url(Profiles + "?page=3"))
                : Page(ProfileJson("A"), self!.Url(Profiles + "?page=2"));
            return Task.FromResult(LoopbackResponse.Json(body));
        });
        self = server;
        using var provider = Provider(server);

        var recommendations = await ReadAll(provider);

        recommendations.Select(r => r.Id.Value).Should().Equal("A", "B", "C");
        recommendations.Should().OnlyContain(r => r.Counts == null && r.MaxPoints == 5, "no scores today, and no control exceeds 10 points");
        server.Count(Profiles).Should().Be(3);
    }

    [Fact]
    public async Task GetRecommendationsAsync_ThrottledWithRetryAfterZero_RetriesOnceAndSucceeds()
    {
        var profileCalls = 0;
        await using var server = new LoopbackGraphServer((request, _) =>
        {
            if (request.Path.EndsWith(Profiles, StringComparison.Ordinal) && Interlocked.Increment(ref profileCalls) == 1)
            {
                return Task.FromResult(LoopbackResponse.Error(429, "TooManyRequests", null, ("Retry-After", "0")));
            }

            return Task.FromResult(LoopbackResponse.Json(request.Path.EndsWith(Scores, StringComparison.Ordinal) ? ActiveScores : Page(ProfileJson("A"))));
        });
        using var provider = Provider(server);

        (await ReadAll(provider)).Should().ContainSingle();
        server.Count(Profiles).Should().Be(2);
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_503WithoutRetryAfter_WaitsTheBackoffOnTheInjectedClock()
    {
        var calls = 0;
        await using var server = new LoopbackGraphServer((_, _) => Task.FromResult(
            Interlocked.Increment(ref calls) == 1
                ? LoopbackResponse.Error(503, "ServiceUnavailable")
                : LoopbackResponse.Json(Page("""{"createdDateTime":"2026-11-20T10:00:00Z","currentScore":1,"maxScore":2}"""))));
        var time = new TimerRecordingTimeProvider(new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero));
        using var provider = Provider(server, o => o.RetryBaseDelay = TimeSpan.FromSeconds(3), time);

        var timer = time.NextTimerCreated; // taken before the read starts: a fast 429 creates the delay timer at once
        var read = provider.GetSecureScoreHistoryAsync();
        (await Task.WhenAny(timer, read).WaitAsync(TestTimeout)).Should().BeSameAs(timer, "the provider waits before retrying");
        var due = await timer;
        due.Should().Be(TimeSpan.FromSeconds(3), "the first backoff is the base delay");
        read.IsCompleted.Should().BeFalse("the provider waits on the fake clock");
        time.Advance(TimeSpan.FromSeconds(3));

        (await read.WaitAsync(TestTimeout)).Should().ContainSingle();
        calls.Should().Be(2);
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_RetryAfterAsHttpDate_WaitsUntilThatDate()
    {
        var now = new DateTimeOffset(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);
        var calls = 0;
        await using var server = new LoopbackGraphServer((_, _) => Task.FromResult(
            Interlocked.Increment(ref calls) == 1
                ? LoopbackResponse.Error(429, "TooManyRequests", null, ("Retry-After", now.AddSeconds(7).ToString("r", System.Globalization.CultureInfo.InvariantCulture)))
                : LoopbackResponse.Json("""{"value":[]}""")));
        var time = new TimerRecordingTimeProvider(now);
        using var provider = Provider(server, o => (o.RetryBaseDelay, o.MaxRetryDelay) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), time);

        var timer = time.NextTimerCreated; // taken before the read starts: a fast 429 creates the delay timer at once
        var read = provider.GetSecureScoreHistoryAsync();
        (await Task.WhenAny(timer, read).WaitAsync(TestTimeout)).Should().BeSameAs(timer, "the provider waits before retrying");
        (await timer).Should().Be(TimeSpan.FromSeconds(7));
        time.Advance(TimeSpan.FromSeconds(7));

        (await read.WaitAsync(TestTimeout)).Should().BeEmpty();
    }

    [Fact]
    public async Task GetRecommendationsAsync_Permanent500_FailsOnceWithStatusCodeAndRequestId()
    {
        await using var server = new LoopbackGraphServer((request, _) => Task.FromResult(
            request.Path.EndsWith(Profiles, StringComparison.Ordinal)
                ? LoopbackResponse.Error(500, "InternalServerError", "inner-500", ("request-id", "req-500"))
                : LoopbackResponse.Json("""{"value":[]}""")));
        using var provider = Provider(server);

        var act = () => ReadAll(provider);

        var failure = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        failure.ProviderName.Should().Be("MicrosoftGraph");
        failure.StatusCode.Should().Be(500);
        failure.ErrorCode.Should().Be("InternalServerError");
        failure.RequestId.Should().Be("req-500", "the request-id header wins over the body");
        server.Count(Profiles).Should().Be(1, "HTTP 500 is not retried");
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_Permanent503_RetriesExactlyMaxRetriesDespiteKiotasRetryHandler()
    {
        await using var server = new LoopbackGraphServer((_, _) => Task.FromResult(
            LoopbackResponse.Error(503, "ServiceUnavailable", "from-body", ("Retry-After", "0"))));
        using var provider = Provider(server, o => o.MaxRetries = 2);

        var act = () => provider.GetSecureScoreHistoryAsync();

        var failure = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        failure.StatusCode.Should().Be(503);
        failure.ErrorCode.Should().Be("ServiceUnavailable");
        failure.RequestId.Should().Be("from-body", "without a request-id header the body's innerError is used");
        failure.Message.Should().Contain("after 2 retries");
        server.Requests.Should().HaveCount(3, "one attempt plus two retries: Kiota's own RetryHandler is switched off per request");
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_RetryAfterLongerThanMaxRetryDelay_FailsWithoutWaiting()
    {
        await using var server = new LoopbackGraphServer((_, _) => Task.FromResult(LoopbackResponse.Error(429, "TooManyRequests", null, ("Retry-After", "3600"))));
        using var provider = Provider(server);

        var act = () => provider.GetSecureScoreHistoryAsync();

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.StatusCode.Should().Be(429);
        server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task GetRecommendationsAsync_MalformedJson_FailsWithExposureSourceException()
    {
        await using var server = new LoopbackGraphServer((request, _) => Task.FromResult(
            request.Path.EndsWith(Profiles, StringComparison.Ordinal)
                ? LoopbackResponse.Json("""{"value":[{"id":"A", """, ("request-id", "req-bad-json"))
                : LoopbackResponse.Json("""{"value":[]}""")));
        using var provider = Provider(server);

        var act = () => ReadAll(provider);

        var failure = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        failure.Message.Should().Contain("not valid JSON");
        failure.RequestId.Should().Be("req-bad-json");
        server.Count(Profiles).Should().Be(1, "a malformed body is not retried");
    }

    [Fact]
    public async Task GetRecommendationsAsync_NextLinkToForeignHost_FailsWithoutContactingIt()
    {
        LoopbackGraphServer? self = null;
        await using var server = new LoopbackGraphServer((request, _) => Task.FromResult(LoopbackResponse.Json(
            request.Path.EndsWith(Scores, StringComparison.Ordinal)
                ? """{"value":[]}"""
                : Page(ProfileJson("A"), $"http://localhost:{self!.Port}/v1.0/{Profiles}?page=2"))));
        self = server;
        var tokenRequests = new List<Uri>();
        using var provider = MicrosoftGraphSecureScoreProvider.Create(
            server.BaseUrl,
            _ => ValueTask.FromResult("secret-token"),
            new MicrosoftGraphProviderOptions { RetryBaseDelay = TimeSpan.Zero });

        var act = () => ReadAll(provider);

        var failure = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        failure.Message.Should().Contain("localhost");
        failure.Field.Should().Be("@odata.nextLink");
        server.Requests.Should().OnlyContain(r => r.Header("Host")!.StartsWith("127.0.0.1", StringComparison.Ordinal));
        server.Requests.Should().OnlyContain(r => r.Header("Authorization") == "Bearer secret-token");
        server.Count(Profiles).Should().Be(1);
    }

    [Fact]
    public async Task GetRecommendationsAsync_NextLinkLoop_FailsAfterReadingEachPageOnce()
    {
        LoopbackGraphServer? self = null;
        await using var server = new LoopbackGraphServer((request, _) => Task.FromResult(LoopbackResponse.Json(
            request.Path.EndsWith(Scores, StringComparison.Ordinal) ? """{"value":[]}"""
            : request.Target.Contains("page=2", StringComparison.Ordinal) ? Page(ProfileJson("B"), self!.Url(Profiles))
            : Page(ProfileJson("A"), self!.Url(Profiles + "?page=2")))));
        self = server;
        using var provider = Provider(server);

        var act = () => ReadAll(provider);

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Message.Should().Contain("looped");
        server.Count(Profiles).Should().Be(2);
    }

    [Fact]
    public async Task GetRecommendationsAsync_MorePagesThanTheCap_FailsInsteadOfTruncating()
    {
        LoopbackGraphServer? self = null;
        var page = 0;
        await using var server = new LoopbackGraphServer((request, _) => Task.FromResult(LoopbackResponse.Json(
            request.Path.EndsWith(Scores, StringComparison.Ordinal) ? """{"value":[]}"""
            : Page(ProfileJson("P" + Interlocked.Increment(ref page)), self!.Url(Profiles + "?page=" + (page + 1))))));
        self = server;
        using var provider = Provider(server, o => o.MaxPages = 3);

        var act = () => ReadAll(provider);

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Message.Should().Contain("page cap (3 pages)");
        server.Count(Profiles).Should().Be(3);
    }

    [Fact]
    public async Task GetRecommendationsAsync_CancelledWhileASecondPageIsPending_ThrowsOperationCanceled()
    {
        LoopbackGraphServer? self = null;
        var secondPageRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new LoopbackGraphServer(async (request, stop) =>
        {
            if (request.Path.EndsWith(Scores, StringComparison.Ordinal))
            {
                return LoopbackResponse.Json("""{"value":[]}""");
            }

            if (request.Target.Contains("page=2", StringComparison.Ordinal))
            {
                secondPageRequested.TrySetResult();
                await Task.Delay(Timeout.Infinite, stop);
            }

            return LoopbackResponse.Json(Page(ProfileJson("A"), self!.Url(Profiles + "?page=2")));
        });
        self = server;
        using var provider = Provider(server);
        using var cancel = new CancellationTokenSource();

        var read = ReadAll(provider, cancel.Token);
        await secondPageRequested.Task.WaitAsync(TestTimeout);
        await cancel.CancelAsync();

        await read.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task GetRecommendationsAsync_ProfilesButNoDailyScore_SecureScoreInactiveSoNothingIsShown()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Profiles, Page(ProfileJson("A"))), (Scores, """{"value":[]}""")));
        using var provider = Provider(server);

        (await ReadAll(provider)).Should().BeEmpty("a recommendation whose source is inactive is not shown (domain rules §2)");
        server.Count(Profiles).Should().Be(1);
    }

    [Fact]
    public async Task GetRecommendationsAsync_EmptyTenant_YieldsNothing()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Profiles, """{"value":[]}"""), (Scores, """{"@odata.context":"x","value":[]}""")));
        using var provider = Provider(server);

        (await ReadAll(provider)).Should().BeEmpty();
        (await provider.GetSecureScoreHistoryAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_ManyConcurrentReads_NeverExceedMaxConcurrency()
    {
        await using var server = new LoopbackGraphServer(async (_, stop) =>
        {
            await Task.Delay(25, stop);
            return LoopbackResponse.Json("""{"value":[]}""");
        });
        using var provider = Provider(server, o => o.MaxConcurrency = 2);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetSecureScoreHistoryAsync())).WaitAsync(TestTimeout);

        server.Requests.Should().HaveCount(8);
        server.MaxInFlight.Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task GetRecommendationsAsync_AdapterWithAnotherBaseUrl_StillSendsToTheConfiguredBaseUrl()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Profiles, """{"value":[]}"""), (Scores, """{"value":[]}""")));
        using var provider = Provider(server, adapterBaseUrl: "https://graph.microsoft.com/v1.0");

        (await ReadAll(provider)).Should().BeEmpty();
        server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Create_BearerToken_IsSentToTheGraphHostOnly()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Scores, GraphTestAdapters.Fixture("secureScores.v1.example.json"))));
        var asked = 0;
        using var provider = MicrosoftGraphSecureScoreProvider.Create(server.BaseUrl, _ =>
        {
            Interlocked.Increment(ref asked);
            return ValueTask.FromResult("token-123");
        });

        (await provider.GetSecureScoreHistoryAsync()).Should().ContainSingle();
        server.Requests.Single().Header("Authorization").Should().Be("Bearer token-123");
        asked.Should().Be(1);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/v1.0/security/secureScoreControlProfiles")]
    [InlineData("https://graph.microsoft.us/v1.0/", "https://graph.microsoft.us/v1.0/security/secureScoreControlProfiles")]
    [InlineData("https://dod-graph.microsoft.us/v1.0", "https://dod-graph.microsoft.us/v1.0/security/secureScoreControlProfiles")]
    [InlineData("https://microsoftgraph.chinacloudapi.cn/beta", "https://microsoftgraph.chinacloudapi.cn/beta/security/secureScoreControlProfiles")]
    public void ProfilesUrl_NationalCloud_UsesThatHost(string baseUrl, string expected)
    {
        using var adapter = GraphTestAdapters.UserAdapter();
        using var provider = new MicrosoftGraphSecureScoreProvider(adapter, new MicrosoftGraphProviderOptions { BaseUrl = new Uri(baseUrl) });

        provider.ProfilesUrl().AbsoluteUri.Should().Be(expected);
        provider.ScoresUrl(90).AbsoluteUri.Should().Be(expected.Replace("secureScoreControlProfiles", "secureScores?%24top=90", StringComparison.Ordinal));
    }

    [Fact]
    public void MicrosoftGraphCloud_All_ListsTheFourNationalClouds()
        => MicrosoftGraphCloud.All.Select(u => u.Host).Should().Equal("graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "microsoftgraph.chinacloudapi.cn");

    [Theory]
    [InlineData(nameof(MicrosoftGraphProviderOptions.HistoryDays), 91)]
    [InlineData(nameof(MicrosoftGraphProviderOptions.HistoryDays), 0)]
    [InlineData(nameof(MicrosoftGraphProviderOptions.MaxConcurrency), 5)]
    [InlineData(nameof(MicrosoftGraphProviderOptions.MaxPages), 0)]
    [InlineData(nameof(MicrosoftGraphProviderOptions.MaxRetries), 11)]
    [InlineData(nameof(MicrosoftGraphProviderOptions.MaxRequestsPerMinute), 0)]
    [InlineData(nameof(MicrosoftGraphProviderOptions.MaxRequestsPerMinute), 151)]
    public void Constructor_OptionOutOfRange_ThrowsNamingIt(string option, int value)
    {
        var options = new MicrosoftGraphProviderOptions();
        typeof(MicrosoftGraphProviderOptions).GetProperty(option)!.SetValue(options, value);
        using var adapter = GraphTestAdapters.UserAdapter();

        var act = () => new MicrosoftGraphSecureScoreProvider(adapter, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage($"Invalid MicrosoftGraphProviderOptions: *The field MicrosoftGraphProviderOptions.{option} must be between*");
    }

    [Theory]
    [InlineData(-1, 10, "RetryBaseDelay must not be negative")]
    [InlineData(10, 5, "MaxRetryDelay must be at least RetryBaseDelay")]
    public void Constructor_RetryDelaysInconsistent_ThrowsNamingThem(int baseSeconds, int maxSeconds, string message)
    {
        var options = new MicrosoftGraphProviderOptions { RetryBaseDelay = TimeSpan.FromSeconds(baseSeconds), MaxRetryDelay = TimeSpan.FromSeconds(maxSeconds) };
        using var adapter = GraphTestAdapters.UserAdapter();

        var act = () => new MicrosoftGraphSecureScoreProvider(adapter, options);

        act.Should().Throw<ArgumentException>().WithParameterName("options").WithMessage("*" + message + "*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a host/")]
    public void Constructor_AllowedHostNotAHostName_ThrowsNamingIt(string host)
    {
        var options = new MicrosoftGraphProviderOptions { AllowedHosts = { host } };
        using var adapter = GraphTestAdapters.UserAdapter();

        var act = () => new MicrosoftGraphSecureScoreProvider(adapter, options);

        act.Should().Throw<ArgumentException>().WithMessage($"*AllowedHosts contains '{host}'*");
    }

    [Fact]
    public void Constructor_SeveralInvalidOptions_NamesEachAtOnce()
    {
        var options = new MicrosoftGraphProviderOptions { HistoryDays = 0, MaxConcurrency = 9, BaseUrl = new Uri("ftp://graph.example/") };
        using var adapter = GraphTestAdapters.UserAdapter();

        var act = () => new MicrosoftGraphSecureScoreProvider(adapter, options);

        act.Should().Throw<ArgumentException>().WithMessage("*HistoryDays*").WithMessage("*MaxConcurrency*").WithMessage("*BaseUrl*");
    }

    [Theory]
    [InlineData("http://graph.microsoft.com/v1.0")]
    [InlineData("https://graph.microsoft.com/v1.0?x=1")]
    public void Constructor_BaseUrlNotHttps_Throws(string baseUrl)
    {
        using var adapter = GraphTestAdapters.UserAdapter();

        var act = () => new MicrosoftGraphSecureScoreProvider(adapter, new MicrosoftGraphProviderOptions { BaseUrl = new Uri(baseUrl) });

        act.Should().Throw<ArgumentException>().WithMessage("*BaseUrl*");
    }

    [Fact]
    public void Constructor_NullAdapter_Throws()
    {
        var act = () => new MicrosoftGraphSecureScoreProvider(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task HostPinnedAccessTokenProvider_ForeignHost_GetsNoToken()
    {
        var settings = Transport.GraphSettings.From(new MicrosoftGraphProviderOptions());
        var asked = 0;
        var tokens = Transport.HostPinnedAccessTokenProvider.FromDelegate(_ => { asked++; return ValueTask.FromResult("t"); }, settings.AllowedHosts, settings.IsAllowed);

        (await tokens.GetAuthorizationTokenAsync(new Uri("https://evil.example/v1.0/security/secureScores"))).Should().BeEmpty();
        (await tokens.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com:8443/v1.0/security/secureScores"))).Should().BeEmpty("another port is another origin");
        (await tokens.GetAuthorizationTokenAsync(new Uri("https://graph.microsoft.com/v1.0/security/secureScores"))).Should().Be("t");
        asked.Should().Be(1);
    }
}
