namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>Graph's per-minute request limit (domain rules §5), driven on the fake clock.</summary>
public sealed partial class MicrosoftGraphSecureScoreProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    private static string ScoreJson(int day) => $$"""{"createdDateTime":"2026-11-{{day:00}}T10:00:00Z","currentScore":1,"maxScore":2}""";

    [Fact]
    public async Task GetSecureScoreHistoryAsync_ThreePagesAtTwoRequestsPerMinute_SendsTheThirdOnlyAfter60Seconds()
    {
        LoopbackGraphServer? self = null;
        await using var server = new LoopbackGraphServer((request, _) => Task.FromResult(LoopbackResponse.Json(
            request.Target.Contains("page=3", StringComparison.Ordinal) ? Page(ScoreJson(18))
            : request.Target.Contains("page=2", StringComparison.Ordinal) ? Page(ScoreJson(19), self!.Url(Scores + "?page=3"))
            : Page(ScoreJson(20), self!.Url(Scores + "?page=2")))));
        self = server;
        var time = new TimerRecordingTimeProvider(Start);
        using var provider = Provider(server, o => o.MaxRequestsPerMinute = 2, time);

        var timer = time.NextTimerCreated; // taken before the read starts
        var read = provider.GetSecureScoreHistoryAsync();
        (await Task.WhenAny(timer, read).WaitAsync(TestTimeout)).Should().BeSameAs(timer, "the third request waits for a slot");
        (await timer).Should().Be(TimeSpan.FromSeconds(60), "the first request leaves the window 60 s after it started");
        server.Requests.Should().HaveCount(2);

        time.Advance(TimeSpan.FromSeconds(59));
        read.IsCompleted.Should().BeFalse("59 s is not enough");
        server.Requests.Should().HaveCount(2);
        time.Advance(TimeSpan.FromSeconds(1));

        (await read.WaitAsync(TestTimeout)).Select(h => h.Date.Day).Should().Equal(18, 19, 20);
        server.Requests.Should().HaveCount(3);
        time.CreatedDueTimes.Should().Equal(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_SeparateReadsOfOneProvider_ShareOneSlidingWindow()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Scores, Page(ScoreJson(20)))));
        var time = new TimerRecordingTimeProvider(Start);
        using var provider = Provider(server, o => o.MaxRequestsPerMinute = 2, time);

        await provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout);   // t = 0 s
        time.Advance(TimeSpan.FromSeconds(30));
        await provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout);   // t = 30 s, second slot
        var timer = time.NextTimerCreated;
        var third = provider.GetSecureScoreHistoryAsync();
        (await Task.WhenAny(timer, third).WaitAsync(TestTimeout)).Should().BeSameAs(timer, "two requests started within the last minute");
        (await timer).Should().Be(TimeSpan.FromSeconds(30), "the window slides: the request of t = 0 leaves it at t = 60 s, not at a minute boundary");
        server.Requests.Should().HaveCount(2);
        time.Advance(TimeSpan.FromSeconds(30));

        (await third.WaitAsync(TestTimeout)).Should().ContainSingle();
        server.Requests.Should().HaveCount(3);
        time.CreatedDueTimes.Should().Equal(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_CancelledWhileWaitingForASlot_ThrowsSendsNothingAndTakesNoSlot()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Scores, Page(ScoreJson(20)))));
        var time = new TimerRecordingTimeProvider(Start);
        using var provider = Provider(server, o => o.MaxRequestsPerMinute = 1, time);
        await provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout);
        using var cancel = new CancellationTokenSource();

        var timer = time.NextTimerCreated;
        var waiting = provider.GetSecureScoreHistoryAsync(cancel.Token);
        (await timer.WaitAsync(TestTimeout)).Should().Be(TimeSpan.FromSeconds(60));
        await cancel.CancelAsync();

        await waiting.Invoking(w => w.WaitAsync(TestTimeout)).Should().ThrowAsync<OperationCanceledException>();
        server.Requests.Should().ContainSingle("the cancelled request was never sent");

        time.Advance(TimeSpan.FromSeconds(60));
        (await provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout)).Should().ContainSingle();
        server.Requests.Should().HaveCount(2);
        time.CreatedDueTimes.Should().ContainSingle("the cancelled wait took no slot, so the next read 60 s later does not wait");
    }

    [Fact]
    public async Task GetSecureScoreHistoryAsync_RetriesWithRetryAfter_CountAgainstTheLimitAndWaitForBoth()
    {
        var calls = 0;
        await using var server = new LoopbackGraphServer((_, _) => Task.FromResult(
            Interlocked.Increment(ref calls) <= 2
                ? LoopbackResponse.Error(429, "TooManyRequests", null, ("Retry-After", "5"))
                : LoopbackResponse.Json(Page(ScoreJson(20)))));
        var time = new TimerRecordingTimeProvider(Start);
        using var provider = Provider(server, o => (o.MaxRequestsPerMinute, o.MaxRetries, o.MaxRetryDelay) = (2, 4, TimeSpan.FromMinutes(2)), time);

        var firstRetry = time.NextTimerCreated;
        var read = provider.GetSecureScoreHistoryAsync();
        (await firstRetry.WaitAsync(TestTimeout)).Should().Be(TimeSpan.FromSeconds(5), "Retry-After: 5");
        var secondRetry = time.NextTimerCreated;
        time.Advance(TimeSpan.FromSeconds(5));   // t = 5 s: the first retry is sent (second slot) and throttled again
        (await secondRetry.WaitAsync(TestTimeout)).Should().Be(TimeSpan.FromSeconds(5));
        server.Requests.Should().HaveCount(2);
        var slot = time.NextTimerCreated;
        time.Advance(TimeSpan.FromSeconds(5));   // t = 10 s: Retry-After is over, but requests of t = 0 and 5 fill the window

        (await slot.WaitAsync(TestTimeout)).Should().Be(TimeSpan.FromSeconds(50), "the request of t = 0 leaves the window at t = 60 s");
        server.Requests.Should().HaveCount(2);
        time.Advance(TimeSpan.FromSeconds(50));

        (await read.WaitAsync(TestTimeout)).Should().ContainSingle();
        server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Create_MaxRequestsPerMinute_IsEnforcedOnTheCreatedProvider()
    {
        await using var server = new LoopbackGraphServer(LoopbackGraphServer.Routes((Scores, Page(ScoreJson(20)))));
        var time = new TimerRecordingTimeProvider(Start);
        using var provider = MicrosoftGraphSecureScoreProvider.Create(
            server.BaseUrl, _ => ValueTask.FromResult("token"), new MicrosoftGraphProviderOptions { MaxRequestsPerMinute = 1 }, time);
        await provider.GetSecureScoreHistoryAsync().WaitAsync(TestTimeout);

        var timer = time.NextTimerCreated;
        var second = provider.GetSecureScoreHistoryAsync();
        (await Task.WhenAny(timer, second).WaitAsync(TestTimeout)).Should().BeSameAs(timer, "Create copies MaxRequestsPerMinute");
        (await timer).Should().Be(TimeSpan.FromSeconds(60));
        time.Advance(TimeSpan.FromSeconds(60));

        (await second.WaitAsync(TestTimeout)).Should().ContainSingle();
        server.Requests.Should().HaveCount(2);
    }
}
