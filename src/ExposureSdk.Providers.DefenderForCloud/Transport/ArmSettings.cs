using ExposureSdk.Internal;
using ExposureSdk.Providers.DefenderForCloud.DependencyInjection;

namespace ExposureSdk.Providers.DefenderForCloud.Transport;

/// <summary>A validated, immutable copy of <see cref="DefenderForCloudOptions"/>.</summary>
internal sealed class ArmSettings
{
    private static readonly DefenderForCloudOptionsValidator Validator = new();

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

    /// <summary>Validates the options (the generated validator, as in a host) and copies them.</summary>
    /// <exception cref="ArgumentException">An option is invalid (parameter <c>options</c>; the message names each).</exception>
    public static ArmSettings From(DefenderForCloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidation.ThrowIfInvalid(Validator, options, nameof(options));
        var baseUrl = options.BaseUrl;
        var subscriptions = SubscriptionIds(options.Subscriptions);
        var excluded = SubscriptionIds(options.ExcludedSubscriptions).ToHashSet(StringComparer.Ordinal);
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

    /// <summary>The ids (already validated as GUIDs) trimmed, lower case, in order, without duplicates.</summary>
    private static List<string> SubscriptionIds(IList<string> ids)
    {
        var list = new List<string>();
        foreach (var id in ids)
        {
            var normalized = id.Trim().ToLowerInvariant();
            if (!list.Contains(normalized))
            {
                list.Add(normalized);
            }
        }

        return list;
    }
}
