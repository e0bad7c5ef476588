using System.CommandLine;
using System.Text.Json;
using ExposureSdk.Events;
using ExposureSdk.Samples.Cli.Inputs;
using ExposureSdk.Samples.Cli.Output;
using ExposureSdk.Samples.Cli.Sources;
using Spectre.Console;

namespace ExposureSdk.Samples.Cli.Commands;

/// <summary>The commands and options of the CLI (contracts §2): <c>report</c>, <c>events</c>, <c>explain</c>, <c>plan</c>.</summary>
internal static class CliCommands
{
    private const int MarkdownDefaultTop = 30;
    private const int PlanDefaultTop = 15;

    public static RootCommand Build(CliContext context)
    {
        var snapshot = new Option<string?>("--snapshot") { Description = "Snapshot document (contracts §1) to score.", HelpName = "FILE", Recursive = true };
        var previous = new Option<string?>("--previous") { Description = "Earlier snapshot document to compare with (events).", HelpName = "FILE", Recursive = true };
        var demo = new Option<bool>("--demo") { Description = "Use the built-in demo tenant (the default when no snapshot is given).", Recursive = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the demo tenant.", DefaultValueFactory = _ => Demo.DemoTenantOptions.DefaultSeed, Recursive = true };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table", Recursive = true };
        format.AcceptOnlyFromAmong("table", "json", "markdown", ExportCommand.Ocsf);
        var threshold = new Option<double>("--threshold") { Description = "Score drop, in percentage points, that raises an event (inclusive).", DefaultValueFactory = _ => ScoreDropOptions.DefaultThresholdPoints, HelpName = "POINTS", Recursive = true };
        var failOnDrop = new Option<bool>("--fail-on-drop") { Description = "Exit with code 3 when at least one metric or initiative score drop was found (a CI gate).", Recursive = true };
        var sources = new SourceOptions();
        var source = sources.Source;
        var graphBaseUrl = new Option<string>("--graph-base-url") { Description = "Microsoft Graph base URL (national clouds: graph.microsoft.us, dod-graph.microsoft.us, microsoftgraph.chinacloudapi.cn).", DefaultValueFactory = _ => GraphInput.DefaultBaseUrl, HelpName = "URL", Recursive = true };
        var tokenEnv = new Option<string?>("--access-token-env") { Description = "With --auth token-env (the default when given alone): name of the environment variable that holds the Graph access token (SecurityEvents.Read.All).", HelpName = "NAME", Recursive = true };
        var auth = new Option<string?>("--auth") { Description = "How --source graph and --source defender-for-cloud authenticate: azure-cli (az login), environment (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET), managed-identity, or token-env (--access-token-env).", HelpName = "MODE", Recursive = true };
        auth.AcceptOnlyFromAmong([.. GraphAuthentication.Modes]);

        var common = new CommonOptions(snapshot, previous, demo, seed, format, threshold, failOnDrop, sources, graphBaseUrl, tokenEnv, auth);

        var root = new RootCommand("ExposureSdk command-line sample: an exposure dashboard over the demo tenant or snapshot documents.");
        foreach (var option in new Option[] { snapshot, previous, demo, seed, format, threshold, failOnDrop, source, graphBaseUrl, tokenEnv, auth })
        {
            root.Options.Add(option);
        }

        foreach (var option in sources.SourceSpecific)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(Report(context, common));
        root.Subcommands.Add(Events(context, common));
        root.Subcommands.Add(Explain(context, common));
        root.Subcommands.Add(Plan(context, common));
        root.Subcommands.Add(ExportCommand.Build(context, common.Format, (parse, cancellationToken) => LoadAsync(context, common.Read(parse, export: true), requirePrevious: false, cancellationToken)));
        return root;
    }

