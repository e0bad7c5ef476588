using System.Globalization;
using Spectre.Console;

namespace ExposureSdk.Samples.Cli.Output;

/// <summary>Writes the models as Spectre.Console tables: the interactive dashboard.</summary>
internal static class TableWriter
{
    /// <summary>The number of recommendations the table shows when <c>--top</c> is not given.</summary>
    public const int DefaultTopRecommendations = 15;

    /// <summary>The number of events the table shows.</summary>
    public const int MaxEvents = 20;

    public static void WriteDashboard(IAnsiConsole c, DashboardJson d, string eventsTitle)
    {
        c.Write(new Rule($"[bold]Exposure dashboard[/] · {E(d.TenantId)}").LeftJustified());
        c.MarkupLine($"As of [bold]{E(Display.Instant(d.AsOf))}[/] · source: {E(d.Source)}");
        c.MarkupLine($"Secure Score [bold]{Display.Score(d.SecureScore.Percentage)}%[/] ({d.SecureScore.AchievedPoints.ToString("0.##", CultureInfo.InvariantCulture)} of {d.SecureScore.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)} points)");
        SourcesWriter.Table(c, d.Sources);
        c.WriteLine();

        var initiatives = NewTable("Initiatives (★ favorites first)", "Initiative", "Score>", "Target>", "24 h>", "14-day trend");
        foreach (var i in d.Initiatives)
        {
            var below = i.Score is { } s && i.TargetScore is { } t && s < t;
            initiatives.AddRow(
                (i.Favorite ? "[yellow]★[/] " : "  ") + E(i.Name),
                i.Score is null ? "[grey]unavailable[/]" : below ? $"[red]{Display.Score(i.Score, i.Approximate)}[/]" : Display.Score(i.Score, i.Approximate),
                i.TargetScore is null ? string.Empty : Display.Score(i.TargetScore),
                Movement(i.Movement24Hours),
                $"[blue]{Display.Sparkline(i.Trend14Days.Select(p => p.Score))}[/]");
        }

        c.Write(initiatives);
        Footnote(c, d.Initiatives.Any(i => i.Approximate && i.Score is not null));

        var metrics = NewTable("Top metrics by score impact", "Metric", "Score>", "Affected / scope>", "Weight", "Impact>");
        var topMetrics = MarkdownWriter.TopByImpact(d.Metrics).ToList();
        foreach (var m in topMetrics)
        {
            metrics.AddRow(E(m.Name), Display.Score(m.Score, m.Approximate), $"{Display.Count(m.Affected)} / {Display.Count(m.Scope)}", m.Weight, $"[red]{Display.Score(m.MaxScoreImpact)}[/]");
        }

        c.Write(metrics);
        Footnote(c, topMetrics.Any(m => m.Approximate && m.Score is not null));

        var recommendations = NewTable($"Recommendations ({d.Recommendations.Count} shown)", "Recommendation", "State", "Impact", "Workload", "Unhealthy>");
        foreach (var r in d.Recommendations)
        {
            var state = r.State switch
            {
                "NotCompliant" => "[red]Not compliant[/]",
                "Compliant" => "[green]Compliant[/]",
                "MitigatedByOrganization" => "[green]Mitigated[/]",
                _ => "[grey]Not available[/]",
            };
            recommendations.AddRow(E(r.Name), r.RiskAccepted ? state + " [grey](risk accepted)[/]" : state, r.Impact, E(r.Workload), Display.Count(r.Unhealthy));
        }

        c.Write(recommendations);
        WriteEvents(c, d, eventsTitle);
    }

    public static void WriteEvents(IAnsiConsole c, DashboardJson d, string title)
    {
        if (d.Events.Count == 0)
        {
            c.MarkupLine($"[bold]{E(title)}[/]: [green]none[/] (threshold {Display.Score(d.ThresholdPoints)} points)");
            return;
        }

        var events = NewTable($"{title} ({d.Events.Count}, threshold {Display.Score(d.ThresholdPoints)} points)", "Date", "Event", "Subject", "Previous>", "Current>", "Drop>");
        foreach (var e in d.Events.Take(MaxEvents))
        {
            events.AddRow(
                E(Display.Instant(e.Date)),
                e.Kind switch { "NewInitiative" => "[blue]New initiative[/]", "InitiativeScoreDrop" => "[red]Initiative drop[/]", _ => "[red]Metric drop[/]" },
                E(e.SubjectName),
                Display.Score(e.PreviousScore),
                Display.Score(e.CurrentScore, e.Approximate),
                e.Drop is null ? string.Empty : $"[red]-{Display.Score(e.Drop)}[/]");
        }

        c.Write(events);
        Footnote(c, d.Events.Take(MaxEvents).Any(e => e.Approximate && e.CurrentScore is not null));
        if (d.Events.Count > MaxEvents)
        {
            c.MarkupLine($"[grey]… and {d.Events.Count - MaxEvents} more (use --format json or markdown for all).[/]");
        }
    }

    public static void WriteExplanation(IAnsiConsole c, ExplanationJson x)
    {
        c.Write(new Rule($"[bold]{(x.Kind == "initiative" ? "Initiative" : "Metric")}[/] · {E(x.Name)}").LeftJustified());
        c.MarkupLine($"Score [bold]{Display.Score(x.Score, x.Approximate)}[/]{(x.TargetScore is null ? string.Empty : $" (target {Display.Score(x.TargetScore)})")}   [grey]{E(x.Formula)}[/]");
        Footnote(c, x.Approximate && x.Score is not null);
        if (x.Affected is not null)
        {
            c.MarkupLine($"Affected [bold]{Display.Count(x.Affected.Value)}[/] of {Display.Count(x.Scope ?? 0)} assets in scope · exposure {Display.Score(x.Exposure)} · weight {E(x.Weight ?? string.Empty)}");
        }

        if (x.Metrics.Count > 0)
        {
            var t = NewTable("Metrics", "Metric", "Weight", "Score>", "Included", "Contribution>", "Impact>");
            foreach (var m in x.Metrics)
            {
                t.AddRow(E(m.Name), $"{m.Weight} ({m.NumericWeight.ToString("0.##", CultureInfo.InvariantCulture)})", Display.Score(m.Score), m.Included ? "yes" : "[grey]no[/]", Display.Score(m.Contribution), Display.Score(m.ScoreImpact));
            }

            c.Write(t);
        }

        if (x.Initiatives.Count > 0)
        {
            var t = NewTable("Effect on initiatives", "Initiative", "Initiative score>", "Σ weights>", "Contribution>", "Impact>");
            foreach (var i in x.Initiatives)
            {
                t.AddRow(E(i.Id), Display.Score(i.InitiativeScore), i.WeightSum.ToString("0.##", CultureInfo.InvariantCulture), Display.Score(i.Contribution), Display.Score(i.ScoreImpact));
            }

            c.Write(t);
        }

        if (x.Recommendations.Count > 0)
        {
            var t = NewTable("Recommendations", "Recommendation", "State", "Healthy>", "Unhealthy>", "Points>");
            foreach (var r in x.Recommendations)
            {
                t.AddRow(E(r.Name), r.State, Display.Count(r.Healthy), Display.Count(r.Unhealthy), $"{Display.Score(r.AchievedPoints)} / {Display.Score(r.MaxPoints)}");
            }

            c.Write(t);
        }

        if (x.TopAffectedAssetIds.Count > 0)
        {
            c.MarkupLine($"Top affected assets: {E(string.Join(", ", x.TopAffectedAssetIds.Take(10)))}");
        }
    }

    public static void WritePlan(IAnsiConsole c, PlanJson p)
    {
        var t = NewTable($"Remediation plan{(p.InitiativeId is null ? string.Empty : $" for {p.InitiativeId}")}: what fixing each recommendation would gain", "#>", "Recommendation", "Unhealthy>", "Secure Score>", "Initiatives>", "Biggest gains");
        var n = 0;
        foreach (var s in p.Steps)
        {
            n++;
            var gains = string.Join(", ", s.InitiativeGains.OrderByDescending(g => g.Gain).Take(3).Select(g => $"{g.InitiativeId} +{Display.Score(g.Gain)}"));
            t.AddRow(n.ToString(CultureInfo.InvariantCulture), E(s.Name), Display.Count(s.Unhealthy), $"[green]+{Display.Score(s.SecureScoreGain)}[/]", $"[green]+{Display.Score(s.TotalInitiativeGain)}[/]", E(gains));
        }

        c.Write(t);
    }

    private static Table NewTable(string title, params string[] columns)
    {
        var table = new Table { Border = TableBorder.Rounded, Title = new TableTitle($"[bold]{E(title)}[/]") };
        for (var i = 0; i < columns.Length; i++)
        {
            // A trailing '>' marks a numeric, right-aligned column.
            var right = columns[i].EndsWith('>');
            var column = new TableColumn(E(right ? columns[i][..^1] : columns[i]));
            table.AddColumn(right ? column.RightAligned() : column);
        }

        return table;
    }

    private static string Movement(double? change) => change switch
    {
        null => string.Empty,
        > 0.005 => $"[green]▲ {Display.Movement(change)}[/]",
        < -0.005 => $"[red]▼ {Display.Movement(change)}[/]",
        _ => "[grey]· 0.00[/]",
    };

    private static string E(string? text) => TerminalText.Markup(text);

    private static void Footnote(IAnsiConsole c, bool show)
    {
        if (show)
        {
            c.MarkupLine($"[grey]{E(Display.ApproximateFootnote)}[/]");
        }
    }
}
