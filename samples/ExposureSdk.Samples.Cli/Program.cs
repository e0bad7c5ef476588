using System.CommandLine;
using System.Text;
using ExposureSdk.Samples.Cli.Commands;

namespace ExposureSdk.Samples.Cli;

/// <summary>
/// The ExposureSdk command-line sample: a posture dashboard over the built-in demo tenant or snapshot
/// documents (contracts §2). Run <c>dotnet run --project samples/ExposureSdk.Samples.Cli -- report</c>.
/// </summary>
public static class Program
{
    /// <summary>The process entry point.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        var terminal = new TerminalInfo(StdoutIsTerminal: !Console.IsOutputRedirected, StderrIsTerminal: !Console.IsErrorRedirected);
        return RunAsync(args, Console.Out, Console.Error, terminal, cancellation.Token);
    }

    /// <summary>
    /// Runs the CLI in-process, writing to the given writers (the entry point the tests use). With
    /// <c>--format json</c>, <paramref name="stdout"/> receives exactly one JSON object and nothing else.
    /// </summary>
    /// <param name="args">The command line, e.g. <c>["report", "--format", "json"]</c>; empty means <c>report</c>.</param>
    /// <param name="stdout">Receives the output.</param>
    /// <param name="stderr">Receives errors (and nothing else: the progress display needs a terminal).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>0 on success, 2 on bad input, 3 when <c>--fail-on-drop</c> is given and a score drop was found.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
        => RunAsync(args, stdout, stderr, new TerminalInfo(false, false), cancellationToken);

    internal static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TerminalInfo terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var root = CliCommands.Build(new CliContext(stdout, stderr, terminal));
        var parse = root.Parse(args.Length == 0 ? ["report"] : args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.BadInput;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = true }, cancellationToken);
    }
}

/// <summary>Whether the standard streams are attached to a terminal (colors, width and the progress display depend on it).</summary>
internal sealed record TerminalInfo(bool StdoutIsTerminal, bool StderrIsTerminal);

/// <summary>The writers and terminal facts a command runs with.</summary>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, TerminalInfo Terminal);
