using ExposureSdk.Samples.Web.Charts;
using ExposureSdk.Samples.Web.Hosting;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;
using Microsoft.AspNetCore.Mvc;

namespace ExposureSdk.Samples.Web.Pages.Metrics;

/// <summary>One metric: score, history chart with the reasons for changes over 2.5 points, its contributions to initiatives, what fixing it would change, and the remediation plan of its recommendations.</summary>
public sealed class DetailsModel(DashboardData data) : DashboardPageModel(data)
{
    /// <summary>How many days of history the chart shows.</summary>
    public const int HistoryDays = 90;

    /// <summary>How many plan steps the page lists.</summary>
    public const int PlanSteps = 10;

    /// <summary>How many of the most affected assets the page lists.</summary>
    public const int TopAssets = 20;

    public MetricScore Metric { get; private set; } = null!;

    public ScoreCardMetric? Card { get; private set; }

    /// <summary>Gets how the score was computed (the CLI's <c>explain --metric</c>).</summary>
    public ExplanationJson Explanation { get; private set; } = null!;

    public IReadOnlyList<ChartPoint> History { get; private set; } = [];

    public IReadOnlyDictionary<string, string> InitiativeNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>Gets the what-if: the scores if every recommendation of the metric were fixed (null when nothing is unhealthy).</summary>
    public ScoreReport? WhatIf { get; private set; }

    public IReadOnlyList<RemediationStep> Plan { get; private set; } = [];

    public IReadOnlyList<Asset> TopAffected { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!TryTakeResult())
        {
            return Page();
        }

        var report = Result.Report;
        if (report.FindMetric(id) is not { } metric)
        {
            return Show(StatusCodes.Status404NotFound, "Not found", $"There is no metric '{id}' in the latest refresh.");
        }

        Metric = metric;
        Card = Result.Card.FindMetric(id);
        Explanation = DetailModels.ExplainMetric(report, id);
        InitiativeNames = report.Initiatives.ToDictionary(i => i.Id.Value, i => i.Name);
        var names = report.Recommendations.ToDictionary(r => r.Id.Value, r => r.Name);
        var daily = ScoreHistory.Daily(await Data.CardsAsync(Result, HistoryDays, cancellationToken), Data.TimeZone);
        History = ScoreHistory.Metric(daily, id, Data.TimeZone, names);
        var members = metric.RecommendationIds.ToHashSet();
        if (metric.Affected > 0)
        {
            WhatIf = ExposureScorer.WhatIf(Result.Snapshot, new RemediationScenario(metric.RecommendationIds));
        }

        Plan = [.. Data.Plan(Result).Steps.Where(s => members.Contains(s.RecommendationId)).Take(PlanSteps)];
        var assets = Result.Snapshot.Assets.ToDictionary(a => a.Id);
        TopAffected = [.. metric.TopAffectedAssetIds.Take(TopAssets).Select(a => assets.TryGetValue(a, out var asset) ? asset : new Asset(a, AssetKind.Unknown))];
        return Page();
    }
}
