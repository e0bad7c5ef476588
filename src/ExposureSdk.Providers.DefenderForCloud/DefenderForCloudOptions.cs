using System.ComponentModel.DataAnnotations;

namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>
/// Settings of <see cref="DefenderForCloudProvider"/>. The provider validates and copies them when it is
/// created, so changing the object afterwards has no effect on it.
/// </summary>
/// <remarks>
/// The rules are DataAnnotations (and <see cref="Validate"/> for the ones that span properties or read a
/// URL or a list) checked by a source-generated validator, the SDK's one options style: in a host when it
/// starts (<c>AddDefenderForCloud</c> registers it with <c>ValidateOnStart</c>; an invalid value fails with an
/// <c>OptionsValidationException</c>), and by the provider's constructor and <c>Create</c> otherwise (an
/// <see cref="ArgumentException"/>, parameter <c>options</c>). Either way the message names each invalid
/// option, for example <c>The field DefenderForCloudOptions.PageSize must be between 1 and 1000.</c>
/// (in a host the range messages name the options instance instead: <c>DefenderForCloud.PageSize</c>).
/// </remarks>
public sealed class DefenderForCloudOptions : IValidatableObject
{
    /// <summary>The most rows Azure Resource Graph returns in one page.</summary>
    public const int MaxPageSizeLimit = 1000;

    /// <summary>The most subscriptions one Azure Resource Graph query names (Resource Graph's batching guidance).</summary>
    public const int MaxSubscriptionBatchSizeLimit = 1000;

    /// <summary>The most requests one provider may have in flight.</summary>
    public const int MaxConcurrencyLimit = 16;

    /// <summary>
    /// The Azure Resource Manager endpoint, for example <c>https://management.azure.com</c> (the default,
    /// <see cref="AzureResourceManagerCloud.Global"/>); see <see cref="AzureResourceManagerCloud"/> for the
    /// national clouds. Must be an absolute https URL without a path (http is accepted only for a loopback
    /// host, for tests). Every request goes to this host and port, and only requests to it carry the token.
    /// </summary>
    [Required]
    public Uri BaseUrl { get; set; } = AzureResourceManagerCloud.Global;

    /// <summary>How the subscriptions are read: <see cref="DefenderForCloudReadPath.ResourceGraph"/> (the default) or <see cref="DefenderForCloudReadPath.Rest"/>.</summary>
    [EnumDataType(typeof(DefenderForCloudReadPath), ErrorMessage = "The field {0} must be a defined DefenderForCloudReadPath value (ResourceGraph or Rest).")]
    public DefenderForCloudReadPath ReadPath { get; set; } = DefenderForCloudReadPath.ResourceGraph;

    /// <summary>
    /// The subscription ids to read (GUIDs). Empty (the default): every subscription that
    /// <c>GET /subscriptions</c> lists for the credential. A given subscription that the credential
    /// cannot list is reported as failed, not silently skipped.
    /// </summary>
    public IList<string> Subscriptions { get; } = [];

    /// <summary>Subscription ids (GUIDs) never read, even when listed or given.</summary>
    public IList<string> ExcludedSubscriptions { get; } = [];

    /// <summary>Rows per Azure Resource Graph page (<c>$top</c>): 1 to 1,000 (the default, Resource Graph's maximum).</summary>
    [Range(1, MaxPageSizeLimit)]
    public int PageSize { get; set; } = MaxPageSizeLimit;

    /// <summary>Subscriptions named in one Azure Resource Graph query: 1 to 1,000 (the default).</summary>
    [Range(1, MaxSubscriptionBatchSizeLimit)]
    public int SubscriptionBatchSize { get; set; } = MaxSubscriptionBatchSizeLimit;

    /// <summary>
    /// The most pages read from one collection or query (1 to 1,000,000; default 10,000, that is ten
    /// million Resource Graph rows). Reaching the cap with a <c>nextLink</c> or <c>$skipToken</c> still
    /// pending fails the read with an <see cref="ExposureSourceException"/> instead of truncating it.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxPages { get; set; } = 10_000;

