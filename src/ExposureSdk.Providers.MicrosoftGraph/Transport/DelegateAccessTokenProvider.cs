using Microsoft.Kiota.Abstractions.Authentication;

namespace ExposureSdk.Providers.MicrosoftGraph.Transport;

/// <summary>
/// Hands the caller's token to Kiota's bearer authentication, but only for URLs the settings allow
/// (the configured Graph host and port, or an extra allowed host): for any other URL it returns an
/// empty token, so no Authorization header is sent.
/// </summary>
internal sealed class DelegateAccessTokenProvider : IAccessTokenProvider
{
    private readonly Func<CancellationToken, ValueTask<string>> _getToken;
    private readonly GraphSettings _settings;

    public DelegateAccessTokenProvider(Func<CancellationToken, ValueTask<string>> getToken, GraphSettings settings)
    {
        _getToken = getToken;
        _settings = settings;
        AllowedHostsValidator = new AllowedHostsValidator(settings.AllowedHosts);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!AllowedHostsValidator.IsUrlHostValid(uri) || !_settings.IsAllowed(uri))
        {
            return string.Empty;
        }

        return await _getToken(cancellationToken).ConfigureAwait(false) ?? string.Empty;
    }
}
