using ExposureSdk.Events;
using ExposureSdk.Samples.Web.Charts;
using ExposureSdk.Samples.Web.Hosting;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;
using Microsoft.AspNetCore.Mvc;

namespace ExposureSdk.Samples.Web.Pages.Initiatives;

/// <summary>One initiative: score and target, 24-hour movement, history chart with the reasons for changes over 2.5 points, the metrics' contributions, a what-if and the remediation plan.</summary>
public sealed class DetailsModel(DashboardData data) : DashboardPageModel(data)
{
    /// <summary>How many days of history the chart shows.</summary>
    public const int HistoryDays = 90;

    /// <summary>How many plan steps the page lists (and the what-if fixes).</summary>
    public const int PlanSteps = 10;

    /// <summary>How many of the plan's first steps the what-if fixes.</summary>
    public const int WhatIfSteps = 5;

    public InitiativeScore Initiative { get; private set; } = null!;

    public ScoreCardInitiative? Card { get; private set; }

    public ScoreMovement Movement { get; private set; }

    public IReadOnlyList<ChartPoint> History { get; private set; } = [];

    public IReadOnlyDictionary<string, MetricScore> Metrics { get; private set; } = new Dictionary<string, MetricScore>();

    public IReadOnlyList<RemediationStep> Plan { get; private set; } = [];

    /// <summary>Gets the what-if: the initiative's score if the plan's first steps were done (null when there is nothing to do).</summary>
    public double? WhatIfScore { get; private set; }

    public int RecommendationCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!TryTakeResult())
        {
            return Page();
        }

        var report = Result.Report;
        if (report.FindInitiative(id) is not { } initiative)
        {
            return Show(StatusCodes.Status404NotFound, "Not found", $"There is no initiative '{id}' in the latest refresh.");
        }

        Initiative = initiative;
        Card = Result.Card.FindInitiative(id);
        Metrics = report.Metrics.ToDictionary(m => m.Id.Value);
        var cards = await Data.CardsAsync(Result, HistoryDays, cancellationToken);
        Movement = ScoreTrends.Movement24Hours(cards, ScoreSubject.Initiative(id), Result.AsOf);
        History = ScoreHistory.Initiative(ScoreHistory.Daily(cards, Data.TimeZone), id, Data.TimeZone, report.Metrics.ToDictionary(m => m.Id.Value, m => m.Name));
        Plan = [.. Data.Plan(Result).ForInitiative(initiative.Id).Where(s => s.GainFor(initiative.Id) > 0).Take(PlanSteps)];
        if (Plan.Count > 0)
        {
            var after = ExposureScorer.WhatIf(Result.Snapshot, new RemediationScenario(Plan.Take(WhatIfSteps).Select(s => s.RecommendationId)));
            WhatIfScore = after.FindInitiative(initiative.Id)?.Score;
        }

        var members = new HashSet<RecommendationId>(initiative.RecommendationIds);
        foreach (var m in initiative.Metrics)
        {
            if (report.FindMetric(m.MetricId) is { } metric)
            {
                members.UnionWith(metric.RecommendationIds);
            }
        }

        RecommendationCount = members.Count;
        return Page();
    }
}
