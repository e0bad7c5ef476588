using System.Text.Json;
using ExposureSdk.Providers.MicrosoftGraph.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ExposureSdk.Providers.MicrosoftGraph.Transport;

/// <summary>
/// Sends the provider's Graph requests: pins every URL to the configured Graph host(s), follows
/// <c>@odata.nextLink</c> with a visited set and a page cap, limits concurrency, retries throttled and
/// transient failures (the only retry layer: Kiota's own RetryHandler is switched off per request), keeps
/// every request sent (retries included) within the per-minute rate limit, and
/// turns every failure into an <see cref="ExposureSourceException"/> with status, Graph error code and request id.
/// </summary>
internal sealed partial class GraphRequestExecutor : IDisposable
{
    private static readonly string[] RequestIdHeaders = ["request-id", "client-request-id"];

    private readonly string _providerName;
    private readonly Func<string, string> _redact;
    private readonly GraphSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate;
    private readonly GraphRateLimiter _rate;
    private readonly ILogger _logger;

    public GraphRequestExecutor(string providerName, GraphSettings settings, TimeProvider timeProvider, ILogger logger, Func<string, string>? redact = null)
    {
        _redact = redact ?? (static text => text);
        _logger = logger;
        _providerName = providerName;
        _settings = settings;
        _timeProvider = timeProvider;
        _gate = new SemaphoreSlim(settings.MaxConcurrency, settings.MaxConcurrency);
        _rate = new GraphRateLimiter(settings.MaxRequestsPerMinute, timeProvider, logger);
    }

    /// <summary>A page sender: sends a GET to an absolute URL with the given request options.</summary>
    public delegate Task<TPage?> PageSender<TPage>(string url, IList<IRequestOption> options, CancellationToken cancellationToken);

    /// <summary>Reads every page of a collection, starting at <paramref name="firstUrl"/>.</summary>
    public async Task<List<T>> ReadAllAsync<T, TPage>(string resource, Uri firstUrl, PageSender<TPage> send, CancellationToken cancellationToken)
        where TPage : class, ICollectionPage<T>
    {
        var items = new List<T>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var url = firstUrl;
        for (var page = 1; ; page++)
        {
            if (!visited.Add(url.AbsoluteUri))
            {
                throw new ExposureSourceException(_providerName, $"Paging {resource} looped: page {page} links back to a page already read.", field: "@odata.nextLink");
            }

            var result = await SendAsync(resource, url, send, cancellationToken).ConfigureAwait(false);
            items.AddRange(result.Value);
            if (string.IsNullOrWhiteSpace(result.OdataNextLink))
            {
                return items;
            }

            if (page >= _settings.MaxPages)
            {
                throw new ExposureSourceException(_providerName, $"Paging {resource} reached the page cap ({_settings.MaxPages} pages) with more pages pending; raise MicrosoftGraphProviderOptions.MaxPages to read them.", field: "@odata.nextLink");
            }

            if (!Uri.TryCreate(url, result.OdataNextLink, out var next))
            {
                throw new ExposureSourceException(_providerName, $"Page {page} of {resource} has an @odata.nextLink that is not a URL.", field: "@odata.nextLink");
            }

            url = next;
        }
    }

