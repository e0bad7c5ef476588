using ExposureSdk.Catalog;
using ExposureSdk.Demo;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Providers;
using ExposureSdk.Providers.DefenderForCloud;
using ExposureSdk.Providers.MicrosoftGraph;
using ExposureSdk.Providers.Scanners;
using ExposureSdk.Samples.Cli.Inputs;

namespace ExposureSdk.Samples.Cli.Sources;

/// <summary>
/// Reads several sources in one refresh (contracts §2, "Sources"): one provider per <c>--source</c>, pulled
/// by the SDK's refresh pipeline and merged into one catalog (the first source that gives an id wins),
/// scored with the built-in catalog. Each source's coverage (Active, Limited, Inactive or Failed) and
/// counts come from its pull; a source's own history (Secure Score days, scans of earlier dates) is
/// rebuilt into the earlier days' score cards, so trends and events work on the first run.
/// </summary>
internal static class SourcesInput
{
    /// <summary>How long one source may take: a tenant-scale Defender for Cloud read takes minutes.</summary>
    private static readonly TimeSpan ProviderTimeout = TimeSpan.FromHours(1);

    /// <summary>Reads the sources and builds the input.</summary>
    /// <param name="selection">The sources and their settings.</param>
    /// <param name="withHistory">Whether to rebuild earlier days from the sources' own history.</param>
    /// <param name="warn">Receives each warning (a source that failed while others were read, a file left out, a figure that disagrees with the service's).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Today's merged snapshot, the rebuilt earlier days, and one report per source.</returns>
    /// <exception cref="InputException">An option is invalid (a URL, an unset token variable), or no source could be read (each failure named).</exception>
    public static async Task<TenantInput> LoadAsync(SourceSelection selection, bool withHistory, Action<string> warn, CancellationToken cancellationToken)
    {
        var providers = new List<(string Name, ExposureSourceProvider Provider)>();
        try
        {
            foreach (var source in selection.Sources)
            {
                providers.Add((source, Create(source, selection)));
            }

            var options = new ExposureRefreshPipelineOptions
            {
                TenantId = TenantOf(selection),
                ProviderTimeout = ProviderTimeout,
                SeedHistoryFromSources = withHistory,
            };
            options.AddCatalog(ExposureCatalog.BuiltIn);
            var pipeline = new ExposureRefreshPipeline(providers.Select(p => p.Provider), new InMemoryScoreHistoryStore(), options);
            var result = await pipeline.RefreshAsync(cancellationToken);

            var reports = providers.Select(p => SourceReport.FromOutcome(p.Name, result.FindOutcome(p.Provider.Name)!)).ToList();
            if (reports.All(r => r.Status == SourceStatus.Failed))
            {
                throw new InputException(string.Join(" ", reports.Select(r => $"--source {r.Name}: {r.Detail}")));
            }

            foreach (var failed in reports.Where(r => r.Status == SourceStatus.Failed))
            {
                warn($"warning: --source {failed.Name} could not be read, so its recommendations are missing: {failed.Detail}");
            }

            foreach (var warning in result.Warnings)
            {
                warn("warning: " + warning);
            }

            return new TenantInput(
                string.Join(" + ", selection.Sources),
                result.Snapshot,
                null,
                [result.Snapshot],
                result.SeededCards,
                reports);
        }
        finally
        {
            foreach (var (_, provider) in providers)
            {
                (provider as IDisposable)?.Dispose();
            }
        }
    }

    private static ExposureSourceProvider Create(string source, SourceSelection selection)
    {
        try
        {
            return source switch
            {
                SourceOptions.Demo => new InMemoryExposureSourceProvider("demo", DemoTenant.Create(selection.Seed).Today),
                SourceOptions.File => new SnapshotDocumentSourceProvider("file", selection.SnapshotPath!),
                SourceOptions.Graph => CreateGraph(selection.Graph!),
                SourceOptions.DefenderForCloud => CreateDefender(selection.Defender!),
                SourceOptions.Ocsf => new OcsfSourceProvider(selection.OcsfPaths),
                SourceOptions.Maester => new MaesterSourceProvider(selection.MaesterPaths),
                _ => throw new InputException($"--source: '{source}' is not one of {string.Join(", ", SourceOptions.Names)}."),
            };
        }
        catch (ArgumentException ex)
        {
            throw new InputException($"--source {source}: {ex.Message}", ex);
        }
    }

    private static MicrosoftGraphSecureScoreProvider CreateGraph(GraphSourceSettings graph)
    {
        if (!Uri.TryCreate(graph.BaseUrl, UriKind.Absolute, out var uri))
        {
            throw new InputException($"--graph-base-url: '{graph.BaseUrl}' is not an absolute URL.");
        }

        if (graph.Authentication.Mode == GraphAuthentication.TokenEnv)
        {
            var token = Token(graph.Authentication.TokenEnvironmentVariable!, "--access-token-env");
            return MicrosoftGraphSecureScoreProvider.Create(uri, _ => ValueTask.FromResult(token));
        }

        return MicrosoftGraphSecureScoreProvider.Create(uri, graph.Authentication.CreateCredential(Environment.GetEnvironmentVariable));
    }

    private static DefenderForCloudProvider CreateDefender(DefenderSourceSettings defender)
    {
        if (!Uri.TryCreate(defender.BaseUrl, UriKind.Absolute, out var uri))
        {
            throw new InputException($"--arm-base-url: '{defender.BaseUrl}' is not an absolute URL.");
        }

        var options = new DefenderForCloudOptions { BaseUrl = uri, ReadPath = defender.ReadPath };
        foreach (var subscription in defender.Subscriptions)
        {
            options.Subscriptions.Add(subscription);
        }

        try
        {
            switch (defender.Authentication)
            {
                case { Mode: GraphAuthentication.TokenEnv } tokenEnv:
                    var token = Token(tokenEnv.TokenEnvironmentVariable!, "--arm-access-token-env");
                    return DefenderForCloudProvider.Create(_ => ValueTask.FromResult(token), options);
                case { } credential:
                    return DefenderForCloudProvider.Create(credential.CreateCredential(Environment.GetEnvironmentVariable), options);
                default:
                    // contracts §2: with neither --auth nor a token variable, Azure.Identity's default chain.
                    return DefenderForCloudProvider.Create(new Azure.Identity.DefaultAzureCredential(), options);
            }
        }
        catch (ArgumentException ex)
        {
            throw new InputException($"--source defender-for-cloud: {ex.Message}", ex);
        }
    }

    private static string Token(string variable, string option)
    {
        var token = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(token)
            ? throw new InputException($"{option}: the environment variable '{variable}' is not set or empty.")
            : token;
    }

    /// <summary>The tenant's name in the output: the host of the first online source, else the kind of files read.</summary>
    private static string TenantOf(SourceSelection selection)
    {
        foreach (var source in selection.Sources)
        {
            switch (source)
            {
                case SourceOptions.Graph when Uri.TryCreate(selection.Graph!.BaseUrl, UriKind.Absolute, out var graph):
                    return graph.Host;
                case SourceOptions.DefenderForCloud when Uri.TryCreate(selection.Defender!.BaseUrl, UriKind.Absolute, out var arm):
                    return arm.Host;
            }
        }

        return selection.Sources.Contains(SourceOptions.Demo) ? "contoso-demo" : "scan results";
    }
}
