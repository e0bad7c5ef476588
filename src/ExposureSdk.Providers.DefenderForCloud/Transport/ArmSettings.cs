namespace ExposureSdk.Providers.DefenderForCloud.Transport;

/// <summary>A validated, immutable copy of <see cref="DefenderForCloudOptions"/>.</summary>
internal sealed class ArmSettings
{
    private ArmSettings(DefenderForCloudOptions options, Uri baseUrl, IReadOnlyList<string> subscriptions, IReadOnlySet<string> excluded)
    {
        BaseUrl = baseUrl;
        Host = baseUrl.IdnHost.ToLowerInvariant();
        ReadPath = options.ReadPath;
        Subscriptions = subscriptions;
        ExcludedSubscriptions = excluded;
        PageSize = options.PageSize;
        SubscriptionBatchSize = options.SubscriptionBatchSize;
        MaxPages = options.MaxPages;
        MaxConcurrency = options.MaxConcurrency;
        ReadBucketCapacity = options.ReadBucketCapacity;
        ReadBucketRefillPerSecond = options.ReadBucketRefillPerSecond;
        MaxRetries = options.MaxRetries;
        RetryBaseDelay = options.RetryBaseDelay;
        MaxRetryDelay = options.MaxRetryDelay;
    }

    /// <summary>The ARM endpoint without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The lower-case host of <see cref="BaseUrl"/>: the only host that is contacted and receives the token.</summary>
    public string Host { get; }

    public DefenderForCloudReadPath ReadPath { get; }

    /// <summary>The subscriptions given, lower case, in order, without duplicates; empty for every listed one.</summary>
    public IReadOnlyList<string> Subscriptions { get; }

    public IReadOnlySet<string> ExcludedSubscriptions { get; }

    public int PageSize { get; }

    public int SubscriptionBatchSize { get; }

    public int MaxPages { get; }

    public int MaxConcurrency { get; }

    public int ReadBucketCapacity { get; }

    public int ReadBucketRefillPerSecond { get; }

    public int MaxRetries { get; }

    public TimeSpan RetryBaseDelay { get; }

    public TimeSpan MaxRetryDelay { get; }

    /// <summary>The base URL as the <c>baseurl</c> path parameter of the request templates (no trailing slash).</summary>
    public string BaseUrlText => BaseUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>The OAuth scope of the ARM endpoint, for example <c>https://management.azure.com/.default</c>.</summary>
    public string Scope => BaseUrlText + "/.default";

    /// <summary>Validates and copies the options.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A numeric option is out of range.</exception>
    public static ArmSettings From(DefenderForCloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.BaseUrl ?? throw new ArgumentException("DefenderForCloudOptions.BaseUrl must be set.", nameof(options));
        if (!baseUrl.IsAbsoluteUri || !(baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && baseUrl.IsLoopback)))
        {
            throw new ArgumentException($"DefenderForCloudOptions.BaseUrl must be an absolute https URL (http only for a loopback host); got '{baseUrl.OriginalString}'.", nameof(options));
        }

        if (baseUrl.AbsolutePath.Trim('/').Length > 0 || !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment) || !string.IsNullOrEmpty(baseUrl.UserInfo))
        {
            throw new ArgumentException($"DefenderForCloudOptions.BaseUrl must be the bare ARM endpoint, without a path, query, fragment or user information; got '{baseUrl.OriginalString}'.", nameof(options));
        }

        if (!Enum.IsDefined(options.ReadPath))
        {
            throw new ArgumentException($"DefenderForCloudOptions.ReadPath has the unknown value {(int)options.ReadPath}.", nameof(options));
        }

        var subscriptions = SubscriptionIds(options.Subscriptions, nameof(options.Subscriptions));
        var excluded = SubscriptionIds(options.ExcludedSubscriptions, nameof(options.ExcludedSubscriptions)).ToHashSet(StringComparer.Ordinal);
        Range(options.PageSize, 1, DefenderForCloudOptions.MaxPageSizeLimit, nameof(options.PageSize));
        Range(options.SubscriptionBatchSize, 1, DefenderForCloudOptions.MaxSubscriptionBatchSizeLimit, nameof(options.SubscriptionBatchSize));
        Range(options.MaxPages, 1, 1_000_000, nameof(options.MaxPages));
        Range(options.MaxConcurrency, 1, DefenderForCloudOptions.MaxConcurrencyLimit, nameof(options.MaxConcurrency));
        Range(options.ReadBucketCapacity, 1, 250, nameof(options.ReadBucketCapacity));
        Range(options.ReadBucketRefillPerSecond, 1, 25, nameof(options.ReadBucketRefillPerSecond));
        Range(options.MaxRetries, 0, 10, nameof(options.MaxRetries));
        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RetryBaseDelay, "DefenderForCloudOptions.RetryBaseDelay must not be negative.");
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetryDelay, "DefenderForCloudOptions.MaxRetryDelay must be at least RetryBaseDelay.");
        }

        return new ArmSettings(options, new Uri(baseUrl.GetLeftPart(UriPartial.Authority)), subscriptions, excluded);
    }

    /// <summary>
    /// Whether a URL may be requested (and receive the token): the base URL's scheme, host and port, no
    /// user information.
    /// </summary>
    public bool IsAllowed(Uri url)
        => url.IsAbsoluteUri
            && string.Equals(url.Scheme, BaseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrEmpty(url.UserInfo)
            && string.Equals(url.IdnHost, Host, StringComparison.OrdinalIgnoreCase)
            && url.Port == BaseUrl.Port;

    private static List<string> SubscriptionIds(IList<string>? ids, string name)
    {
        var list = new List<string>();
        foreach (var id in ids ?? [])
        {
            if (id is null || !Guid.TryParseExact(id.Trim(), "D", out _))
            {
                throw new ArgumentException($"DefenderForCloudOptions.{name} contains '{id}', which is not a subscription id (a GUID such as 20ff7fc3-e762-44dd-bd96-b71116dcdc23).", nameof(ids));
            }

            var normalized = id.Trim().ToLowerInvariant();
            if (!list.Contains(normalized))
            {
                list.Add(normalized);
            }
        }

        return list;
    }

    private static void Range(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"DefenderForCloudOptions.{name} must be between {min} and {max}.");
        }
    }
}
