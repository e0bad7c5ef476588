using ExposureSdk.Internal;
using ExposureSdk.Providers.MicrosoftGraph.DependencyInjection;

namespace ExposureSdk.Providers.MicrosoftGraph.Transport;

/// <summary>A validated, immutable copy of <see cref="MicrosoftGraphProviderOptions"/>.</summary>
internal sealed class GraphSettings
{
    private static readonly MicrosoftGraphProviderOptionsValidator Validator = new();

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

    /// <summary>Validates the options (the generated validator, as in a host) and copies them.</summary>
    /// <exception cref="ArgumentException">An option is invalid (parameter <c>options</c>; the message names each).</exception>
    public static GraphSettings From(MicrosoftGraphProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OptionsValidation.ThrowIfInvalid(Validator, options, nameof(options));
        var baseUrl = options.BaseUrl;
        var hosts = new List<string> { baseUrl.IdnHost.ToLowerInvariant() };
        foreach (var host in options.AllowedHosts)
        {
            var normalized = host.Trim().ToLowerInvariant();
            if (!hosts.Contains(normalized))
            {
                hosts.Add(normalized);
            }
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
}