    /// <summary>Sends one request with host pinning, the concurrency gate, the rate limit and retries.</summary>
    public async Task<TPage> SendAsync<TPage>(string resource, Uri url, PageSender<TPage> send, CancellationToken cancellationToken)
        where TPage : class
    {
        if (!_settings.IsAllowed(url))
        {
            throw new ExposureSourceException(
                _providerName,
                $"Refused to request {resource} from host '{url.Host}' (scheme {url.Scheme}, port {url.Port}): only the configured Graph host '{_settings.AllowedHosts[0]}' and MicrosoftGraphProviderOptions.AllowedHosts may be contacted, so the access token never leaves them.",
                field: "@odata.nextLink");
        }

        for (var retry = 0; ; retry++)
        {
            cancellationToken.ThrowIfCancellationRequested();
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
                // The rate slot is taken inside the gate, right before sending, so the recorded start is the
                // real one: taking it before a long wait for the gate would let a later request start early.
                await _rate.AcquireAsync(cancellationToken).ConfigureAwait(false);
                var page = await send(url.AbsoluteUri, options, cancellationToken).ConfigureAwait(false);
                return page ?? throw new ExposureSourceException(_providerName, $"Graph returned no body for {resource}.", requestId: RequestId(headers.ResponseHeaders, null));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (ApiException ex) when (ex.InnerException is JsonException json)
            {
                // Kiota 2 wraps a body its JSON parse node cannot read in an ApiException; Kiota 1 let the
                // JsonException through (caught below). Either way it is a malformed page, never retried.
                throw NotJson(resource, json, headers.ResponseHeaders);
            }
            catch (ApiException ex)
            {
                failure = Classify(ex);
            }
            catch (HttpRequestException ex)
            {
                failure = new Failure(ex, ex.StatusCode is { } code ? (int)code : null, null, null, Transient: true, RetryAfter: null);
            }
            catch (TaskCanceledException ex)
            {
                // The HTTP client timed out (the caller did not cancel).
                failure = new Failure(ex, null, null, null, Transient: true, RetryAfter: null);
            }
            catch (JsonException ex)
            {
                throw NotJson(resource, ex, headers.ResponseHeaders);
            }
            catch (InvalidOperationException ex) when (ex.Source?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true)
            {
                // A string or property name the JSON reader cannot turn into text (invalid UTF-8, an escaped lone
                // surrogate) is a malformed page like any other (issue 17, found by fuzzing).
                throw new ExposureSourceException(_providerName, $"Graph returned a {resource} page with text that is not valid UTF-8 or holds an escaped lone surrogate ({ex.Message})", ex, statusCode: 200, requestId: RequestId(headers.ResponseHeaders, null), field: resource);
            }
            finally
            {
                _gate.Release();
            }

            if (!failure.Transient)
            {
                throw ToException(resource, failure, $"Graph request for {resource} failed");
            }

            if (retry >= _settings.MaxRetries)
            {
                throw ToException(resource, failure, $"Graph request for {resource} still failed after {retry} retr{(retry == 1 ? "y" : "ies")}");
            }

            var delay = failure.RetryAfter ?? RetryDelay.Backoff(retry + 1, _settings.RetryBaseDelay, _settings.MaxRetryDelay);
            if (delay > _settings.MaxRetryDelay)
            {
                throw ToException(resource, failure, $"Graph asked to retry {resource} after {delay.TotalSeconds:0} s, longer than MicrosoftGraphProviderOptions.MaxRetryDelay ({_settings.MaxRetryDelay.TotalSeconds:0} s)");
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
        _rate.Dispose();
    }

    private ExposureSourceException NotJson(string resource, JsonException ex, IDictionary<string, IEnumerable<string>>? headers) =>
        new(_providerName, $"Graph returned a {resource} page that is not valid JSON ({ex.Message}).", ex, statusCode: 200, requestId: RequestId(headers, null), field: ex.Path);

    private Failure Classify(ApiException ex)
    {
        var status = ex.ResponseStatusCode;
        var error = (ex as ODataError)?.Error;
        var transient = status is 429 or 503 or 504;
        TimeSpan? retryAfter = transient
            ? RetryDelay.FromRetryAfter(Header(ex.ResponseHeaders, "Retry-After"), _timeProvider.GetUtcNow())
            : null;
        var requestId = RequestId(ex.ResponseHeaders, error?.InnerError);
        return new Failure(ex, status == 0 ? null : status, error?.Code, requestId, transient, retryAfter);
    }

    private ExposureSourceException ToException(string resource, Failure failure, string what)
    {
        var detail = failure.Exception is ApiException { } api && api is ODataError { Error.Message: { Length: > 0 } message }
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

    private static string? RequestId(IDictionary<string, IEnumerable<string>>? headers, InnerError? innerError)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (Header(headers, name) is { Length: > 0 } id)
            {
                return id;
            }
        }

        return innerError?.RequestId ?? innerError?.ClientRequestId;
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 4150, Level = LogLevel.Warning, Message = "Graph request for {Resource} failed with status {Status}; retry {Retry} in {DelayMilliseconds} ms.")]
        public static partial void Retrying(ILogger logger, string resource, int status, int retry, double delayMilliseconds);
    }

    private sealed record Failure(Exception Exception, int? StatusCode, string? ErrorCode, string? RequestId, bool Transient, TimeSpan? RetryAfter);
}
