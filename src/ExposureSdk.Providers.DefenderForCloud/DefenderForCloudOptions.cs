namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>
/// Settings of <see cref="DefenderForCloudProvider"/>. The provider validates and copies them when it is
/// created, so changing the object afterwards has no effect on it.
/// </summary>
public sealed class DefenderForCloudOptions
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
    public Uri BaseUrl { get; set; } = AzureResourceManagerCloud.Global;

    /// <summary>How the subscriptions are read: <see cref="DefenderForCloudReadPath.ResourceGraph"/> (the default) or <see cref="DefenderForCloudReadPath.Rest"/>.</summary>
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
    public int PageSize { get; set; } = MaxPageSizeLimit;

    /// <summary>Subscriptions named in one Azure Resource Graph query: 1 to 1,000 (the default).</summary>
    public int SubscriptionBatchSize { get; set; } = MaxSubscriptionBatchSizeLimit;

    /// <summary>
    /// The most pages read from one collection or query (1 to 1,000,000; default 10,000, that is ten
    /// million Resource Graph rows). Reaching the cap with a <c>nextLink</c> or <c>$skipToken</c> still
    /// pending fails the read with an <see cref="ExposureSourceException"/> instead of truncating it.
    /// </summary>
    public int MaxPages { get; set; } = 10_000;

    /// <summary>The most requests in flight at once from one provider: 1 to 16 (default 4).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// The size of the provider's read bucket, mirroring Azure Resource Manager's per-principal token bucket
    /// for reads (domain rules §6: 250, refilled 25 a second): 1 to 250 (default 250). Every request,
    /// retries and pages included, takes one token; an empty bucket waits for the refill.
    /// </summary>
    public int ReadBucketCapacity { get; set; } = 250;

    /// <summary>Tokens added to the read bucket per second: 1 to 25 (default 25, ARM's refill rate).</summary>
    public int ReadBucketRefillPerSecond { get; set; } = 25;

    /// <summary>
    /// How many times a throttled or transiently failed request is retried: 0 to 10 (default 4). Retried:
    /// HTTP 429, 503 and 504, network failures and HTTP timeouts; other statuses are not.
    /// </summary>
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
}
