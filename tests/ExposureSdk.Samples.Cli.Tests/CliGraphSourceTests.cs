using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ExposureSdk.Samples.Cli.Tests;

public sealed class CliGraphSourceTests
{
    [Fact]
    public async Task Report_SourceGraphWithoutTokenOption_ExitsTwoNamingTheOption()
    {
        var run = await CliRun.RunAsync("report", "--source", "graph");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--access-token-env");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Report_SourceGraphWithUnsetVariable_ExitsTwoNamingTheVariable()
    {
        var name = "EXPOSURESDK_TEST_UNSET_" + Guid.NewGuid().ToString("N");

        var run = await CliRun.RunAsync("report", "--source", "graph", "--access-token-env", name);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(name);
    }

    [Fact]
    public async Task Report_SourceGraphCombinedWithSnapshot_ExitsTwo()
    {
        var run = await CliRun.RunAsync("report", "--source", "graph", "--access-token-env", "X", "--snapshot", "a.json");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--source graph cannot be combined");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Report_SourceGraph_ScoresTheGraphFixtureWithTheBuiltInCatalogAndSendsTheToken(bool explicitAuth)
    {
        var name = "EXPOSURESDK_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "secret-token-value");
        await using var server = await FixtureGraphServer.StartAsync();
        try
        {
            string[] auth = explicitAuth ? ["--auth", "token-env"] : [];
            var run = await CliRun.RunAsync(["report", "--source", "graph", "--graph-base-url", server.BaseUrl, .. auth, "--access-token-env", name, "--format", "json"]);

            run.ExitCode.Should().Be(0, run.Stderr);
            run.Stdout.Should().NotContain("secret-token-value");
            run.Stderr.Should().NotContain("secret-token-value");
            using var json = JsonDocument.Parse(run.Stdout);
            var recommendations = json.RootElement.GetProperty("recommendations").EnumerateArray().ToList();
            recommendations.Select(r => r.GetProperty("id").GetString()).Should().Contain("DLPEnabled");
            var dlp = recommendations.Single(r => r.GetProperty("id").GetString() == "DLPEnabled");
            dlp.GetProperty("domain").GetString().Should().Be("Data");
            dlp.GetProperty("source").GetString().Should().Be("Microsoft Secure Score");
            json.RootElement.GetProperty("initiatives").GetArrayLength().Should().Be(13, "the built-in catalog's initiatives are applied");
            json.RootElement.GetProperty("events").GetArrayLength().Should().Be(0, "the fixture's only day (2019) is far more than 48 hours old: no baseline");
            server.Authorizations.Should().NotBeEmpty().And.OnlyContain(a => a == "Bearer secret-token-value");
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task Events_SourceGraph_ComparesTodayWithYesterdayFromGraphHistory()
    {
        var name = "EXPOSURESDK_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "t");
        var today = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero); // midnight: always today, never in the future
        var scores = $$"""
            {"value":[
              {"createdDateTime":"{{today:yyyy-MM-ddTHH:mm:ssZ}}","currentScore":0,"maxScore":20,"controlScores":[{"controlName":"DLPEnabled","controlCategory":"Data","score":0}]},
              {"createdDateTime":"{{today.AddHours(-12):yyyy-MM-ddTHH:mm:ssZ}}","currentScore":20,"maxScore":20,"controlScores":[{"controlName":"DLPEnabled","controlCategory":"Data","score":20}]}
            ]}
            """;
        await using var server = await FixtureGraphServer.StartAsync(scores);
        try
        {
            var run = await CliRun.RunAsync("events", "--source", "graph", "--graph-base-url", server.BaseUrl, "--access-token-env", name, "--format", "json", "--fail-on-drop");

            run.ExitCode.Should().Be(3, run.Stderr);
            using var json = JsonDocument.Parse(run.Stdout);
            var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
            var drop = events.Single(e => e.GetProperty("subjectId").GetString() == "data-protection");
            drop.GetProperty("kind").GetString().Should().Be("MetricScoreDrop");
            drop.GetProperty("previousScore").GetDouble().Should().Be(100, "DLPEnabled was fully scored yesterday");
            drop.GetProperty("currentScore").GetDouble().Should().Be(0);
            events.Should().NotContain(e => e.GetProperty("kind").GetString() == "NewInitiative", "yesterday was scored with the same catalog");
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    /// <summary>Serves the Graph documentation fixtures on 127.0.0.1 (bounded: at most 64 requests).</summary>
    private sealed class FixtureGraphServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        private readonly string? _scores;

        private FixtureGraphServer(int port, string? scores)
        {
            _scores = scores;
            BaseUrl = $"http://127.0.0.1:{port}/v1.0";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        }

        public string BaseUrl { get; }

        public ConcurrentBag<string> Authorizations { get; } = [];

        /// <summary>What went wrong in the server itself; disposing the server throws when anything did.</summary>
        public ConcurrentBag<Exception> Failures { get; } = [];

        /// <summary>Starts the server; <paramref name="scores"/> replaces the secureScores fixture when given.</summary>
        public static Task<FixtureGraphServer> StartAsync(string? scores = null)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var server = new FixtureGraphServer(port, scores);
            server._listener.Start();
            server._loop = server.ServeAsync();
            return Task.FromResult(server);
        }

        private async Task ServeAsync()
        {
            for (var i = 0; i < 64 && !_stop.IsCancellationRequested; i++)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }

                Authorizations.Add(context.Request.Headers["Authorization"] ?? string.Empty);
                var path = context.Request.Url!.AbsolutePath;
                var file = path.EndsWith("/security/secureScoreControlProfiles", StringComparison.Ordinal) ? "secureScoreControlProfiles.v1.example.json"
                    : path.EndsWith("/security/secureScores", StringComparison.Ordinal) ? "secureScores.v1.example.json"
                    : null;
                byte[] body;
                try
                {
                    context.Response.StatusCode = file is null ? 404 : 200;
                    body = file is null ? """{"error":{"code":"NotFound","message":"no such fixture"}}"""u8.ToArray()
                        : file.StartsWith("secureScores.", StringComparison.Ordinal) && _scores is not null ? System.Text.Encoding.UTF8.GetBytes(_scores)
                        : await File.ReadAllBytesAsync(Fixture(file));
                }
                catch (Exception ex)
                {
                    // The server itself failed (a fixture missing on a bare clone): answer at once with the reason, so
                    // the CLI fails and names it, and fail the test when the server is disposed. Never leave the
                    // request unanswered: the client would wait for its own timeout and retries.
                    Failures.Add(ex);
                    context.Response.StatusCode = 500;
                    body = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { error = new { code = "TestServerFailed", message = ex.Message } }));
                }

                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        private static string Fixture(string name)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ExposureSdk.sln")))
                {
                    return Path.Combine(dir.FullName, "tests", "fixtures", "graph", name);
                }
            }

            throw new InvalidOperationException("ExposureSdk.sln was not found.");
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Close();
            try
            {
                await _loop;
            }
            catch (ObjectDisposedException)
            {
            }
            catch (HttpListenerException)
            {
            }

            _stop.Dispose();
            if (!Failures.IsEmpty)
            {
                throw new AggregateException("The fixture Graph server failed: " + string.Join("; ", Failures.Select(f => f.Message)), Failures);
            }
        }
    }
}
