using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ExposureSdk.Providers.DefenderForCloud.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ExposureSdk.Providers.DefenderForCloud.Transport;

/// <summary>
/// Sends the provider's ARM requests: pins every URL to the configured ARM host before anything is sent,
/// follows <c>nextLink</c> and <c>$skipToken</c> with a visited set and a page cap, limits the requests in
/// flight, takes a token of the ARM read bucket per request, waits out Resource Graph's per-user quota,
/// retries throttled and transient failures (the only retry layer: Kiota's RetryHandler is switched off
/// per request), and turns every failure into an <see cref="ExposureSourceException"/> with status, ARM
/// error code and request id.
/// </summary>
internal sealed partial class ArmRequestExecutor : IDisposable
{
    private static readonly string[] RequestIdHeaders = ["x-ms-request-id", "x-ms-correlation-request-id", "request-id"];

    private readonly string _providerName;
    private readonly Func<string, string> _redact;
    private readonly ArmSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate;
    private readonly ArmReadBucket _bucket;
    private readonly object _quotaLock = new();
    private long _graphQuotaResumeAt;

    public ArmRequestExecutor(string providerName, ArmSettings settings, TimeProvider timeProvider, ILogger logger, Func<string, string>? redact = null)
    {
        _redact = redact ?? (static text => text);
        _providerName = providerName;
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
        _gate = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        _bucket = new ArmReadBucket(settings.ReadBucketCapacity, settings.ReadBucketRefillPerSecond, timeProvider);
    }

    /// <summary>Sends one request with the given request options.</summary>
    public delegate Task<TPage?> Sender<TPage>(IList<IRequestOption> options, CancellationToken cancellationToken);

    /// <summary>Streams the pages of an ARM list, following <c>nextLink</c>.</summary>
    public async IAsyncEnumerable<ArmPage<T>> ReadPagesAsync<T>(
        string resource,
        Uri firstUrl,
        Func<string, IList<IRequestOption>, CancellationToken, Task<ArmPage<T>?>> send,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IParsable
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var url = firstUrl;
        for (var page = 1; ; page++)
        {
            if (!visited.Add(url.AbsoluteUri))
            {
                throw new ExposureSourceException(_providerName, $"Paging {resource} looped: page {page} links back to a page already read.", field: "nextLink");
            }

            var current = url;
            var result = await SendAsync(resource, current, isResourceGraph: false, (options, ct) => send(current.AbsoluteUri, options, ct), cancellationToken).ConfigureAwait(false);
            if (!result.Page.HasValue)
            {
                throw new ExposureSourceException(_providerName, $"Page {page} of {resource} has no 'value' array.", statusCode: 200, requestId: result.RequestId, field: "value");
            }

            yield return result.Page;
            if (string.IsNullOrWhiteSpace(result.Page.NextLink))
            {
                yield break;
            }

            if (page >= _settings.MaxPages)
            {
                throw new ExposureSourceException(_providerName, $"Paging {resource} reached the page cap ({_settings.MaxPages} pages) with more pages pending; raise DefenderForCloudOptions.MaxPages to read them.", requestId: result.RequestId, field: "nextLink");
            }

            if (!Uri.TryCreate(result.Page.NextLink.Trim(), UriKind.Absolute, out var next) || (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp))
            {
                throw new ExposureSourceException(_providerName, $"Page {page} of {resource} has a nextLink that is not an absolute http(s) URL.", statusCode: 200, requestId: result.RequestId, field: "nextLink");
            }

            url = next;
        }
    }

    /// <summary>Streams the pages of a Resource Graph query, following <c>$skipToken</c>.</summary>
    public async IAsyncEnumerable<ResourceGraphPage<T>> QueryPagesAsync<T>(
        string resource,
        Uri url,
        ResourceGraphQuery query,
        Func<ResourceGraphQuery, IList<IRequestOption>, CancellationToken, Task<ResourceGraphPage<T>?>> send,
        [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : IParsable
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var result = await SendAsync(resource, url, isResourceGraph: true, (options, ct) => send(query, options, ct), cancellationToken).ConfigureAwait(false);
            if (result.Page.DataIsTable)
            {
                throw new ExposureSourceException(_providerName, $"Page {page} of {resource} came in the table result format; the provider asks for objectArray.", statusCode: 200, requestId: result.RequestId, field: "data");
            }

            if (!result.Page.HasData)
            {
                throw new ExposureSourceException(_providerName, $"Page {page} of {resource} has no 'data' array.", statusCode: 200, requestId: result.RequestId, field: "data");
            }

            if (result.Page.Count is { } count && count != result.Page.Data.Count)
            {
                throw new ExposureSourceException(_providerName, $"Page {page} of {resource} says it holds {count} rows but {result.Page.Data.Count} were read: the page is incomplete.", statusCode: 200, requestId: result.RequestId, field: "count");
            }

            yield return result.Page;
            var token = result.Page.SkipToken;
            if (string.IsNullOrWhiteSpace(token))
            {
                if (result.Page.ResultTruncated == true)
                {
                    throw new ExposureSourceException(_providerName, $"Resource Graph truncated {resource} (resultTruncated true) without a $skipToken: the rows lack the id paging needs.", statusCode: 200, requestId: result.RequestId, field: "resultTruncated");
                }

                yield break;
            }

            if (!tokens.Add(token))
            {
                throw new ExposureSourceException(_providerName, $"Paging {resource} looped: page {page} returned a $skipToken already followed.", requestId: result.RequestId, field: "$skipToken");
            }

            if (page >= _settings.MaxPages)
            {
                throw new ExposureSourceException(_providerName, $"Paging {resource} reached the page cap ({_settings.MaxPages} pages) with more pages pending; raise DefenderForCloudOptions.MaxPages to read them.", requestId: result.RequestId, field: "$skipToken");
            }

            query = new ResourceGraphQuery { Subscriptions = query.Subscriptions, Query = query.Query, Top = query.Top, SkipToken = token };
        }
    }

