using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ExposureSdk.Providers.DefenderForCloud.Tests;

/// <summary>A request the loopback server received.</summary>
internal sealed record ArmRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Path => Target.Split('?')[0];

    public string Query => Target.Contains('?', StringComparison.Ordinal) ? Target[(Target.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A canned response; <see cref="CutAfterBytes"/> ends the connection early (a page cut in transit).</summary>
internal sealed record ArmResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, int? CutAfterBytes = null)
{
    public static ArmResponse Json(string body, params (string Name, string Value)[] headers)
        => new(200, body, WithRequestId(headers));

    public static ArmResponse Error(int status, string code, params (string Name, string Value)[] headers)
        => new(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Failure " + status + " from the loopback ARM server.\"}}", WithRequestId(headers));

    private static Dictionary<string, string> WithRequestId((string Name, string Value)[] headers)
    {
        var map = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        map.TryAdd("x-ms-request-id", "req-" + Guid.NewGuid().ToString("N")[..12]);
        return map;
    }
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (one request per connection, GET and POST) that records every
/// request and answers through <see cref="Handler"/>, so tests run the real Kiota adapter end to end.
/// </summary>
internal sealed class LoopbackArmServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _inFlight;
    private int _maxInFlight;

    public LoopbackArmServer(Func<ArmRequest, CancellationToken, Task<ArmResponse>> handler)
    {
        Handler = handler;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");

    public Func<ArmRequest, CancellationToken, Task<ArmResponse>> Handler { get; set; }

    public ConcurrentQueue<ArmRequest> Requests { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The handler's failures (each answered with a 500 naming it); disposing the server throws when there is any.</summary>
    public ConcurrentQueue<Exception> HandlerFailures { get; } = new();

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
            var head = await ReadHeadAsync(stream);
            if (head is null)
            {
                return;
            }

            var lines = head.Split("\r\n");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }

            var body = string.Empty;
            if (headers.TryGetValue("Content-Length", out var length) && int.TryParse(length, out var n) && n > 0)
            {
                var buffer = new byte[n];
                await stream.ReadExactlyAsync(buffer, _stop.Token);
                body = Encoding.UTF8.GetString(buffer);
            }

            var parts = lines[0].Split(' ');
            var request = new ArmRequest(parts[0], Uri.UnescapeDataString(parts[1]), headers, body);
            Requests.Enqueue(request);
            var current = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _maxInFlight)) < current && Interlocked.CompareExchange(ref _maxInFlight, current, seen) != seen)
            {
            }

            ArmResponse response;
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
                response = new ArmResponse(500, failedBody);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body);
            var text = new StringBuilder()
                .Append("HTTP/1.1 ").Append(response.Status).Append(' ').Append(response.Status == 200 ? "OK" : "Status").Append("\r\n")
                .Append("Content-Length: ").Append(bytes.Length).Append("\r\n")
                .Append("Connection: close\r\n");
            if (bytes.Length > 0)
            {
                text.Append("Content-Type: application/json; charset=utf-8\r\n");
            }

            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            text.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), _stop.Token);
            await stream.WriteAsync(bytes.AsMemory(0, Math.Min(bytes.Length, response.CutAfterBytes ?? bytes.Length)), _stop.Token);
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

    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new List<byte>(1024);
        var one = new byte[1];
        while (bytes.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            var c = bytes.Count;
            if (c >= 4 && bytes[c - 4] == '\r' && bytes[c - 3] == '\n' && bytes[c - 2] == '\r' && bytes[c - 1] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, c - 4);
            }
        }

        return null;
    }
}
