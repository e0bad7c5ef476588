using System.CommandLine;
using ExposureSdk.Providers.DefenderForCloud;
using ExposureSdk.Samples.Cli.Inputs;

namespace ExposureSdk.Samples.Cli.Sources;

/// <summary>
/// The <c>--source</c> option (repeatable) and the options of the sources read through the refresh
/// pipeline (contracts §2, "Sources"): Defender for Cloud, OCSF findings and Maester results.
/// </summary>
internal sealed class SourceOptions
{
    public const string Demo = "demo";
    public const string File = "file";
    public const string Graph = "graph";
    public const string DefenderForCloud = "defender-for-cloud";
    public const string Ocsf = "ocsf";
    public const string Maester = "maester";

    /// <summary>The accepted <c>--source</c> values, in the order the contract lists them.</summary>
    public static readonly string[] Names = [Demo, File, Graph, DefenderForCloud, Ocsf, Maester];

    public SourceOptions()
    {
        Source = new Option<string[]>("--source")
        {
            Description = "Where the data comes from; repeat to read several sources into one catalog: demo (default), file (with --snapshot), graph (Microsoft Graph Secure Score), defender-for-cloud, ocsf (with --ocsf-path), maester (with --maester-path).",
            HelpName = "SOURCE",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
        };
        Source.AcceptOnlyFromAmong(Names);
        ArmBaseUrl = new Option<string>("--arm-base-url")
        {
            Description = "Azure Resource Manager base URL for --source defender-for-cloud (national clouds: management.usgovcloudapi.net, management.chinacloudapi.cn).",
            DefaultValueFactory = _ => AzureResourceManagerCloud.Global.ToString().TrimEnd('/'),
            HelpName = "URL",
            Recursive = true,
        };
        Subscriptions = new Option<string[]>("--subscription")
        {
            Description = "Azure subscription id to read with --source defender-for-cloud (repeatable; default: every subscription the credential lists).",
            HelpName = "ID",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
        };
        DefenderReadPath = new Option<string>("--defender-read-path")
        {
            Description = "How --source defender-for-cloud reads: resource-graph (tenant scale, the default) or rest (per subscription).",
            DefaultValueFactory = _ => ResourceGraph,
            HelpName = "PATH",
            Recursive = true,
        };
        DefenderReadPath.AcceptOnlyFromAmong(ResourceGraph, Rest);
        ArmTokenEnvironmentVariable = new Option<string?>("--arm-access-token-env")
        {
            Description = "With --auth token-env (the default when given alone): name of the environment variable that holds the Azure Resource Manager access token for --source defender-for-cloud (Reader and Security Reader); only sent to the --arm-base-url host.",
            HelpName = "NAME",
            Recursive = true,
        };
        OcsfPaths = new Option<string[]>("--ocsf-path")
        {
            Description = "OCSF findings for --source ocsf: a file or a folder (JSON array, JSON Lines or Prowler CSV); repeatable. Scans of different dates give history.",
            HelpName = "PATH",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
        };
        MaesterPaths = new Option<string[]>("--maester-path")
        {
            Description = "Maester test results for --source maester: a file or a folder of runs; repeatable.",
            HelpName = "PATH",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
        };
    }

    private const string ResourceGraph = "resource-graph";
    private const string Rest = "rest";

    public Option<string[]> Source { get; }

    public Option<string> ArmBaseUrl { get; }

    public Option<string[]> Subscriptions { get; }

    public Option<string> DefenderReadPath { get; }

    public Option<string?> ArmTokenEnvironmentVariable { get; }

    public Option<string[]> OcsfPaths { get; }

    public Option<string[]> MaesterPaths { get; }

    /// <summary>Every option here except <see cref="Source"/>, for the root command.</summary>
    public IEnumerable<Option> SourceSpecific => [ArmBaseUrl, Subscriptions, DefenderReadPath, ArmTokenEnvironmentVariable, OcsfPaths, MaesterPaths];

