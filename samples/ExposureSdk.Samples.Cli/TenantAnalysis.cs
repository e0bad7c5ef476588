using ExposureSdk.Events;
using ExposureSdk.Samples.Cli.Inputs;
using ExposureSdk.ScoreCards;
using ExposureSdk.Scoring;

namespace ExposureSdk.Samples.Cli;

/// <summary>
/// Everything the commands show about one tenant: today's score report, one score card per day of
/// history (for the 14-day trends and the 24-hour movement), the events of the latest comparison
/// (the CI gate) and the recent events (past 7 days).
/// </summary>
internal sealed class TenantAnalysis
{
    /// <summary>How far back the dashboard's "recent events" go (domain rules §4: past 7 days).</summary>
    public static readonly TimeSpan RecentEventsWindow = ExposureSdk.Events.SecurityEventWindows.Recent;

    private TenantAnalysis(TenantInput input, ScoreReport report, IReadOnlyList<ScoreCard> cards, IReadOnlyList<SecurityEvent> latest, IReadOnlyList<SecurityEvent> recent, ScoreDropOptions options)
    {
        Input = input;
        Report = report;
        Cards = cards;
        LatestEvents = latest;
        RecentEvents = recent;
        Options = options;
    }

    public TenantInput Input { get; }

    public ScoreReport Report { get; }

    /// <summary>Gets one score card per snapshot of the history, oldest first; the last is today's.</summary>
    public IReadOnlyList<ScoreCard> Cards { get; }

    /// <summary>Gets the events of the current snapshot against its baseline (yesterday, or <c>--previous</c>).</summary>
    public IReadOnlyList<SecurityEvent> LatestEvents { get; }

    /// <summary>Gets the events of the past 7 days, newest first.</summary>
    public IReadOnlyList<SecurityEvent> RecentEvents { get; }

    public ScoreDropOptions Options { get; }

    /// <summary>Gets a value indicating whether the latest comparison found at least one metric or initiative score drop.</summary>
    public bool HasScoreDrop => LatestEvents.Any(e => e.Kind is SecurityEventKind.MetricScoreDrop or SecurityEventKind.InitiativeScoreDrop);

    /// <summary>Scores the input and detects the events.</summary>
    /// <param name="input">The snapshots.</param>
    /// <param name="options">The drop-detection options (threshold).</param>
    /// <returns>The analysis.</returns>
    public static TenantAnalysis Run(TenantInput input, ScoreDropOptions options)
    {
        var reports = input.History.Select(s => ExposureScorer.Score(s)).ToList();
        var cards = (input.EarlierCards ?? []).Concat(reports.Select(ScoreCard.FromReport)).ToList();
        var current = cards[^1];
        var explicitPrevious = input.Previous is not null && input.History.Count == 2;

        var latest = Detect(cards, cards.Count - 1, options, explicitPrevious);
        var recent = new List<SecurityEvent>();
        for (var i = cards.Count - 1; i >= 1 && current.AsOf - cards[i].AsOf < RecentEventsWindow; i--)
        {
            recent.AddRange(i == cards.Count - 1 ? latest : Detect(cards, i, options, explicitPrevious));
        }

        return new TenantAnalysis(input, reports[^1], cards, DashboardModel.OrderEvents(latest), DashboardModel.OrderEvents(recent), options);
    }

    /// <summary>The dashboard's input with the given events (the recent ones for <c>report</c>, the latest comparison's for <c>events</c>).</summary>
    public DashboardInput ToDashboard(IReadOnlyList<SecurityEvent> events) =>
        new(Report, Cards, events, Input.Source, Options.ThresholdPoints, Cards.Count >= 2 ? Cards[^2].AsOf : null, Input.Sources ?? []);

    private static IReadOnlyList<SecurityEvent> Detect(List<ScoreCard> cards, int index, ScoreDropOptions options, bool explicitPrevious)
    {
        // With --previous the user chose the baseline; otherwise it is yesterday's latest card (domain rules §4).
        var baseline = explicitPrevious
            ? cards[index - 1]
            : ScoreDropDetector.SelectBaseline(cards.Take(index), cards[index].AsOf, options);
        return ScoreDropDetector.Detect(baseline, cards[index], options);
    }
}
