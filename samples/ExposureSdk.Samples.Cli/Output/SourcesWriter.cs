using System.Globalization;
using Spectre.Console;

namespace ExposureSdk.Samples.Cli.Output;

/// <summary>
/// Writes the sources of a run (contracts §2 <c>sources</c>): each source's status (Active, Limited with
/// the reason, for example "limited cloud data", Inactive or Failed), its counts and its own score.
/// Names and details come from the sources (file names, service messages): they go through
/// <see cref="SafeText"/> for each output, cut to <see cref="MaxDetailShown"/> characters (JSON has them whole).
/// </summary>
internal static class SourcesWriter
{
    /// <summary>The longest detail shown in a table or markdown cell; JSON has it whole.</summary>
    public const int MaxDetailShown = 300;

    public static void Table(IAnsiConsole c, IReadOnlyList<SourceJson> sources)
    {
        if (sources.Count == 0)
        {
            return;
        }

        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle("[bold]Sources[/]") };
        table.AddColumn("Source");
        table.AddColumn("Status");
        table.AddColumn(new TableColumn("Recommendations").RightAligned());
        table.AddColumn(new TableColumn("Assets").RightAligned());
        table.AddColumn(new TableColumn("Results").RightAligned());
        table.AddColumn(new TableColumn("Own score").RightAligned());
        table.AddColumn("Detail");
        foreach (var s in sources)
        {
            var status = s.Status switch
            {
                "Active" => "[green]Active[/]",
                "Limited" => "[yellow]Limited[/]",
                "Inactive" => "[grey]Inactive[/]",
                _ => "[red]Failed[/]",
            };
            table.AddRow(
                TerminalText.Markup(s.Name),
                status,
                Display.Count(s.Recommendations),
                Display.Count(s.Assets),
                Display.Count(s.Assessments),
                Score(s.Score),
                Markup.Escape(SafeText.Neutralize(s.Detail, MaxDetailShown)));
        }

        c.Write(table);
    }

    public static void Markdown(TextWriter o, IReadOnlyList<SourceJson> sources)
    {
        if (sources.Count == 0)
        {
            return;
        }

        o.WriteLine("## Sources");
        o.WriteLine();
        o.WriteLine("| Source | Status | Recommendations | Assets | Results | Own score | Detail |");
        o.WriteLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var s in sources)
        {
            o.WriteLine($"| {SafeText.Markdown(s.Name)} | {s.Status} | {Display.Count(s.Recommendations)} | {Display.Count(s.Assets)} | {Display.Count(s.Assessments)} | {Score(s.Score)} | {SafeText.Markdown(SafeText.Neutralize(s.Detail, MaxDetailShown))} |");
        }

        o.WriteLine();
    }

    private static string Score(SecureScoreJson? score)
        => score is null ? string.Empty : $"{Display.Score(score.Percentage)}% ({score.AchievedPoints.ToString("0.##", CultureInfo.InvariantCulture)} of {score.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)})";
}
