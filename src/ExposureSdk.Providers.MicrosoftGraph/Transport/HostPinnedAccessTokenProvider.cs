using Azure.Core;
using Microsoft.Kiota.Abstractions.Authentication;

namespace ExposureSdk.Providers.MicrosoftGraph.Transport;

/// <summary>
/// Hands a token to Kiota's bearer authentication only for URLs the provider may contact (its configured
/// host and port, plus any extra allowed host); for any other URL it returns an empty token, so no
/// Authorization header is sent there. The token comes from the caller's delegate or from an Azure.Core
/// <see cref="TokenCredential"/> (for example <c>DefaultAzureCredential</c>), which caches and refreshes it.
/// </summary>
/// <remarks>
/// One source for every Kiota provider of the SDK: the Microsoft Graph provider compiles it here and the
/// Defender for Cloud provider links this file. Neither the token nor the credential's errors are logged.
/// </remarks>
internal sealed class HostPinnedAccessTokenProvider : IAccessTokenProvider
{
    /// <summary>What a token is replaced with in text (<see cref="Redact"/>).</summary>
    public const string Redacted = "[redacted]";

    /// <summary>How many of the latest tokens <see cref="Redact"/> knows (a credential refreshes its token now and then).</summary>
    private const int RememberedTokens = 4;

    private readonly Func<CancellationToken, ValueTask<string>> _getToken;
    private readonly Func<Uri, bool> _isAllowed;
    private readonly Lock _gate = new();
    private string[] _issued = [];

    private HostPinnedAccessTokenProvider(Func<CancellationToken, ValueTask<string>> getToken, IEnumerable<string> hosts, Func<Uri, bool> isAllowed)
    {
        _getToken = getToken;
        _isAllowed = isAllowed;
        AllowedHostsValidator = new AllowedHostsValidator(hosts);
    }

    /// <summary>The hosts that may receive the token (scheme and port are checked by the allow rule too).</summary>
    public AllowedHostsValidator AllowedHostsValidator { get; }

    /// <summary>A provider that calls the caller's delegate.</summary>
    /// <param name="getToken">Returns the access token.</param>
    /// <param name="hosts">The hosts that may receive it.</param>
    /// <param name="isAllowed">The full rule (scheme, host, port, no user information) a URL must pass.</param>
    public static HostPinnedAccessTokenProvider FromDelegate(Func<CancellationToken, ValueTask<string>> getToken, IEnumerable<string> hosts, Func<Uri, bool> isAllowed)
        => new(getToken, hosts, isAllowed);

    /// <summary>A provider that asks <paramref name="credential"/> for a token for <paramref name="scope"/>.</summary>
    /// <param name="credential">The credential; it caches and refreshes the token.</param>
    /// <param name="scope">The scope asked for, for example <c>https://graph.microsoft.com/.default</c>.</param>
    /// <param name="hosts">The hosts that may receive it.</param>
    /// <param name="isAllowed">The full rule (scheme, host, port, no user information) a URL must pass.</param>
    public static HostPinnedAccessTokenProvider FromCredential(TokenCredential credential, string scope, IEnumerable<string> hosts, Func<Uri, bool> isAllowed)
    {
        var context = new TokenRequestContext([scope]);
        return new(async cancellationToken => (await credential.GetTokenAsync(context, cancellationToken).ConfigureAwait(false)).Token, hosts, isAllowed);
    }

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!AllowedHostsValidator.IsUrlHostValid(uri) || !_isAllowed(uri))
        {
            return string.Empty;
        }

        var token = await _getToken(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        Remember(token);
        return token;
    }

    /// <summary>
    /// Replaces every token this provider handed out (the latest few) in <paramref name="text"/> with
    /// <see cref="Redacted"/>: a server or proxy that repeats the request's Authorization header in its error message
    /// must not carry the token into an exception message, a log or a refresh result.
    /// </summary>
    /// <param name="text">Text that may hold a token (a server's error message, code or request id).</param>
    /// <returns>The text without any token.</returns>
    public string Redact(string text)
    {
        foreach (var token in Volatile.Read(ref _issued))
        {
            text = text.Replace(token, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    private void Remember(string token)
    {
        // Very short values are not secrets worth hiding (and would redact ordinary words).
        if (token.Length < 8 || Array.IndexOf(Volatile.Read(ref _issued), token) >= 0)
        {
            return;
        }

        lock (_gate)
        {
            if (Array.IndexOf(_issued, token) < 0)
            {
                Volatile.Write(ref _issued, [token, .. _issued.Take(RememberedTokens - 1)]);
            }
        }
    }
}
