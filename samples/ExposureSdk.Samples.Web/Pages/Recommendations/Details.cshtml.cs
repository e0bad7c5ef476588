using System.Globalization;
using ExposureSdk.Samples.Web.Hosting;
using ExposureSdk.Scoring;
using Microsoft.AspNetCore.Mvc;

namespace ExposureSdk.Samples.Web.Pages.Recommendations;

/// <summary>One recommendation: description, remediation steps, the Manage link, the exposed assets (paged), and its related metrics and initiatives.</summary>
public sealed class DetailsModel(DashboardData data) : DashboardPageModel(data)
{
    /// <summary>Exposed assets per page.</summary>
    public const int AssetsPerPage = 25;

    /// <summary>Gets the recommendation as the source gave it.</summary>
    public Recommendation Recommendation { get; private set; } = null!;

    /// <summary>Gets its score.</summary>
    public RecommendationScore Score { get; private set; } = null!;

    /// <summary>Gets the exposed assets of the current page.</summary>
    public IReadOnlyList<Asset> Assets { get; private set; } = [];

    /// <summary>Gets how many assets are exposed (per-asset results).</summary>
    public int ExposedCount { get; private set; }

    /// <summary>Gets the current page of assets.</summary>
    public int AssetPage { get; private set; } = 1;

    /// <summary>Gets the number of asset pages (at least 1).</summary>
    public int AssetPageCount => Math.Max(1, (ExposedCount + AssetsPerPage - 1) / AssetsPerPage);

    /// <summary>Gets the related metrics.</summary>
    public IReadOnlyList<MetricScore> Metrics { get; private set; } = [];

    /// <summary>Gets the related initiatives.</summary>
    public IReadOnlyList<InitiativeScore> Initiatives { get; private set; } = [];

    public IActionResult OnGet(string id, [FromQuery(Name = "page")] string? page)
    {
        if (!TryTakeResult())
        {
            return Page();
        }

        var report = Result.Report;
        if (report.FindRecommendation(id) is not { } score || Result.Snapshot.Recommendations.FirstOrDefault(r => r.Id.Value == id) is not { } recommendation)
        {
            return Show(StatusCodes.Status404NotFound, "Not found", $"There is no recommendation '{id}' in the latest refresh.");
        }

        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1))
        {
            return Show(StatusCodes.Status400BadRequest, "Bad page", $"page: '{SafeText.Neutralize(page, 100)}' is not valid (expected a whole number of at least 1).");
        }

        Score = score;
        Recommendation = recommendation;
        var assets = Result.Snapshot.Assets.ToDictionary(a => a.Id);
        var exposed = Result.Snapshot.Assessments
            .Where(a => a.RecommendationId == score.Id && a.Status == AssessmentStatus.Unhealthy)
            .Select(a => assets.TryGetValue(a.AssetId, out var asset) ? asset : new Asset(a.AssetId, AssetKind.Unknown))
            .DistinctBy(a => a.Id)
            .OrderByDescending(a => (int?)a.Criticality ?? 0)
            .ThenBy(a => a.Name ?? a.Id.Value, StringComparer.OrdinalIgnoreCase)
            .ToList();
        ExposedCount = exposed.Count;
        AssetPage = Math.Min(page is null ? 1 : int.Parse(page, CultureInfo.InvariantCulture), AssetPageCount);
        Assets = [.. exposed.Skip((AssetPage - 1) * AssetsPerPage).Take(AssetsPerPage)];
        Metrics = [.. score.MetricIds.Select(report.FindMetric).OfType<MetricScore>()];
        Initiatives = [.. score.InitiativeIds.Select(report.FindInitiative).OfType<InitiativeScore>()];
        return Page();
    }
}