    /// <summary>The <c>--source</c> values given, each once, in the order given.</summary>
    public IReadOnlyList<string> ReadSources(ParseResult parse)
        => [.. (parse.GetValue(Source) ?? []).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Reads the options of the pipeline sources, and refuses an option given without its source (it would
    /// silently do nothing).
    /// </summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="sources">The <c>--source</c> values.</param>
    /// <param name="graph">How <c>graph</c> is read, when it is one of the sources.</param>
    /// <param name="auth">The <c>--auth</c> value, or null.</param>
    /// <param name="snapshotPath">The <c>--snapshot</c> file, for <c>file</c>.</param>
    /// <param name="seed">The demo tenant's seed, for <c>demo</c>.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="InputException">A source lacks its option, or an option lacks its source.</exception>
    public SourceSelection Read(ParseResult parse, IReadOnlyList<string> sources, GraphSourceSettings? graph, string? auth, string? snapshotPath, int seed)
    {
        var ocsf = parse.GetValue(OcsfPaths) ?? [];
        var maester = parse.GetValue(MaesterPaths) ?? [];
        Require(sources, Ocsf, ocsf.Length > 0, "--ocsf-path PATH (a file or folder of OCSF findings)");
        Require(sources, Maester, maester.Length > 0, "--maester-path PATH (a file or folder of Maester results)");
        Require(sources, File, snapshotPath is not null, "--snapshot FILE");
        Refuse(parse, sources, OcsfPaths, Ocsf);
        Refuse(parse, sources, MaesterPaths, Maester);
        Refuse(parse, sources, Subscriptions, DefenderForCloud);
        Refuse(parse, sources, ArmTokenEnvironmentVariable, DefenderForCloud);
        Refuse(parse, sources, ArmBaseUrl, DefenderForCloud);
        Refuse(parse, sources, DefenderReadPath, DefenderForCloud);

        DefenderSourceSettings? defender = null;
        if (sources.Contains(DefenderForCloud))
        {
            defender = new DefenderSourceSettings(
                parse.GetValue(ArmBaseUrl) ?? AzureResourceManagerCloud.Global.ToString(),
                parse.GetValue(Subscriptions) ?? [],
                parse.GetValue(DefenderReadPath) == Rest ? DefenderForCloudReadPath.Rest : DefenderForCloudReadPath.ResourceGraph,
                ArmAuthentication(auth, parse.GetValue(ArmTokenEnvironmentVariable)));
        }

        return new SourceSelection(sources, graph, defender, ocsf, maester, snapshotPath, seed);
    }

    /// <summary>
    /// How Defender for Cloud authenticates (contracts §2): <c>--arm-access-token-env NAME</c> alone or with
    /// <c>--auth token-env</c> reads the token from that variable; another <c>--auth</c> mode is that
    /// Azure.Identity credential; with neither, Azure.Identity's default credential chain (null here).
    /// </summary>
    private static GraphAuthentication? ArmAuthentication(string? auth, string? tokenEnvironmentVariable)
    {
        var hasVariable = !string.IsNullOrWhiteSpace(tokenEnvironmentVariable);
        if (auth is null)
        {
            return hasVariable ? new GraphAuthentication(GraphAuthentication.TokenEnv, tokenEnvironmentVariable) : null;
        }

        var mode = GraphAuthentication.Modes.FirstOrDefault(m => string.Equals(m, auth.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InputException($"--auth: '{auth}' is not one of {string.Join(", ", GraphAuthentication.Modes)}.");
        if (mode == GraphAuthentication.TokenEnv)
        {
            return hasVariable
                ? new GraphAuthentication(mode, tokenEnvironmentVariable)
                : throw new InputException("--source defender-for-cloud with --auth token-env needs --arm-access-token-env NAME: the environment variable that holds the Azure Resource Manager access token.");
        }

        return hasVariable
            ? throw new InputException($"--arm-access-token-env goes with --auth token-env only; --auth {mode} gets its token from Azure.Identity.")
            : new GraphAuthentication(mode, null);
    }

    private static void Require(IReadOnlyList<string> sources, string source, bool given, string what)
    {
        if (sources.Contains(source) && !given)
        {
            throw new InputException($"--source {source} needs {what}.");
        }
    }

    private static void Refuse(ParseResult parse, IReadOnlyList<string> sources, Option option, string source)
    {
        if (parse.GetResult(option) is { Implicit: false } && !sources.Contains(source))
        {
            throw new InputException($"{option.Name} goes with --source {source}.");
        }
    }
}

/// <summary>How <c>--source graph</c> is read when it is combined with other sources.</summary>
/// <param name="BaseUrl">The Graph base URL.</param>
/// <param name="Authentication">How it authenticates (<c>--auth</c>, <c>--access-token-env</c>).</param>
internal sealed record GraphSourceSettings(string BaseUrl, GraphAuthentication Authentication);

/// <summary>How <c>--source defender-for-cloud</c> is read.</summary>
/// <param name="BaseUrl">The ARM base URL (<c>--arm-base-url</c>).</param>
/// <param name="Subscriptions">The subscriptions to read (<c>--subscription</c>); empty for every listed one.</param>
/// <param name="ReadPath">Resource Graph or REST (<c>--defender-read-path</c>).</param>
/// <param name="Authentication">How it authenticates: a token from <c>--arm-access-token-env</c>, an <c>--auth</c> credential, or null for Azure.Identity's default credential chain.</param>
internal sealed record DefenderSourceSettings(string BaseUrl, IReadOnlyList<string> Subscriptions, DefenderForCloudReadPath ReadPath, GraphAuthentication? Authentication);

/// <summary>The sources of one run and how each is read.</summary>
/// <param name="Sources">The <c>--source</c> values, in the order given (the first that gives an id wins).</param>
/// <param name="Graph">How <c>graph</c> is read, when given.</param>
/// <param name="Defender">How <c>defender-for-cloud</c> is read, when given.</param>
/// <param name="OcsfPaths">The <c>--ocsf-path</c> values.</param>
/// <param name="MaesterPaths">The <c>--maester-path</c> values.</param>
/// <param name="SnapshotPath">The <c>--snapshot</c> file, for <c>file</c>.</param>
/// <param name="Seed">The demo tenant's seed, for <c>demo</c>.</param>
internal sealed record SourceSelection(
    IReadOnlyList<string> Sources,
    GraphSourceSettings? Graph,
    DefenderSourceSettings? Defender,
    IReadOnlyList<string> OcsfPaths,
    IReadOnlyList<string> MaesterPaths,
    string? SnapshotPath,
    int Seed);
