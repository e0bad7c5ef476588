using System.Globalization;

namespace ExposureSdk.Samples.Cli.Output;

/// <summary>Writes the models as GitHub-flavoured markdown (headings and pipe tables), for reports and CI summaries.</summary>
internal static class MarkdownWriter
{
    /// <summary>The number of metrics listed under "Top metrics by score impact".</summary>
    public const int TopMetrics = 10;

    public static void WriteDashboard(TextWriter o, DashboardJson d, string eventsTitle)
    {
        o.WriteLine($"# Exposure dashboard: {SafeText.Markdown(d.TenantId)}");
        o.WriteLine();
        o.WriteLine($"As of {Display.Instant(d.AsOf)} · source: {SafeText.Markdown(d.Source)} · Secure Score **{Display.Score(d.SecureScore.Percentage)}%** ({d.SecureScore.AchievedPoints.ToString("0.##", CultureInfo.InvariantCulture)} of {d.SecureScore.MaxPoints.ToString("0.##", CultureInfo.InvariantCulture)} points)");
        o.WriteLine();
        SourcesWriter.Markdown(o, d.Sources);
        o.WriteLine("## Initiatives");
        o.WriteLine();
        o.WriteLine("| Initiative | Score | Target | 24 h | 14-day trend |");
        o.WriteLine("|---|---:|---:|---:|---|");
        foreach (var i in d.Initiatives)
        {
            var name = (i.Favorite ? "★ " : string.Empty) + SafeText.Markdown(i.Name);
            o.WriteLine($"| {name} | {Display.Score(i.Score, i.Approximate)} | {(i.TargetScore is null ? string.Empty : Display.Score(i.TargetScore))} | {Display.Movement(i.Movement24Hours)} | {Display.Sparkline(i.Trend14Days.Select(p => p.Score))} |");
        }

        Footnote(o, d.Initiatives.Any(i => i.Approximate && i.Score is not null));
        o.WriteLine();
        o.WriteLine("## Top metrics by score impact");
        o.WriteLine();
        o.WriteLine("| Metric | Score | Affected / scope | Weight | Score impact |");
        o.WriteLine("|---|---:|---:|---|---:|");
        var topMetrics = TopByImpact(d.Metrics).ToList();
        foreach (var m in topMetrics)
        {
            o.WriteLine($"| {SafeText.Markdown(m.Name)} | {Display.Score(m.Score, m.Approximate)} | {Display.Count(m.Affected)} / {Display.Count(m.Scope)} | {m.Weight} | {Display.Score(m.MaxScoreImpact)} |");
        }

        Footnote(o, topMetrics.Any(m => m.Approximate && m.Score is not null));
        o.WriteLine();
        o.WriteLine("## Recommendations");
        o.WriteLine();
        o.WriteLine("| Recommendation | State | Impact | Workload | Source | Unhealthy | Metrics | Initiatives |");
        o.WriteLine("|---|---|---|---|---|---:|---:|---:|");
        foreach (var r in d.Recommendations)
        {
            o.WriteLine($"| {SafeText.Markdown(r.Name)} | {r.State}{(r.RiskAccepted ? " (risk accepted)" : string.Empty)} | {r.Impact} | {SafeText.Markdown(r.Workload)} | {SafeText.Markdown(r.Source)} | {Display.Count(r.Unhealthy)} | {r.RelatedMetrics} | {r.RelatedInitiatives} |");
        }

        o.WriteLine();
        WriteEvents(o, d, eventsTitle);
    }

    public static void WriteEvents(TextWriter o, DashboardJson d, string title)
    {
        o.WriteLine($"## {title}");
        o.WriteLine();
        if (d.Events.Count == 0)
        {
            o.WriteLine($"No events (threshold {Display.Score(d.ThresholdPoints)} points).");
            return;
        }

        o.WriteLine("| Date | Event | Subject | Previous | Current | Drop |");
        o.WriteLine("|---|---|---|---:|---:|---:|");
        foreach (var e in d.Events)
        {
            o.WriteLine($"| {Display.Instant(e.Date)} | {e.Kind} | {SafeText.Markdown(e.SubjectName)} | {Display.Score(e.PreviousScore)} | {Display.Score(e.CurrentScore, e.Approximate)} | {(e.Drop is null ? string.Empty : Display.Score(e.Drop))} |");
        }

        Footnote(o, d.Events.Any(e => e.Approximate && e.CurrentScore is not null));
    }

    public static void WriteExplanation(TextWriter o, ExplanationJson x)
    {
        o.WriteLine($"# {(x.Kind == "initiative" ? "Initiative" : "Metric")}: {SafeText.Markdown(x.Name)}");
        o.WriteLine();
        o.WriteLine($"Score **{Display.Score(x.Score, x.Approximate)}**{(x.TargetScore is null ? string.Empty : $" (target {Display.Score(x.TargetScore)})")} · `{x.Formula}`");
        Footnote(o, x.Approximate && x.Score is not null);
        if (x.Affected is not null)
        {
            o.WriteLine();
            o.WriteLine($"Affected {Display.Count(x.Affected.Value)} of {Display.Count(x.Scope ?? 0)} assets in scope · exposure {Display.Score(x.Exposure)} · weight {SafeText.Markdown(x.Weight)}");
        }

        if (x.Metrics.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("| Metric | Weight | Score | Included | Contribution | Score impact |");
            o.WriteLine("|---|---:|---:|---|---:|---:|");
            foreach (var m in x.Metrics)
            {
                o.WriteLine($"| {SafeText.Markdown(m.Name)} | {m.Weight} ({m.NumericWeight.ToString("0.##", CultureInfo.InvariantCulture)}) | {Display.Score(m.Score)} | {(m.Included ? "yes" : "no")} | {Display.Score(m.Contribution)} | {Display.Score(m.ScoreImpact)} |");
            }
        }

        if (x.Initiatives.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("| Initiative | Initiative score | Σ weights | Contribution | Score impact |");
            o.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var i in x.Initiatives)
            {
                o.WriteLine($"| {SafeText.Markdown(i.Id)} | {Display.Score(i.InitiativeScore)} | {i.WeightSum.ToString("0.##", CultureInfo.InvariantCulture)} | {Display.Score(i.Contribution)} | {Display.Score(i.ScoreImpact)} |");
            }
        }

        if (x.Recommendations.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("| Recommendation | State | Healthy | Unhealthy | Points |");
            o.WriteLine("|---|---|---:|---:|---:|");
            foreach (var r in x.Recommendations)
            {
                o.WriteLine($"| {SafeText.Markdown(r.Name)} | {r.State} | {Display.Count(r.Healthy)} | {Display.Count(r.Unhealthy)} | {Display.Score(r.AchievedPoints)} / {Display.Score(r.MaxPoints)} |");
            }
        }

        if (x.TopAffectedAssetIds.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"Top affected assets: {string.Join(", ", x.TopAffectedAssetIds.Take(10).Select(SafeText.Markdown))}");
        }
    }

    public static void WritePlan(TextWriter o, PlanJson p)
    {
        o.WriteLine($"# Remediation plan: {SafeText.Markdown(p.TenantId)}{(p.InitiativeId is null ? string.Empty : $" ({SafeText.Markdown(p.InitiativeId)})")}");
        o.WriteLine();
        o.WriteLine("| # | Recommendation | Unhealthy | Secure Score gain | Initiative gain | Biggest gains |");
        o.WriteLine("|---:|---|---:|---:|---:|---|");
        var n = 0;
        foreach (var s in p.Steps)
        {
            n++;
            var gains = string.Join(", ", s.InitiativeGains.OrderByDescending(g => g.Gain).Take(3).Select(g => $"{g.InitiativeId} +{Display.Score(g.Gain)}"));
            o.WriteLine($"| {n} | {SafeText.Markdown(s.Name)} | {Display.Count(s.Unhealthy)} | {Display.Score(s.SecureScoreGain)} | {Display.Score(s.TotalInitiativeGain)} | {SafeText.Markdown(gains)} |");
        }
    }

    public static IEnumerable<MetricJson> TopByImpact(IEnumerable<MetricJson> metrics) =>
        metrics.Where(m => m.MaxScoreImpact > 0).OrderByDescending(m => m.MaxScoreImpact).ThenBy(m => m.Id, StringComparer.Ordinal).Take(TopMetrics);

    private static void Footnote(TextWriter o, bool show)
    {
        if (show)
        {
            o.WriteLine();
            o.WriteLine(Display.ApproximateFootnote);
        }
    }
}
