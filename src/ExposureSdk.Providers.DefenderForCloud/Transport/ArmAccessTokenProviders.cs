using Azure.Core;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ExposureSdk.Providers.DefenderForCloud.Transport;

/// <summary>
/// Hands a token to Kiota's bearer authentication only for URLs on the configured ARM host and port; for
/// any other URL it returns an empty token, so no Authorization header is sent there.
/// </summary>
internal sealed class ArmAccessTokenProvider : IAccessTokenProvider
{
    private readonly Func<CancellationToken, ValueTask<string>> _getToken;
    private readonly ArmSettings _settings;

    private ArmAccessTokenProvider(Func<CancellationToken, ValueTask<string>> getToken, ArmSettings settings)
    {
        _getToken = getToken;
        _settings = settings;
        AllowedHostsValidator = new AllowedHostsValidator([settings.Host]);
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    /// <summary>A provider that calls the caller's delegate.</summary>
    public static ArmAccessTokenProvider FromDelegate(Func<CancellationToken, ValueTask<string>> getToken, ArmSettings settings)
        => new(getToken, settings);

    /// <summary>
    /// A provider that asks an Azure.Core <see cref="TokenCredential"/> (for example <c>DefaultAzureCredential</c>)
    /// for a token for the ARM endpoint's <c>.default</c> scope; the credential caches and refreshes it.
    /// </summary>
    public static ArmAccessTokenProvider FromCredential(TokenCredential credential, ArmSettings settings)
    {
        var context = new TokenRequestContext([settings.Scope]);
        return new(async cancellationToken => (await credential.GetTokenAsync(context, cancellationToken).ConfigureAwait(false)).Token, settings);
    }

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
