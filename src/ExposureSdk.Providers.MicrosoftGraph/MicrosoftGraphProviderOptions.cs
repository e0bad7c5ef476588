using System.ComponentModel.DataAnnotations;

namespace ExposureSdk.Providers.MicrosoftGraph;

/// <summary>
/// Settings of <see cref="MicrosoftGraphSecureScoreProvider"/>. The provider validates and copies them
/// when it is created, so changing the object afterwards has no effect on it.
/// </summary>
/// <remarks>
/// The rules are DataAnnotations (and <see cref="Validate"/> for the ones that span properties or read a
/// URL) checked by a source-generated validator, the SDK's one options style: in a host when it starts
/// (<c>AddMicrosoftGraphSecureScore</c> registers it with <c>ValidateOnStart</c>; an invalid value fails with
/// an <c>OptionsValidationException</c>), and by the provider's constructor and <c>Create</c> otherwise (an
/// <see cref="ArgumentException"/>, parameter <c>options</c>). Either way the message names each invalid
/// option, for example <c>The field MicrosoftGraphProviderOptions.MaxRequestsPerMinute must be between 1 and 150.</c>
/// (in a host the range messages name the options instance instead: <c>MicrosoftGraph.MaxRequestsPerMinute</c>).
/// </remarks>
public sealed class MicrosoftGraphProviderOptions : IValidatableObject
{
    /// <summary>The most concurrent requests Graph allows to the Secure Score endpoints (domain rules §5).</summary>
    public const int MaxConcurrencyLimit = 4;

    /// <summary>The most requests per minute Graph allows per tenant (domain rules §5).</summary>
    public const int MaxRequestsPerMinuteLimit = 150;

    /// <summary>The most days of Secure Score history Graph keeps.</summary>
    public const int MaxHistoryDays = 90;

    /// <summary>
    /// The Graph base URL including the version segment, for example
    /// <c>https://graph.microsoft.com/v1.0</c> (the default, <see cref="MicrosoftGraphCloud.Global"/>).
    /// Use <see cref="MicrosoftGraphCloud"/> for the national clouds. Must be an absolute https URL
    /// (http is accepted only for a loopback host, for tests). This URL is used as given; the request
    /// adapter's own <c>BaseUrl</c> is ignored, so requests never go to another host.
    /// </summary>
    [Required]
    public Uri BaseUrl { get; set; } = MicrosoftGraphCloud.Global;

    /// <summary>
    /// Further host names (besides the host of <see cref="BaseUrl"/>) that an <c>@odata.nextLink</c> may
    /// point to and, with <see cref="MicrosoftGraphSecureScoreProvider.Create(Uri, Func{CancellationToken, ValueTask{string}}, MicrosoftGraphProviderOptions?, TimeProvider?, Microsoft.Extensions.Logging.ILogger?)"/> or <see cref="MicrosoftGraphSecureScoreProvider.Create(Uri, Azure.Core.TokenCredential, MicrosoftGraphProviderOptions?, TimeProvider?, Microsoft.Extensions.Logging.ILogger?)"/>,
    /// that receive the access token. Empty by default: a link to any other host fails with an
    /// <see cref="ExposureSourceException"/> and nothing is sent there.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>How many days of Secure Score history to read: 1 to 90 (the default, Graph's maximum), sent as <c>$top</c>.</summary>
    [Range(1, MaxHistoryDays)]
    public int HistoryDays { get; set; } = MaxHistoryDays;

    /// <summary>
    /// The most pages the provider reads from one collection (1 to 10,000; default 100). Reaching the cap
    /// with a next link still pending fails with an <see cref="ExposureSourceException"/> rather than
    /// returning a silently truncated list.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxPages { get; set; } = 100;

    /// <summary>The most requests in flight at once from one provider: 1 to 4 (the default, Graph's limit).</summary>
    [Range(1, MaxConcurrencyLimit)]
    public int MaxConcurrency { get; set; } = MaxConcurrencyLimit;

    /// <summary>
    /// The most requests one provider starts within any sliding 60-second window: 1 to 150 (the default,
    /// Graph's limit per tenant). Every request counts, retries and further pages included; when the window
    /// is full the next request waits (on the provider's <see cref="TimeProvider"/>, cancellable) until the
    /// oldest request in it is 60 seconds old. The limit is per provider instance and shared by all its
    /// reads, so use one provider instance per tenant (several instances for one tenant each get the full limit).
    /// </summary>
    [Range(1, MaxRequestsPerMinuteLimit)]
    public int MaxRequestsPerMinute { get; set; } = MaxRequestsPerMinuteLimit;

    /// <summary>
    /// How many times a throttled or transiently failed request is retried: 0 to 10 (default 4). Retried:
    /// HTTP 429, 503 and 504, network failures and HTTP timeouts. HTTP 500 and other statuses are not retried.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>
    /// The first backoff delay when the response has no <c>Retry-After</c> header (default 1 second); the
    /// n-th retry waits <c>RetryBaseDelay × 2^(n−1)</c>, at most <see cref="MaxRetryDelay"/>. Zero or more.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait (default 2 minutes; at least <see cref="RetryBaseDelay"/>). A
    /// <c>Retry-After</c> (seconds or HTTP date) longer than this fails the request with an
    /// <see cref="ExposureSourceException"/> (status 429 or 503) instead of waiting less than Graph asked.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The rules no attribute states: <see cref="BaseUrl"/> is an absolute https URL (http only for a
    /// loopback host) without query, fragment or user information; every <see cref="AllowedHosts"/> entry
    /// is a host name; <see cref="RetryBaseDelay"/> is not negative and <see cref="MaxRetryDelay"/> is at
    /// least <see cref="RetryBaseDelay"/>.
    /// </summary>
    /// <param name="validationContext">The validation context.</param>
    /// <returns>The failures, each naming its option.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { } baseUrl)
        {
            if (!baseUrl.IsAbsoluteUri || !(baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && baseUrl.IsLoopback)))
            {
                yield return new ValidationResult($"The field MicrosoftGraphProviderOptions.{nameof(BaseUrl)} must be an absolute https URL (http only for a loopback host); got '{baseUrl.OriginalString}'.", [nameof(BaseUrl)]);
            }
            else if (!string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment) || !string.IsNullOrEmpty(baseUrl.UserInfo))
            {
                yield return new ValidationResult($"The field MicrosoftGraphProviderOptions.{nameof(BaseUrl)} must not carry a query, a fragment or user information; got '{baseUrl.OriginalString}'.", [nameof(BaseUrl)]);
            }
        }

        foreach (var host in AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim()) == UriHostNameType.Unknown)
            {
                yield return new ValidationResult($"The field MicrosoftGraphProviderOptions.{nameof(AllowedHosts)} contains '{host}', which is not a host name.", [nameof(AllowedHosts)]);
            }
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field MicrosoftGraphProviderOptions.{nameof(RetryBaseDelay)} must not be negative; got {RetryBaseDelay}."), [nameof(RetryBaseDelay)]);
        }

        if (MaxRetryDelay < RetryBaseDelay)
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field MicrosoftGraphProviderOptions.{nameof(MaxRetryDelay)} must be at least {nameof(RetryBaseDelay)} ({RetryBaseDelay}); got {MaxRetryDelay}."), [nameof(MaxRetryDelay)]);
        }
    }
}