    /// <summary>Sends one request with host pinning, the concurrency gate, the read bucket, the Resource Graph quota and retries.</summary>
    public async Task<(TPage Page, string? RequestId)> SendAsync<TPage>(string resource, Uri url, bool isResourceGraph, Sender<TPage> send, CancellationToken cancellationToken)
        where TPage : class
    {
        if (!_settings.IsAllowed(url))
        {
            throw new ExposureSourceException(
                _providerName,
                $"Refused to request {resource} from host '{url.Host}' (scheme {url.Scheme}, port {url.Port}): only the configured ARM endpoint '{_settings.BaseUrl.Authority}' may be contacted, so the access token never leaves it.",
                field: "nextLink");
        }

        for (var retry = 0; ; retry++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (isResourceGraph)
            {
                await WaitForGraphQuotaAsync(resource, cancellationToken).ConfigureAwait(false);
            }

            var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
            IList<IRequestOption> options =
            [
                new RetryHandlerOption { MaxRetry = 0, ShouldRetry = static (_, _, _) => false },
                headers,
            ];

            Failure failure;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _bucket.AcquireAsync(cancellationToken).ConfigureAwait(false);
                var page = await send(options, cancellationToken).ConfigureAwait(false);
                var requestId = RequestId(headers.ResponseHeaders);
                if (isResourceGraph)
                {
                    NoteGraphQuota(headers.ResponseHeaders);
                }

                return (page ?? throw new ExposureSourceException(_providerName, $"ARM returned no body for {resource}.", statusCode: 200, requestId: requestId, field: resource), requestId);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (ApiException ex) when (ex.ResponseStatusCode is >= 200 and < 300 && FindJsonError(ex) is { } json)
            {
                throw Malformed(resource, json, RequestId(ex.ResponseHeaders) ?? RequestId(headers.ResponseHeaders));
            }
            catch (ApiException ex)
            {
                failure = Classify(ex, isResourceGraph);
            }
            catch (JsonException ex)
            {
                throw Malformed(resource, ex, RequestId(headers.ResponseHeaders));
            }
            catch (InvalidOperationException ex) when (IsUndecodableText(ex))
            {
                // A string or property name the JSON reader cannot turn into text (invalid UTF-8, an escaped lone
                // surrogate) is a malformed page like any other (issue 17, found by fuzzing).
                throw new ExposureSourceException(_providerName, $"ARM returned a {resource} page with text that is not valid UTF-8 or holds an escaped lone surrogate ({ex.Message})", ex, statusCode: 200, requestId: RequestId(headers.ResponseHeaders), field: resource);
            }
            catch (HttpRequestException ex)
            {
                failure = new Failure(ex, ex.StatusCode is { } code ? (int)code : null, null, null, Transient: true, RetryAfter: null);
            }
            catch (IOException ex)
            {
                // The connection ended before the response did (a page cut short in transit).
                failure = new Failure(ex, null, null, null, Transient: true, RetryAfter: null);
            }
            catch (TaskCanceledException ex)
            {
                // The HTTP client timed out (the caller did not cancel).
                failure = new Failure(ex, null, null, null, Transient: true, RetryAfter: null);
            }
            finally
            {
                _gate.Release();
            }

            if (!failure.Transient)
            {
                throw ToException(resource, failure, $"ARM request for {resource} failed");
            }

            if (retry >= _settings.MaxRetries)
            {
                throw ToException(resource, failure, $"ARM request for {resource} still failed after {retry} retr{(retry == 1 ? "y" : "ies")}");
            }

            var delay = failure.RetryAfter ?? ArmRetryDelay.Backoff(retry + 1, _settings.RetryBaseDelay, _settings.MaxRetryDelay);
            if (delay > _settings.MaxRetryDelay)
            {
                throw ToException(resource, failure, $"ARM asked to retry {resource} after {delay.TotalSeconds:0} s, longer than DefenderForCloudOptions.MaxRetryDelay ({_settings.MaxRetryDelay.TotalSeconds:0} s)");
            }

            Log.Retrying(_logger, resource, failure.StatusCode ?? 0, retry + 1, delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        _gate.Dispose();
        _bucket.Dispose();
    }

    /// <summary>The JSON reader's "cannot transcode" / "invalid surrogate" error for a string it cannot decode.</summary>
    internal static bool IsUndecodableText(InvalidOperationException ex) => ex.Source?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true;

    private static JsonException? FindJsonError(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private ExposureSourceException Malformed(string resource, JsonException ex, string? requestId)
        => new(
            _providerName,
            $"ARM returned a {resource} page that is not valid JSON or ends mid-record (line {ex.LineNumber?.ToString(CultureInfo.InvariantCulture) ?? "?"}, byte {ex.BytePositionInLine?.ToString(CultureInfo.InvariantCulture) ?? "?"}).",
            ex,
            statusCode: 200,
            requestId: requestId,
            field: string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path);

    private async ValueTask WaitForGraphQuotaAsync(string resource, CancellationToken cancellationToken)
    {
        long resumeAt;
        lock (_quotaLock)
        {
            resumeAt = _graphQuotaResumeAt;
        }

        if (resumeAt == 0)
        {
            return;
        }

        var wait = TimeSpan.FromTicks((long)((resumeAt - _timeProvider.GetTimestamp()) * (double)TimeSpan.TicksPerSecond / _timeProvider.TimestampFrequency));
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        Log.WaitingForQuota(_logger, resource, wait.TotalMilliseconds);
        await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
    }

    private void NoteGraphQuota(IDictionary<string, IEnumerable<string>>? headers)
    {
        if (!long.TryParse(Header(headers, "x-ms-user-quota-remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) || remaining > 0)
        {
            return;
        }

        var reset = ArmRetryDelay.FromQuotaReset(Header(headers, "x-ms-user-quota-resets-after")) ?? TimeSpan.FromSeconds(5);
        if (reset > _settings.MaxRetryDelay)
        {
            throw new ExposureSourceException(_providerName, $"The Resource Graph quota is spent and resets after {reset.TotalSeconds:0} s, longer than DefenderForCloudOptions.MaxRetryDelay ({_settings.MaxRetryDelay.TotalSeconds:0} s).", statusCode: 200, requestId: RequestId(headers), field: "x-ms-user-quota-resets-after");
        }

        var resumeAt = _timeProvider.GetTimestamp() + (long)(reset.TotalSeconds * _timeProvider.TimestampFrequency);
        lock (_quotaLock)
        {
            _graphQuotaResumeAt = Math.Max(_graphQuotaResumeAt, resumeAt);
        }
    }

    private Failure Classify(ApiException ex, bool isResourceGraph)
    {
        var status = ex.ResponseStatusCode;
        var transient = status is 429 or 503 or 504;
        TimeSpan? retryAfter = null;
        if (transient)
        {
            retryAfter = ArmRetryDelay.FromRetryAfter(Header(ex.ResponseHeaders, "Retry-After"), _timeProvider.GetUtcNow());
            if (retryAfter is null && isResourceGraph && status == 429)
            {
                retryAfter = ArmRetryDelay.FromQuotaReset(Header(ex.ResponseHeaders, "x-ms-user-quota-resets-after"));
            }
        }

        return new Failure(ex, status == 0 ? null : status, (ex as ArmError)?.Code, RequestId(ex.ResponseHeaders), transient, retryAfter);
    }

    private ExposureSourceException ToException(string resource, Failure failure, string what)
    {
        var detail = failure.Exception is ArmError { ErrorMessage: { Length: > 0 } message }
            ? $": {message}"
            : failure.Exception is ApiException ? "." : $": {failure.Exception.GetType().Name}.";
        // The server's text is untrusted: a token it repeats is redacted, and an inner exception that holds one is left out.
        var text = failure.Exception.ToString();
        var inner = string.Equals(_redact(text), text, StringComparison.Ordinal) ? failure.Exception : null;
        return new ExposureSourceException(
            _providerName,
            _redact(what + detail),
            inner,
            failure.StatusCode,
            failure.ErrorCode is { } code ? _redact(code) : null,
            failure.RequestId is { } id ? _redact(id) : null,
            field: resource);
    }

    private static string? RequestId(IDictionary<string, IEnumerable<string>>? headers)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (Header(headers, name) is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }

    private static string? Header(IDictionary<string, IEnumerable<string>>? headers, string name)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var pair in headers)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value?.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
            }
        }

        return null;
    }

    private sealed record Failure(Exception Exception, int? StatusCode, string? ErrorCode, string? RequestId, bool Transient, TimeSpan? RetryAfter);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "ARM request for {Resource} failed with status {Status}; retry {Retry} in {DelayMilliseconds} ms.")]
        public static partial void Retrying(ILogger logger, string resource, int status, int retry, double delayMilliseconds);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Resource Graph quota spent; waiting {DelayMilliseconds} ms before querying {Resource}.")]
        public static partial void WaitingForQuota(ILogger logger, string resource, double delayMilliseconds);
    }
}
