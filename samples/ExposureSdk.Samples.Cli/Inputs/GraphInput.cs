using Azure.Identity;
using ExposureSdk.Catalog;
using ExposureSdk.Providers;
using ExposureSdk.Providers.MicrosoftGraph;

namespace ExposureSdk.Samples.Cli.Inputs;

/// <summary>Reads today's Secure Score recommendations from Microsoft Graph (<c>--source graph</c>) and applies the built-in catalog.</summary>
internal static class GraphInput
{
    /// <summary>The public cloud's v1.0 endpoint.</summary>
    public static string DefaultBaseUrl { get; } = MicrosoftGraphCloud.Global.ToString();

    /// <summary>Pulls the recommendations and builds a snapshot scored with the built-in initiatives.</summary>
    /// <param name="baseUrl">The Graph base URL.</param>
    /// <param name="authentication">How to authenticate: an Azure.Identity credential, or the environment variable holding the access token (its value is never printed).</param>
    /// <param name="withHistory">Whether to read the Secure Score history too (for trends and events).</param>
    /// <param name="warn">Receives a warning when the history cannot be read (today's scores are still shown).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>
    /// The input: today, and as history the days Graph recorded before today (the last 13, each mapped from
    /// that day's control scores and scored with the built-in catalog), so trends and events work at once.
    /// </returns>
    /// <exception cref="InputException">The URL, the token or the credential's settings are missing or invalid, the credential could not get a token, or Graph failed (the message names the status and request id, never the token).</exception>
    public static async Task<TenantInput> LoadAsync(string baseUrl, GraphAuthentication authentication, bool withHistory, Action<string> warn, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            throw new InputException($"--graph-base-url: '{baseUrl}' is not an absolute URL.");
        }

        MicrosoftGraphSecureScoreProvider provider;
        try
        {
            if (authentication.Mode == GraphAuthentication.TokenEnv)
            {
                var token = Environment.GetEnvironmentVariable(authentication.TokenEnvironmentVariable!);
                if (string.IsNullOrWhiteSpace(token))
                {
                    throw new InputException($"--access-token-env: the environment variable '{authentication.TokenEnvironmentVariable}' is not set or empty.");
                }

                provider = MicrosoftGraphSecureScoreProvider.Create(uri, _ => ValueTask.FromResult(token));
            }
            else
            {
                provider = MicrosoftGraphSecureScoreProvider.Create(uri, authentication.CreateCredential(Environment.GetEnvironmentVariable));
            }
        }
        catch (ArgumentException ex)
        {
            throw new InputException($"--graph-base-url: {ex.Message}", ex);
        }

        using (provider)
        {
            var recommendations = new List<Recommendation>();
            SourceCoverage coverage;
            try
            {
                // One pull: its coverage says whether Secure Score is active (domain rules §2) and gives Graph's own points.
                var context = new SourcePullContext(TimeProvider.System.GetUtcNow());
                await using (context)
                {
                    var batch = await provider.PullAsync(context, cancellationToken);
                    await foreach (var recommendation in batch.Recommendations.WithCancellation(cancellationToken))
                    {
                        recommendations.Add(recommendation);
                    }

                    coverage = context.Coverage ?? SourceCoverage.Active;
                }
            }
            catch (ExposureSourceException ex)
            {
                throw new InputException($"{uri.Host}: {ex.Message}", ex);
            }
            catch (AuthenticationFailedException ex)
            {
                // CredentialUnavailableException (no az login, no managed identity here...) derives from it.
                throw new InputException($"--auth {authentication.Mode}: no token for {uri.Host}: {ex.Message}", ex);
            }

            var now = TimeProvider.System.GetUtcNow();
            var snapshot = ExposureCatalog.BuiltIn.ApplyTo(new ExposureSnapshot(uri.Host, now, recommendations));
            var history = withHistory ? await ReadHistoryAsync(provider, uri, now, warn, cancellationToken) : [];
            var source = new SourceReport(Sources.SourceOptions.Graph, coverage.Status, coverage.Detail, recommendations.Count, 0, 0, coverage.Score, coverage.Parts);
            return new TenantInput($"Microsoft Graph ({uri.Host})", snapshot, null, [.. history, snapshot], Sources: [source]);
        }
    }

    private static async Task<List<ExposureSnapshot>> ReadHistoryAsync(MicrosoftGraphSecureScoreProvider provider, Uri uri, DateTimeOffset now, Action<string> warn, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = new List<ExposureSnapshot>();
        try
        {
            await foreach (var day in provider.GetHistoryAsync(cancellationToken))
            {
                if (DateOnly.FromDateTime(day.AsOf.UtcDateTime) < today)
                {
                    days.Add(ExposureCatalog.BuiltIn.ApplyTo(new ExposureSnapshot(uri.Host, day.AsOf, day.Recommendations)));
                }
            }
        }
        catch (ExposureSourceException ex)
        {
            warn($"warning: {uri.Host}: the Secure Score history could not be read, so there are no trends or events: {ex.Message}");
            return [];
        }

        return [.. days.OrderBy(d => d.AsOf).TakeLast(TenantInput.TrendDays - 1)];
    }
}
