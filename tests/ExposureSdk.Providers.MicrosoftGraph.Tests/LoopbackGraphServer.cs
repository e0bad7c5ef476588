using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ExposureSdk.Providers.MicrosoftGraph.Tests;

/// <summary>A request the loopback server received.</summary>
internal sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Target.Split('?')[0];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A canned response.</summary>
internal sealed record LoopbackResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json")
{
    public static LoopbackResponse Json(string body, params (string Name, string Value)[] headers)
        => new(200, body, headers.ToDictionary(h => h.Name, h => h.Value));

    public static LoopbackResponse Error(int status, string? code = null, string? requestId = null, params (string Name, string Value)[] headers)
    {
        var inner = "{\"request-id\":\"" + (requestId ?? "inner-id") + "\",\"date\":\"2026-11-21T06:00:00\"}";
        var body = code is null ? string.Empty : "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Failure " + status + " from the loopback server.\",\"innerError\":" + inner + "}}";
        return new(status, body, headers.ToDictionary(h => h.Name, h => h.Value));
    }
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (one request per connection, GET only) that records every
/// request and answers through <see cref="Handler"/>, so tests can run the real Kiota adapter end to end.
/// </summary>
internal sealed class LoopbackGraphServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _inFlight;
    private int _maxInFlight;

    public LoopbackGraphServer(Func<RecordedRequest, CancellationToken, Task<LoopbackResponse>> handler)
    {
        Handler = handler;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/v1.0");

    public string Url(string pathAndQuery) => $"http://127.0.0.1:{Port}/v1.0/{pathAndQuery.TrimStart('/')}";

    public Func<RecordedRequest, CancellationToken, Task<LoopbackResponse>> Handler { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The handler's failures (each answered with a 500 naming it); disposing the server throws when there is any.</summary>
    public ConcurrentQueue<Exception> HandlerFailures { get; } = new();

    public int Count(string pathSuffix) => Requests.Count(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal));

    /// <summary>Serves fixed bodies by path (ignoring the query), 404 otherwise.</summary>
    public static Func<RecordedRequest, CancellationToken, Task<LoopbackResponse>> Routes(params (string PathSuffix, string Body)[] routes)
        => (request, _) =>
        {
            foreach (var (suffix, body) in routes)
            {
                if (request.Path.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return Task.FromResult(LoopbackResponse.Json(body));
                }
            }

            return Task.FromResult(LoopbackResponse.Error(404, "ResourceNotFound"));
        };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        if (!HandlerFailures.IsEmpty)
        {
            throw new AggregateException("The loopback server's handler failed: " + string.Join("; ", HandlerFailures.Select(f => f.Message)), HandlerFailures);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, false, 8192, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync(_stop.Token);
            if (string.IsNullOrEmpty(requestLine))
            {
                return;
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < 200; i++)
            {
                var line = await reader.ReadLineAsync(_stop.Token);
                if (string.IsNullOrEmpty(line))
                {
                    break;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }

            var parts = requestLine.Split(' ');
            var request = new RecordedRequest(parts[0], Uri.UnescapeDataString(parts[1]), headers);
            Requests.Enqueue(request);
            // A request is in flight from its arrival until its handler returns; the count drops before
            // the response is written, so a client that sends its next request on receiving this one's
            // response can never be counted twice.
            var current = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _maxInFlight)) < current && Interlocked.CompareExchange(ref _maxInFlight, current, seen) != seen)
            {
            }

            LoopbackResponse response;
            try
            {
                response = await Handler(request, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                // The test's handler failed: answer at once with the reason (a request left unanswered would make
                // the client wait for its own timeout and retries), and fail the test when the server is disposed.
                HandlerFailures.Enqueue(ex);
                var failedBody = "{\"error\":{\"code\":\"TestServerFailed\",\"message\":" + System.Text.Json.JsonSerializer.Serialize(ex.GetType().Name + ": " + ex.Message) + "}}";
                response = new LoopbackResponse(500, failedBody);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }

            var body = Encoding.UTF8.GetBytes(response.Body);
            var head = new StringBuilder()
                .Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(Reason(response.Status)).Append("\r\n")
                .Append("Content-Length: ").Append(body.Length).Append("\r\n")
                .Append("Connection: close\r\n");
            if (body.Length > 0)
            {
                head.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
            }

            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
            await stream.WriteAsync(body, _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client went away (for example a cancelled request).
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    };
}
