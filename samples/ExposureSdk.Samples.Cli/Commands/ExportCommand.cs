using System.CommandLine;
using System.Globalization;
using ExposureSdk.Providers.Scanners;
using ExposureSdk.Samples.Cli.Inputs;

namespace ExposureSdk.Samples.Cli.Commands;

/// <summary>
/// <c>export --format ocsf [--output FILE]</c> (contracts §2): the per-asset results of the chosen sources
/// as OCSF Compliance Finding (class 2003) records, one JSON object per line, through
/// <see cref="OcsfComplianceFindingWriter"/>. A file is written to a temporary file beside it and renamed
/// over it, so a reader never sees half a file; without <c>--output</c> the records go to standard output.
/// </summary>
internal static class ExportCommand
{
    /// <summary>The export format, and a value <c>--format</c> accepts.</summary>
    public const string Ocsf = "ocsf";

    public static Command Build(CliContext context, Option<string> format, Func<ParseResult, CancellationToken, Task<TenantInput>> load)
    {
        var output = new Option<string?>("--output") { Description = "File to write (replaced atomically); standard output when not given.", HelpName = "FILE" };
        var command = new Command("export", "Export the per-asset results of the chosen sources as OCSF Compliance Finding (2003) records, JSON Lines (--format ocsf).") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var input = await load(parse, cancellationToken);
                var path = parse.GetValue(output);
                long count;
                if (path is null)
                {
                    using var buffer = new MemoryStream();
                    count = await OcsfComplianceFindingWriter.WriteAsync(input.Current, buffer, cancellationToken: cancellationToken);
                    await context.Stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                }
                else
                {
                    try
                    {
                        count = await OcsfComplianceFindingWriter.WriteFileAsync(input.Current, path, cancellationToken: cancellationToken);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
                    {
                        throw new InputException($"--output: '{path}' cannot be written: {ex.Message}", ex);
                    }

                    await context.Stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count} OCSF Compliance Finding record(s) written to {SafeText.Plain(path)}."));
                }

                return ExitCodes.Success;
            }
            catch (InputException ex)
            {
                await context.Stderr.WriteLineAsync($"error: {SafeText.Plain(ex.Message)}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