    private static Command Report(CliContext context, CommonOptions common)
    {
        var state = new Option<string?>("--state") { Description = "Recommendation states, comma-separated: Compliant, NotCompliant, MitigatedByOrganization, NotAvailable." };
        var workload = new Option<string?>("--workload") { Description = "Recommendation workloads (substring, comma-separated), e.g. \"Entra,Intune\"." };
        var domain = new Option<string?>("--domain") { Description = "Security domains, comma-separated: Devices, Apps, Data, Identity, Cloud, SaaS." };
        var source = new Option<string?>("--recommendation-source") { Description = "Recommendation sources (substring, comma-separated), e.g. \"CIS\"." };
        var impact = new Option<string?>("--impact") { Description = "Impacts, comma-separated: High, Medium, Low." };
        var search = new Option<string?>("--search") { Description = "Text to find in the recommendation's name or id." };
        var top = new Option<int?>("--top") { Description = "How many recommendations to list (default: 15 in a table, 30 in markdown, all in JSON)." };

        var command = new Command("report", "Score the snapshot (or the demo tenant) and show the dashboard: initiatives, top metrics, recommendations and recent events.")
        {
            state, workload, domain, source, impact, search, top,
        };
        command.SetAction((parse, cancellationToken) => Guarded(context, async () =>
        {
            var settings = common.Read(parse);
            var filter = new RecommendationFilter(parse.GetValue(state), parse.GetValue(impact), parse.GetValue(domain), parse.GetValue(workload), parse.GetValue(source), parse.GetValue(search), parse.GetValue(top));
            var input = await LoadAsync(context, settings, requirePrevious: false, cancellationToken);
            var analysis = await WithProgress(context, settings, "Scoring the tenant and its history…", () => TenantAnalysis.Run(input, settings.DropOptions));
            var defaultTop = settings.Format switch { "table" => TableWriter.DefaultTopRecommendations, "markdown" => MarkdownDefaultTop, _ => (int?)null };
            var model = DashboardModel.Build(analysis.ToDashboard(analysis.RecentEvents), filter, defaultTop);
            Write(context, settings, model, ContractJsonContext.Output.DashboardJson, c => TableWriter.WriteDashboard(c, model, "Recent events (7 days)"), o => MarkdownWriter.WriteDashboard(o, model, "Recent events (7 days)"));
            return Gate(settings, analysis);
        }));
        return command;
    }

    private static Command Events(CliContext context, CommonOptions common)
    {
        var command = new Command("events", "Compare --snapshot with --previous (or today with yesterday: the demo tenant's, or Microsoft Graph's Secure Score history with --source graph) and list the security events.");
        command.SetAction((parse, cancellationToken) => Guarded(context, async () =>
        {
            var settings = common.Read(parse);
            var input = await LoadAsync(context, settings, requirePrevious: true, cancellationToken);
            var analysis = await WithProgress(context, settings, "Comparing snapshots…", () => TenantAnalysis.Run(input, settings.DropOptions));
            var model = DashboardModel.Build(analysis.ToDashboard(analysis.LatestEvents), new RecommendationFilter(null, null, null, null, null, null, null), 0);
            var title = $"Events since {Display.Instant(model.PreviousAsOf ?? model.AsOf)}";
            Write(context, settings, model, ContractJsonContext.Output.DashboardJson, c => TableWriter.WriteEvents(c, model, title), o => MarkdownWriter.WriteEvents(o, model, title));
            return Gate(settings, analysis);
        }));
        return command;
    }

