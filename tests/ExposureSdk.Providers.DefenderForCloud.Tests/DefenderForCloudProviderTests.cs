using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

public sealed class DefenderForCloudProviderTests
{
    [Fact]
    public async Task ReadAsync_ResourceGraphThreeSubscriptions50000Resources_MapsEveryAssessmentAcrossPages()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "Production", 20_000), new GeneratedSubscription(Arm.Sub2, "Staging", 20_000), new GeneratedSubscription(Arm.Sub3, "Dev", 10_000));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server);

        var reading = await Arm.ReadAllAsync(provider);

        var expectedRows = tenant.Assessments.ToList();
        reading.Assessments.Should().HaveCount(expectedRows.Count);
        reading.Assets.Should().HaveCount(50_000).And.OnlyHaveUniqueItems(a => a.Id);
        reading.Assets.Should().OnlyContain(a => string.Equals(a.Id.Value, a.Id.Value.ToLowerInvariant(), StringComparison.Ordinal));
        reading.Result.Assets.Should().Be(50_000);
        reading.Result.Assessments.Should().Be(expectedRows.Count(a => a.Status != "NotApplicable"));
        reading.Pages.Should().BeGreaterThan(40, "50,000 rows at 1,000 a page");
        var graphPosts = server.Requests.Where(r => r.Method == "POST" && r.Body.Contains("microsoft.security/assessments", StringComparison.Ordinal)).ToList();
        graphPosts.Should().HaveCountGreaterThan(40);
        graphPosts.Skip(1).Should().OnlyContain(r => r.Body.Contains("$skipToken", StringComparison.Ordinal));
        graphPosts[0].Body.Should().Contain(Arm.Sub1).And.Contain(Arm.Sub2).And.Contain(Arm.Sub3).And.Contain("\"$top\":1000");
        reading.Result.Status.Should().Be(DefenderForCloudStatus.Active);
        reading.Result.Warnings.Should().BeEmpty();
        foreach (var subscription in reading.Result.Subscriptions)
        {
            var (current, max) = tenant.ExpectedPoints(subscription.SubscriptionId);
            subscription.Status.Should().Be(DefenderForCloudStatus.Active);
            subscription.Score!.AchievedPoints.Should().BeApproximately(current, 1e-9);
            subscription.Score.MaxPoints.Should().Be(max);
        }

        reading.Result.Recommendations.Select(r => r.Id.Value).Should().BeEquivalentTo(GeneratedTenant.Metadata.Select(m => m.Name));
    }

    [Fact]
    public async Task ReadAsync_RestPath_FollowsNextLinkAndGivesTheSameRecordsAsResourceGraph()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "Production", 2_500), new GeneratedSubscription(Arm.Sub2, "Staging", 1_200), new GeneratedSubscription(Arm.Sub3, "Dev", 300)) { RestPageSize = 400 };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var rest = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);
        using var graph = Arm.Provider(server, o => o.PageSize = 700);

        var viaRest = await Arm.ReadAllAsync(rest);
        var viaGraph = await Arm.ReadAllAsync(graph);

        server.Requests.Count(r => r.Target.Contains("$skiptoken=", StringComparison.Ordinal)).Should().BeGreaterThan(3, "the REST path follows nextLink");
        server.Requests.Should().Contain(r => r.Path.EndsWith("/secureScoreControls", StringComparison.Ordinal) && r.Query.Contains("$expand=definition", StringComparison.Ordinal));
        viaRest.Assessments.Should().BeEquivalentTo(viaGraph.Assessments);
        viaRest.Assets.Should().BeEquivalentTo(viaGraph.Assets);
        viaRest.Result.Recommendations.Should().BeEquivalentTo(viaGraph.Result.Recommendations);
        viaRest.Result.Score!.AchievedPoints.Should().BeApproximately(viaGraph.Result.Score!.AchievedPoints, 1e-9);
        viaRest.Result.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_OneSubscriptionForbidden_OthersAreReadAndItIsListedAsFailed()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "Production", 400), new GeneratedSubscription(Arm.Sub2, "Locked", 400), new GeneratedSubscription(Arm.Sub3, "Dev", 400))
        {
            Intercept = r => r.Path.StartsWith($"/subscriptions/{Arm.Sub2}/", StringComparison.Ordinal)
                ? ArmResponse.Error(403, "AuthorizationFailed", ("x-ms-request-id", "req-forbidden-2"))
                : null,
        };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);

        var reading = await Arm.ReadAllAsync(provider);

        var forbidden = reading.Result.Subscriptions.Single(s => s.SubscriptionId == Arm.Sub2);
        forbidden.Status.Should().Be(DefenderForCloudStatus.Failed);
        forbidden.Detail.Should().Contain("403").And.Contain("AuthorizationFailed").And.Contain("req-forbidden-2");
        reading.Result.Subscriptions.Where(s => s.SubscriptionId != Arm.Sub2).Should().OnlyContain(s => s.Status == DefenderForCloudStatus.Active && s.Assessments > 0);
        reading.Assets.Should().NotContain(a => a.Id.Value.Contains(Arm.Sub2, StringComparison.Ordinal));
        reading.Assets.Should().Contain(a => a.Id.Value.Contains(Arm.Sub3, StringComparison.Ordinal));
        reading.Result.Status.Should().Be(DefenderForCloudStatus.Limited);
        reading.Result.Detail.Should().Contain("1 of 3 subscription(s) could not be read");

        // Through the provider hooks the readable subscriptions are served too (the refresh pipeline marks
        // what a partial read feeds stale: DefenderForCloudCoverageTests).
        var served = await provider.GetAssessmentsAsync().ToListAsync().AsTask().WaitAsync(Arm.Bound);
        served.Should().NotBeEmpty().And.NotContain(a => a.AssetId.Value.Contains(Arm.Sub2, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_CspmOffOnOneSubscription_IsLimitedWithTheReason()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "Production", 100), new GeneratedSubscription(Arm.Sub2, "Foundational", 100, CspmOn: false));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server);

        var reading = await Arm.ReadAllAsync(provider);

        var limited = reading.Result.Subscriptions.Single(s => s.SubscriptionId == Arm.Sub2);
        limited.Status.Should().Be(DefenderForCloudStatus.Limited);
        limited.Detail.Should().Contain("limited cloud data").And.Contain("Defender CSPM plan (CloudPosture) is Free");
        reading.Result.Status.Should().Be(DefenderForCloudStatus.Limited);
        reading.Result.Detail.Should().StartWith("limited cloud data: Defender CSPM is off on 1 of 2 subscription(s)");
        reading.Assets.Should().Contain(a => a.Id.Value.Contains(Arm.Sub2, StringComparison.Ordinal), "a limited subscription is still shown");
    }

    [Fact]
    public async Task ReadAsync_DefenderNotEnabled_SubscriptionIsInactiveAndShowsNothing()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "Off", 100, DefenderOn: false), new GeneratedSubscription(Arm.Sub2, "Off too", 50, DefenderOn: false));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, o => o.ReadPath = DefenderForCloudReadPath.Rest);

        var reading = await Arm.ReadAllAsync(provider);

        reading.Result.Subscriptions.Should().OnlyContain(s => s.Status == DefenderForCloudStatus.Inactive);
        reading.Result.Status.Should().Be(DefenderForCloudStatus.Inactive);
        reading.Result.Recommendations.Should().BeEmpty();
        reading.Assessments.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_GivenAndExcludedSubscriptions_ReadsOnlyThoseInScope()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 50), new GeneratedSubscription(Arm.Sub2, "B", 50), new GeneratedSubscription(Arm.Sub3, "C", 50));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, o =>
        {
            o.Subscriptions.Add(Arm.Sub1.ToUpperInvariant());
            o.Subscriptions.Add(Arm.Sub2);
            o.ExcludedSubscriptions.Add(Arm.Sub2);
        });

        var reading = await Arm.ReadAllAsync(provider);

        reading.Result.Subscriptions.Select(s => s.SubscriptionId).Should().Equal(Arm.Sub1);
        reading.Assets.Should().OnlyContain(a => a.Id.Value.StartsWith("/subscriptions/" + Arm.Sub1, StringComparison.Ordinal));
        server.Requests.Where(r => r.Method == "POST").Should().OnlyContain(r => !r.Body.Contains(Arm.Sub3, StringComparison.Ordinal) && !r.Body.Contains(Arm.Sub2, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_Throttled429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 50));
        var stamps = new List<DateTimeOffset>();
        tenant.Intercept = r =>
        {
            if (!r.Path.EndsWith("assessmentMetadata", StringComparison.Ordinal))
            {
                return null;
            }

            stamps.Add(time.GetUtcNow());
            return stamps.Count == 1 ? ArmResponse.Error(429, "TooManyRequests", ("Retry-After", "7")) : null;
        };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, time: time);

        var reading = await Arm.WithClockAsync(time, () => Arm.ReadAllAsync(provider));

        reading.Result.Recommendations.Should().NotBeEmpty();
        stamps.Should().HaveCount(2);
        (stamps[1] - stamps[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7)).And.BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadAsync_Throttled429WithRetryAfterHttpDate_WaitsUntilThatDate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 50));
        var stamps = new List<DateTimeOffset>();
        tenant.Intercept = r =>
        {
            if (!r.Path.EndsWith("/subscriptions", StringComparison.Ordinal))
            {
                return null;
            }

            stamps.Add(time.GetUtcNow());
            return stamps.Count == 1 ? ArmResponse.Error(429, "TooManyRequests", ("Retry-After", time.GetUtcNow().AddSeconds(30).ToString("r", System.Globalization.CultureInfo.InvariantCulture))) : null;
        };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, time: time);

        await Arm.WithClockAsync(time, () => Arm.ReadAllAsync(provider));

        (stamps[1] - stamps[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(30)).And.BeLessThan(TimeSpan.FromSeconds(33));
    }

    [Fact]
    public async Task ReadAsync_ServiceUnavailableStorm_FailsAfterBoundedRetriesWithStatusAndRequestId()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 50))
        {
            Intercept = r => r.Path.EndsWith("assessmentMetadata", StringComparison.Ordinal) ? ArmResponse.Error(503, "ServiceUnavailable", ("x-ms-request-id", "req-storm")) : null,
        };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, o => o.MaxRetries = 3);

        var act = () => Arm.ReadAllAsync(provider);

        var error = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        error.StatusCode.Should().Be(503);
        error.RequestId.Should().Be("req-storm");
        error.ErrorCode.Should().Be("ServiceUnavailable");
        error.Message.Should().Contain("after 3 retries");
        server.Requests.Count(r => r.Path.EndsWith("assessmentMetadata", StringComparison.Ordinal)).Should().Be(4);
    }

    [Fact]
    public async Task ReadAsync_ResourceGraphQuotaSpent_WaitsForTheReset()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 50));
        var inner = tenant.HandleAsync;
        var stamps = new List<DateTimeOffset>();
        await using var server = new LoopbackArmServer(async (r, ct) =>
        {
            var response = await inner(r, ct);
            if (r.Method != "POST")
            {
                return response;
            }

            stamps.Add(time.GetUtcNow());
            var headers = new Dictionary<string, string>(response.Headers!, StringComparer.OrdinalIgnoreCase)
            {
                ["x-ms-user-quota-remaining"] = stamps.Count == 1 ? "0" : "10",
                ["x-ms-user-quota-resets-after"] = "00:00:04",
            };
            return response with { Headers = headers };
        });
        using var provider = Arm.Provider(server, time: time);

        await Arm.WithClockAsync(time, () => Arm.ReadAllAsync(provider));

        stamps.Should().HaveCountGreaterThan(1);
        (stamps[1] - stamps[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task ReadAsync_MalformedPage_FailsWithStatusRequestIdAndField()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 3_000));
        var posts = 0;
        var inner = tenant.HandleAsync;
        await using var server = new LoopbackArmServer(async (r, ct) =>
        {
            var response = await inner(r, ct);
            if (r.Method == "POST" && r.Body.Contains("microsoft.security/assessments", StringComparison.Ordinal) && Interlocked.Increment(ref posts) == 2)
            {
                // The second page ends mid-record.
                return new ArmResponse(200, response.Body[..(response.Body.Length / 2)], new Dictionary<string, string> { ["x-ms-request-id"] = "req-truncated" });
            }

            return response;
        });
        using var provider = Arm.Provider(server);

        var act = () => Arm.ReadAllAsync(provider);

        var error = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        error.StatusCode.Should().Be(200);
        error.RequestId.Should().Be("req-truncated");
        error.Field.Should().NotBeNullOrEmpty();
        error.Message.Should().Contain("ends mid-record");
    }

    [Fact]
    public async Task ReadAsync_ResultInTableFormat_FailsNamingData()
    {
        var table = Arm.FixtureBody("ResourcesQueryOptions.json");
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 10)) { Intercept = r => r.Method == "POST" ? ArmResponse.Json(table) : null };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server);

        var act = () => Arm.ReadAllAsync(provider);

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Field.Should().Be("data");
    }

    [Fact]
    public async Task ReadAsync_ForeignNextLink_IsRefusedBeforeAnyRequestToIt()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 10))
        {
            Intercept = r => r.Path.EndsWith("/providers/Microsoft.Security/assessments", StringComparison.Ordinal)
                ? ArmResponse.Json("{\"value\":[],\"nextLink\":\"https://attacker.example.net/subscriptions/x/providers/Microsoft.Security/assessments?page=2\"}")
                : null,
        };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        var tokensAsked = new List<string>();
        using var provider = DefenderForCloudProvider.Create(
            _ => ValueTask.FromResult(Arm.Token),
            new DefenderForCloudOptions { BaseUrl = server.BaseUrl, ReadPath = DefenderForCloudReadPath.Rest, RetryBaseDelay = TimeSpan.Zero });

        var act = () => Arm.ReadAllAsync(provider);

        var error = (await act.Should().ThrowAsync<ExposureSourceException>()).Which;
        error.Message.Should().Contain("attacker.example.net").And.Contain("Refused").And.NotContain(Arm.Token);
        error.Field.Should().Be("nextLink");
    }

    [Theory]
    [InlineData("GetSubscriptions.json", "nextlink")]
    [InlineData("GetSubscriptions.older-revision.json", "not an absolute")]
    public async Task ReadAsync_SubscriptionFixtureWithPlaceholderNextLink_FailsClearly(string fixture, string expected)
    {
        var body = Arm.FixtureBody(fixture);
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 10)) { Intercept = r => r.Path == "/subscriptions" ? ArmResponse.Json(body) : null };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server);

        var act = () => Arm.ReadAllAsync(provider);

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Message.Should().Contain(expected);
        server.Requests.Should().ContainSingle(r => r.Path == "/subscriptions");
    }

    [Fact]
    public async Task ReadAsync_SkipTokenLoop_FailsInsteadOfLoopingForever()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 10))
        {
            Intercept = r => r.Method == "POST" && r.Body.Contains("microsoft.security/assessments", StringComparison.Ordinal)
                ? ArmResponse.Json("{\"count\":0,\"data\":[],\"$skipToken\":\"c2FtZQ==\"}")
                : null,
        };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server);

        var act = () => Arm.ReadAllAsync(provider);

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Message.Should().Contain("looped");
        server.Requests.Count(r => r.Body.Contains("microsoft.security/assessments", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task ReadAsync_PageCapReached_FailsLoudlyInsteadOfTruncating()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 5_000));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, o => o.MaxPages = 3);

        var act = () => Arm.ReadAllAsync(provider);

        (await act.Should().ThrowAsync<ExposureSourceException>()).Which.Message.Should().Contain("page cap (3 pages)");
    }

    [Fact]
    public async Task ReadAsync_CancelledMidPage_StopsWithOperationCanceled()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 5_000));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server);
        using var cts = new CancellationTokenSource();
        var pages = 0;

        var act = () => provider.ReadAsync(
            (_, _) =>
            {
                if (++pages == 2)
                {
                    cts.Cancel();
                }

                return ValueTask.CompletedTask;
            },
            cts.Token).WaitAsync(Arm.Bound);

        await act.Should().ThrowAsync<OperationCanceledException>();
        pages.Should().Be(2);
    }

    [Fact]
    public async Task ReadAsync_TokenGoesOnlyInTheAuthorizationHeaderAndNeverIntoLogs()
    {
        var collector = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)).SetMinimumLevel(LogLevel.Trace));
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 50));
        var first = true;
        tenant.Intercept = r =>
        {
            if (first && r.Method == "POST")
            {
                first = false;
                return ArmResponse.Error(429, "TooManyRequests", ("Retry-After", "0"));
            }

            return null;
        };
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        using var provider = Arm.Provider(server, logger: factory.CreateLogger("defender"));

        await Arm.ReadAllAsync(provider);

        server.Requests.Should().OnlyContain(r => r.Header("Authorization") == "Bearer " + Arm.Token);
        collector.GetSnapshot().Should().NotBeEmpty("the retry is logged");
        collector.GetSnapshot().Should().OnlyContain(l => !l.Message.Contains(Arm.Token, StringComparison.Ordinal) && !l.Message.Contains("c2VjcmV0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_TokenCredential_AsksForTheArmScopeAndSendsTheToken()
    {
        var tenant = new GeneratedTenant(new GeneratedSubscription(Arm.Sub1, "A", 10));
        await using var server = new LoopbackArmServer(tenant.HandleAsync);
        var credential = new RecordingCredential("credential-token");
        using var provider = DefenderForCloudProvider.Create(credential, new DefenderForCloudOptions { BaseUrl = server.BaseUrl });

        await Arm.ReadAllAsync(provider);

        credential.Scopes.Should().NotBeEmpty().And.OnlyContain(s => s == server.BaseUrl.AbsoluteUri.TrimEnd('/') + "/.default");
        server.Requests.Should().OnlyContain(r => r.Header("Authorization") == "Bearer credential-token");
    }

    [Fact]
    public async Task ReadAsync_ManySubscriptions_KeepsRequestsInFlightWithinMaxConcurrency()
    {
        var subscriptions = Enumerable.Range(1, 8).Select(i => new GeneratedSubscription($"{i:D8}-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "S" + i, 20)).ToArray();
        var tenant = new GeneratedTenant(subscriptions);
        await using var server = new LoopbackArmServer(async (r, ct) =>
        {
            await Task.Delay(30, ct);
            return await tenant.HandleAsync(r, ct);
        });
        using var provider = Arm.Provider(server, o =>
        {
            o.ReadPath = DefenderForCloudReadPath.Rest;
            o.MaxConcurrency = 2;
        });

        var reading = await Arm.ReadAllAsync(provider);

        reading.Result.Subscriptions.Should().HaveCount(8).And.OnlyContain(s => s.Status == DefenderForCloudStatus.Active);
        server.MaxInFlight.Should().BeLessThanOrEqualTo(2);
    }

    private sealed class RecordingCredential(string token) : Azure.Core.TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new Azure.Core.AccessToken(token, TimeProvider.System.GetUtcNow().AddHours(1));
        }

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
            => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
