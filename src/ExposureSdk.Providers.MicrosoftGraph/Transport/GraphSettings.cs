namespace ExposureSdk.Providers.MicrosoftGraph.Transport;

/// <summary>A validated, immutable copy of <see cref="MicrosoftGraphProviderOptions"/>.</summary>
internal sealed class GraphSettings
{
    private GraphSettings(Uri baseUrl, IReadOnlyList<string> allowedHosts, int historyDays, int maxPages, int maxConcurrency, int maxRequestsPerMinute, int maxRetries, TimeSpan retryBaseDelay, TimeSpan maxRetryDelay)
    {
        BaseUrl = baseUrl;
        AllowedHosts = allowedHosts;
        HistoryDays = historyDays;
        MaxPages = maxPages;
        MaxConcurrency = maxConcurrency;
        MaxRequestsPerMinute = maxRequestsPerMinute;
        MaxRetries = maxRetries;
        RetryBaseDelay = retryBaseDelay;
        MaxRetryDelay = maxRetryDelay;
    }

    /// <summary>The base URL without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The host of <see cref="BaseUrl"/> followed by the extra allowed hosts, lower case.</summary>
    public IReadOnlyList<string> AllowedHosts { get; }

    public int HistoryDays { get; }

    public int MaxPages { get; }

    public int MaxConcurrency { get; }

    public int MaxRequestsPerMinute { get; }

    public int MaxRetries { get; }

    public TimeSpan RetryBaseDelay { get; }

    public TimeSpan MaxRetryDelay { get; }

    /// <summary>
    /// The scope a <c>TokenCredential</c> is asked for: the base URL's scheme, host and port followed by
    /// <c>/.default</c>, for example <c>https://graph.microsoft.com/.default</c>.
    /// </summary>
    public string Scope => BaseUrl.GetLeftPart(UriPartial.Authority) + "/.default";

    /// <summary>The base URL as the <c>baseurl</c> path parameter of the request templates (no trailing slash).</summary>
    public string BaseUrlText => BaseUrl.AbsoluteUri.TrimEnd('/');

    public static GraphSettings From(MicrosoftGraphProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.BaseUrl ?? throw new ArgumentException("MicrosoftGraphProviderOptions.BaseUrl must be set.", nameof(options));
        if (!baseUrl.IsAbsoluteUri || !(baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && baseUrl.IsLoopback)))
        {
            throw new ArgumentException($"MicrosoftGraphProviderOptions.BaseUrl must be an absolute https URL (http only for a loopback host); got '{baseUrl.OriginalString}'.", nameof(options));
        }

        if (!string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment) || !string.IsNullOrEmpty(baseUrl.UserInfo))
        {
            throw new ArgumentException($"MicrosoftGraphProviderOptions.BaseUrl must not carry a query, a fragment or user information; got '{baseUrl.OriginalString}'.", nameof(options));
        }

        var hosts = new List<string> { baseUrl.IdnHost.ToLowerInvariant() };
        foreach (var host in options.AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim()) == UriHostNameType.Unknown)
            {
                throw new ArgumentException($"MicrosoftGraphProviderOptions.AllowedHosts contains '{host}', which is not a host name.", nameof(options));
            }

            var normalized = host.Trim().ToLowerInvariant();
            if (!hosts.Contains(normalized))
            {
                hosts.Add(normalized);
            }
        }

        Range(options.HistoryDays, 1, MicrosoftGraphProviderOptions.MaxHistoryDays, nameof(options.HistoryDays), nameof(options));
        Range(options.MaxPages, 1, 10_000, nameof(options.MaxPages), nameof(options));
        Range(options.MaxConcurrency, 1, MicrosoftGraphProviderOptions.MaxConcurrencyLimit, nameof(options.MaxConcurrency), nameof(options));
        Range(options.MaxRequestsPerMinute, 1, MicrosoftGraphProviderOptions.MaxRequestsPerMinuteLimit, nameof(options.MaxRequestsPerMinute), nameof(options));
        Range(options.MaxRetries, 0, 10, nameof(options.MaxRetries), nameof(options));
        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RetryBaseDelay, "MicrosoftGraphProviderOptions.RetryBaseDelay must not be negative.");
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetryDelay, "MicrosoftGraphProviderOptions.MaxRetryDelay must be at least RetryBaseDelay.");
        }

        var trimmed = new Uri(baseUrl.AbsoluteUri.TrimEnd('/'));
        return new GraphSettings(trimmed, hosts.AsReadOnly(), options.HistoryDays, options.MaxPages, options.MaxConcurrency, options.MaxRequestsPerMinute, options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay);
    }

    /// <summary>
    /// Whether a URL may be requested (and receive the token): same scheme as the base URL, and either
    /// the base URL's host and port or one of the extra allowed hosts on its default port.
    /// </summary>
    public bool IsAllowed(Uri url)
    {
        if (!url.IsAbsoluteUri || !string.Equals(url.Scheme, BaseUrl.Scheme, StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }

        var host = url.IdnHost.ToLowerInvariant();
        if (string.Equals(host, AllowedHosts[0], StringComparison.Ordinal))
        {
            return url.Port == BaseUrl.Port;
        }

        return url.IsDefaultPort && AllowedHosts.Skip(1).Contains(host, StringComparer.Ordinal);
    }

    private static void Range(int value, int min, int max, string name, string paramName)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"MicrosoftGraphProviderOptions.{name} must be between {min} and {max}.");
        }
    }
}
