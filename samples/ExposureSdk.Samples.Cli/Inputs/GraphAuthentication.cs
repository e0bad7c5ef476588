using Azure.Core;
using Azure.Identity;

namespace ExposureSdk.Samples.Cli.Inputs;

/// <summary>
/// How <c>--source graph</c> authenticates (<c>--auth</c>): an Azure.Identity credential, or an access
/// token read from an environment variable (<c>token-env</c>, with <c>--access-token-env NAME</c>).
/// </summary>
/// <param name="Mode">The <c>--auth</c> value: <c>azure-cli</c>, <c>environment</c>, <c>managed-identity</c> or <c>token-env</c>.</param>
/// <param name="TokenEnvironmentVariable">With <c>token-env</c>, the environment variable that holds the token; otherwise null.</param>
internal sealed record GraphAuthentication(string Mode, string? TokenEnvironmentVariable)
{
    /// <summary>The Azure CLI login (<c>az login</c>): <see cref="AzureCliCredential"/>.</summary>
    public const string AzureCli = "azure-cli";

    /// <summary>A service principal from <c>AZURE_TENANT_ID</c>, <c>AZURE_CLIENT_ID</c> and a secret or certificate: <see cref="EnvironmentCredential"/>.</summary>
    public const string Environment = "environment";

    /// <summary>The host's managed identity (user-assigned when <c>AZURE_CLIENT_ID</c> is set): <see cref="ManagedIdentityCredential"/>.</summary>
    public const string ManagedIdentity = "managed-identity";

    /// <summary>An access token from the environment variable named by <c>--access-token-env</c>.</summary>
    public const string TokenEnv = "token-env";

    /// <summary>The accepted <c>--auth</c> values.</summary>
    public static IReadOnlyList<string> Modes { get; } = [AzureCli, Environment, ManagedIdentity, TokenEnv];

    /// <summary>Reads <c>--auth</c> and <c>--access-token-env</c> together.</summary>
    /// <param name="auth">The <c>--auth</c> value, or null when not given.</param>
    /// <param name="tokenEnvironmentVariable">The <c>--access-token-env</c> value, or null when not given.</param>
    /// <returns>The authentication. Without <c>--auth</c>, <c>--access-token-env NAME</c> alone means <c>token-env</c> (as before <c>--auth</c> existed).</returns>
    /// <exception cref="InputException">Neither is given, the value is unknown, <c>token-env</c> lacks its variable, or a variable is given with a credential.</exception>
    public static GraphAuthentication Parse(string? auth, string? tokenEnvironmentVariable)
    {
        var hasVariable = !string.IsNullOrWhiteSpace(tokenEnvironmentVariable);
        if (auth is null)
        {
            return hasVariable
                ? new GraphAuthentication(TokenEnv, tokenEnvironmentVariable)
                : throw new InputException($"--source graph needs --auth {string.Join('|', Modes)} (token-env with --access-token-env NAME: the environment variable that holds the access token).");
        }

        var mode = Modes.FirstOrDefault(m => string.Equals(m, auth.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InputException($"--auth: '{auth}' is not one of {string.Join(", ", Modes)}.");
        if (mode == TokenEnv)
        {
            return hasVariable
                ? new GraphAuthentication(mode, tokenEnvironmentVariable)
                : throw new InputException("--auth token-env needs --access-token-env NAME: the environment variable that holds the access token.");
        }

        return hasVariable
            ? throw new InputException($"--access-token-env goes with --auth token-env only; --auth {mode} gets its token from Azure.Identity.")
            : new GraphAuthentication(mode, null);
    }

    /// <summary>
    /// The Azure.Identity credential of a credential mode, checked only for what can be checked without
    /// calling Azure (for <c>environment</c>: that the variables it reads are set).
    /// </summary>
    /// <param name="getEnvironmentVariable">Reads an environment variable (the process's in the CLI).</param>
    /// <returns>The credential; it is asked for a token only when Graph is read.</returns>
    /// <exception cref="InputException"><c>environment</c> without <c>AZURE_TENANT_ID</c>, <c>AZURE_CLIENT_ID</c> and a secret or certificate path.</exception>
    /// <exception cref="InvalidOperationException">The mode is <c>token-env</c>, which has no credential.</exception>
    public TokenCredential CreateCredential(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        switch (Mode)
        {
            case AzureCli:
                return new AzureCliCredential();
            case Environment:
                var missing = new[] { "AZURE_TENANT_ID", "AZURE_CLIENT_ID" }.Where(n => string.IsNullOrWhiteSpace(getEnvironmentVariable(n))).ToList();
                if (string.IsNullOrWhiteSpace(getEnvironmentVariable("AZURE_CLIENT_SECRET")) && string.IsNullOrWhiteSpace(getEnvironmentVariable("AZURE_CLIENT_CERTIFICATE_PATH")))
                {
                    missing.Add("AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH");
                }

                return missing.Count == 0
                    ? new EnvironmentCredential()
                    : throw new InputException($"--auth environment: set {string.Join(", ", missing)} (a service principal with the Graph permission SecurityEvents.Read.All).");
            case ManagedIdentity:
                var clientId = getEnvironmentVariable("AZURE_CLIENT_ID");
                return string.IsNullOrWhiteSpace(clientId)
                    ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                    : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            default:
                throw new InvalidOperationException($"--auth {Mode} has no Azure.Identity credential.");
        }
    }
}