    private static Command Explain(CliContext context, CommonOptions common)
    {
        var initiative = new Option<string?>("--initiative") { Description = "Initiative id to explain.", HelpName = "ID" };
        var metric = new Option<string?>("--metric") { Description = "Metric id to explain.", HelpName = "ID" };
        var command = new Command("explain", "Show how one initiative's or metric's score was computed.") { initiative, metric };
        command.SetAction((parse, cancellationToken) => Guarded(context, async () =>
        {
            var settings = common.Read(parse);
            var (initiativeId, metricId) = (parse.GetValue(initiative), parse.GetValue(metric));
            if ((initiativeId is null) == (metricId is null))
            {
                throw new InputException("explain: give exactly one of --initiative ID or --metric ID.");
            }

            var input = await LoadAsync(context, settings with { HistoryNeeded = false }, requirePrevious: false, cancellationToken);
            var report = await WithProgress(context, settings, "Scoring…", () => Scoring.ExposureScorer.Score(input.Current));
            var model = initiativeId is not null ? DetailModels.ExplainInitiative(report, initiativeId) : DetailModels.ExplainMetric(report, metricId!);
            Write(context, settings, model, ContractJsonContext.Output.ExplanationJson, c => TableWriter.WriteExplanation(c, model), o => MarkdownWriter.WriteExplanation(o, model));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Plan(CliContext context, CommonOptions common)
    {
        var initiative = new Option<string?>("--initiative") { Description = "Rank by the gain for this initiative only.", HelpName = "ID" };
        var top = new Option<int>("--top") { Description = "How many steps to list.", DefaultValueFactory = _ => PlanDefaultTop };
        var command = new Command("plan", "Show the what-if remediation plan: the recommendations ranked by the initiative-score gain fixing them would bring.") { initiative, top };
        command.SetAction((parse, cancellationToken) => Guarded(context, async () =>
        {
            var settings = common.Read(parse);
            var count = parse.GetValue(top);
            if (count < 1)
            {
                throw new InputException($"--top: must be at least 1 (got {count}).");
            }

            var input = await LoadAsync(context, settings with { HistoryNeeded = false }, requirePrevious: false, cancellationToken);
            var model = await WithProgress(context, settings, "Computing what-if scores…", () => DetailModels.Plan(input.Current, parse.GetValue(initiative), count));
            Write(context, settings, model, ContractJsonContext.Output.PlanJson, c => TableWriter.WritePlan(c, model), o => MarkdownWriter.WritePlan(o, model));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<int> Guarded(CliContext context, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (InputException ex)
        {
            await context.Stderr.WriteLineAsync($"error: {SafeText.Plain(ex.Message)}");
            return ExitCodes.BadInput;
        }
    }

    private static async Task<TenantInput> LoadAsync(CliContext context, Settings settings, bool requirePrevious, CancellationToken cancellationToken)
    {
        if (settings.Selection is { } selection)
        {
            // Several sources: one refresh of the SDK's pipeline; each source's own history gives the earlier days.
            return await SourcesInput.LoadAsync(selection, settings.HistoryNeeded, message => context.Stderr.WriteLine(SafeText.Plain(message)), cancellationToken);
        }

        if (settings.Graph is { } graph)
        {
            // Graph keeps up to 90 days of Secure Score history: "yesterday" comes from it (events compares with it).
            return await GraphInput.LoadAsync(graph.BaseUrl, graph.Authentication, settings.HistoryNeeded, message => context.Stderr.WriteLine(SafeText.Plain(message)), cancellationToken);
        }

        if (settings.SnapshotPath is null)
        {
            var demo = TenantInput.FromDemo(settings.Seed);
            return demo with { Sources = [SingleSource.Demo(demo)] };
        }

        if (requirePrevious && settings.PreviousPath is null)
        {
            throw new InputException("events: --previous FILE is required with --snapshot FILE (or use --demo).");
        }

        var files = await TenantInput.FromFilesAsync(settings.SnapshotPath, settings.PreviousPath, cancellationToken);
        return files with { Sources = [SingleSource.File(files)] };
    }

    private static int Gate(Settings settings, TenantAnalysis analysis) =>
        settings.FailOnDrop && analysis.HasScoreDrop ? ExitCodes.ScoreDrop : ExitCodes.Success;

    private static async Task<T> WithProgress<T>(CliContext context, Settings settings, string status, Func<T> work)
    {
        // The progress display goes to stderr, and only for the table format on a terminal, so that
        // stdout stays clean for json and markdown and for redirection.
        if (settings.Format != "table" || !context.Terminal.StderrIsTerminal)
        {
            return work();
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Stderr) });
        return await console.Status().StartAsync(status, _ => Task.Run(work));
    }

    private static void Write<T>(CliContext context, Settings settings, T model, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> json, Action<IAnsiConsole> table, Action<TextWriter> markdown)
    {
        switch (settings.Format)
        {
            case "json":
                context.Stdout.WriteLine(JsonSerializer.Serialize(model, json));
                break;
            case "markdown":
                markdown(context.Stdout);
                break;
            default:
                var terminal = context.Terminal.StdoutIsTerminal;
                var console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Out = new AnsiConsoleOutput(context.Stdout),
                    Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
                    ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                    Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
                });
                if (!terminal)
                {
                    console.Profile.Width = 140;
                }

                table(console);
                break;
        }
    }

    private sealed record CommonOptions(
        Option<string?> Snapshot, Option<string?> Previous, Option<bool> Demo, Option<int> Seed, Option<string> Format, Option<double> Threshold, Option<bool> FailOnDrop,
        SourceOptions Sources, Option<string> GraphBaseUrl, Option<string?> TokenEnvironmentVariable, Option<string?> Auth)
    {
        public Settings Read(ParseResult parse, bool export = false)
        {
            var snapshot = parse.GetValue(Snapshot);
            var previous = parse.GetValue(Previous);
            var format = parse.GetValue(Format) ?? "table";
            if (export != (format == ExportCommand.Ocsf) && !(export && parse.GetResult(Format) is null or { Implicit: true }))
            {
                throw new InputException(export
                    ? $"export: --format {format} is not an export format; use --format ocsf."
                    : "--format ocsf goes with the export command (export --format ocsf [--output FILE]).");
            }

            var sources = Sources.ReadSources(parse);
            var source = sources.Count == 1 ? sources[0] : null;
            if (sources.Count > 1 || sources.Any(s => s is SourceOptions.DefenderForCloud or SourceOptions.Ocsf or SourceOptions.Maester))
            {
                return ReadSeveral(parse, sources, snapshot, previous, format);
            }

            Sources.Read(parse, sources, graph: null, auth: null, snapshot, parse.GetValue(Seed)); // refuses an option given without its source
            GraphSettings? graph = null;
            if (source == "graph")
            {
                if (snapshot is not null || previous is not null || parse.GetValue(Demo))
                {
                    throw new InputException("--source graph cannot be combined with --snapshot, --previous or --demo.");
                }

                var authentication = GraphAuthentication.Parse(parse.GetValue(Auth), parse.GetValue(TokenEnvironmentVariable));
                graph = new GraphSettings(parse.GetValue(GraphBaseUrl) ?? GraphInput.DefaultBaseUrl, authentication);
            }
            else if (source == "file" && snapshot is null)
            {
                throw new InputException("--source file needs --snapshot FILE.");
            }
            else if (source == "demo" && (snapshot is not null || previous is not null))
            {
                throw new InputException("--source demo cannot be combined with --snapshot or --previous.");
            }

            if (parse.GetValue(Demo) && (snapshot is not null || previous is not null))
            {
                throw new InputException("--demo cannot be combined with --snapshot or --previous.");
            }

            if (snapshot is null && previous is not null)
            {
                throw new InputException("--previous needs --snapshot FILE as well.");
            }

            return new Settings(snapshot, previous, parse.GetValue(Seed), format, ReadDropOptions(parse), parse.GetValue(FailOnDrop), HistoryNeeded: true, graph);
        }

        /// <summary>Several sources, or one read through the pipeline: contracts §2 "Sources".</summary>
        private Settings ReadSeveral(ParseResult parse, IReadOnlyList<string> sources, string? snapshot, string? previous, string format)
        {
            if (previous is not null)
            {
                throw new InputException("--previous goes with --snapshot FILE alone; with several sources, each source's own history gives the earlier days.");
            }

            if (snapshot is not null && !sources.Contains(SourceOptions.File))
            {
                throw new InputException("--snapshot goes with --source file.");
            }

            if (parse.GetValue(Demo) && !sources.Contains(SourceOptions.Demo))
            {
                throw new InputException("--demo cannot be combined with other sources; use --source demo.");
            }

            GraphSourceSettings? graph = null;
            if (sources.Contains(SourceOptions.Graph))
            {
                var authentication = GraphAuthentication.Parse(parse.GetValue(Auth), parse.GetValue(TokenEnvironmentVariable));
                graph = new GraphSourceSettings(parse.GetValue(GraphBaseUrl) ?? GraphInput.DefaultBaseUrl, authentication);
            }

            var selection = Sources.Read(parse, sources, graph, parse.GetValue(Auth), snapshot, parse.GetValue(Seed));
            return new Settings(null, null, parse.GetValue(Seed), format, ReadDropOptions(parse), parse.GetValue(FailOnDrop), HistoryNeeded: true, Selection: selection);
        }

        private ScoreDropOptions ReadDropOptions(ParseResult parse)
        {
            var options = new ScoreDropOptions { ThresholdPoints = parse.GetValue(Threshold) };
            var failures = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), failures, validateAllProperties: true))
            {
                // The options' own DataAnnotations rules, so the CLI accepts exactly what the engine accepts.
                throw new InputException($"--threshold: {string.Join(" ", failures.Select(f => f.ErrorMessage))}");
            }

            return options;
        }
    }

    private sealed record GraphSettings(string BaseUrl, GraphAuthentication Authentication);

    private sealed record Settings(string? SnapshotPath, string? PreviousPath, int Seed, string Format, ScoreDropOptions DropOptions, bool FailOnDrop, bool HistoryNeeded, GraphSettings? Graph = null, SourceSelection? Selection = null);
}
