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

    [Fact]
    public async Task Report_SourceGraph_ScoresTheGraphFixtureWithTheBuiltInCatalogAndSendsTheToken()
    {
        var name = "EXPOSURESDK_TEST_TOKEN_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "secret-token-value");
        await using var server = await FixtureGraphServer.StartAsync();
        try
        {
            var run = await CliRun.RunAsync("report", "--source", "graph", "--graph-base-url", server.BaseUrl, "--access-token-env", name, "--format", "json");

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
            json.RootElement.GetProperty("events").GetArrayLength().Should().Be(0, "Graph gives no previous snapshot to compare with");
            server.Authorizations.Should().NotBeEmpty().And.OnlyContain(a => a == "Bearer secret-token-value");
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

        private FixtureGraphServer(int port)
        {
            BaseUrl = $"http://127.0.0.1:{port}/v1.0";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        }

        public string BaseUrl { get; }

        public ConcurrentBag<string> Authorizations { get; } = [];

        public static Task<FixtureGraphServer> StartAsync()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var server = new FixtureGraphServer(port);
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
                context.Response.StatusCode = file is null ? 404 : 200;
                context.Response.ContentType = "application/json";
                var body = file is null ? """{"error":{"code":"NotFound","message":"no such fixture"}}"""u8.ToArray() : await File.ReadAllBytesAsync(Fixture(file));
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
                    return Path.Combine(dir.FullName, "..", "shared", "fixtures", "graph", name);
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
        }
    }
}