    /// <summary>The most requests in flight at once from one provider: 1 to 16 (default 4).</summary>
    [Range(1, MaxConcurrencyLimit)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// The size of the provider's read bucket, mirroring Azure Resource Manager's per-principal token bucket
    /// for reads (domain rules §6: 250, refilled 25 a second): 1 to 250 (default 250). Every request,
    /// retries and pages included, takes one token; an empty bucket waits for the refill.
    /// </summary>
    [Range(1, 250)]
    public int ReadBucketCapacity { get; set; } = 250;

    /// <summary>Tokens added to the read bucket per second: 1 to 25 (default 25, ARM's refill rate).</summary>
    [Range(1, 25)]
    public int ReadBucketRefillPerSecond { get; set; } = 25;

    /// <summary>
    /// How many times a throttled or transiently failed request is retried: 0 to 10 (default 4). Retried:
    /// HTTP 429, 503 and 504, network failures and HTTP timeouts; other statuses are not.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>
    /// The first backoff delay when a response has no <c>Retry-After</c> (default 1 second); the n-th retry
    /// waits <c>RetryBaseDelay × 2^(n−1)</c>, at most <see cref="MaxRetryDelay"/>. Zero or more.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait (default 2 minutes; at least <see cref="RetryBaseDelay"/>). A
    /// <c>Retry-After</c> or a Resource Graph quota reset longer than this fails the request with an
    /// <see cref="ExposureSourceException"/> instead of waiting less than the service asked.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The rules no attribute states: <see cref="BaseUrl"/> is an absolute https URL (http only for a
    /// loopback host) that is the bare ARM endpoint, without a path, query, fragment or user information;
    /// every entry of <see cref="Subscriptions"/> and <see cref="ExcludedSubscriptions"/> is a subscription id
    /// (a GUID); <see cref="RetryBaseDelay"/> is not negative and <see cref="MaxRetryDelay"/> is at least
    /// <see cref="RetryBaseDelay"/>.
    /// </summary>
    /// <param name="validationContext">The validation context.</param>
    /// <returns>The failures, each naming its option.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { } baseUrl)
        {
            if (!baseUrl.IsAbsoluteUri || !(baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && baseUrl.IsLoopback)))
            {
                yield return new ValidationResult($"The field DefenderForCloudOptions.{nameof(BaseUrl)} must be an absolute https URL (http only for a loopback host); got '{baseUrl.OriginalString}'.", [nameof(BaseUrl)]);
            }
            else if (baseUrl.AbsolutePath.Trim('/').Length > 0 || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment) || !string.IsNullOrEmpty(baseUrl.UserInfo))
            {
                yield return new ValidationResult($"The field DefenderForCloudOptions.{nameof(BaseUrl)} must be the bare ARM endpoint, without a path, query, fragment or user information; got '{baseUrl.OriginalString}'.", [nameof(BaseUrl)]);
            }
        }

        foreach (var failure in SubscriptionIdFailures(Subscriptions, nameof(Subscriptions)).Concat(SubscriptionIdFailures(ExcludedSubscriptions, nameof(ExcludedSubscriptions))))
        {
            yield return failure;
        }

        if (RetryBaseDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field DefenderForCloudOptions.{nameof(RetryBaseDelay)} must not be negative; got {RetryBaseDelay}."), [nameof(RetryBaseDelay)]);
        }

        if (MaxRetryDelay < RetryBaseDelay)
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field DefenderForCloudOptions.{nameof(MaxRetryDelay)} must be at least {nameof(RetryBaseDelay)} ({RetryBaseDelay}); got {MaxRetryDelay}."), [nameof(MaxRetryDelay)]);
        }
    }

    private static IEnumerable<ValidationResult> SubscriptionIdFailures(IList<string> ids, string name)
    {
        foreach (var id in ids)
        {
            if (id is null || !Guid.TryParseExact(id.Trim(), "D", out _))
            {
                yield return new ValidationResult($"The field DefenderForCloudOptions.{name} contains '{id}', which is not a subscription id (a GUID such as 20ff7fc3-e762-44dd-bd96-b71116dcdc23).", [name]);
            }
        }
    }
}
