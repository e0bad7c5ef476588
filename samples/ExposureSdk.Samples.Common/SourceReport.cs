using ExposureSdk.Pipeline;
using ExposureSdk.Providers;
using ExposureSdk.Scoring;

namespace ExposureSdk.Samples.Common;

/// <summary>
/// One source of the run, as contracts §2 <c>sources</c> shows it: its <c>--source</c> name (the same names in the web sample's configuration), status,
/// detail, counts, its own points figure and its parts.
/// </summary>
/// <param name="Name">The <c>--source</c> value (<c>graph</c>, <c>defender-for-cloud</c>, <c>ocsf</c>, ...).</param>
/// <param name="Status">Active, Limited, Inactive or Failed (domain rules §2).</param>
/// <param name="Detail">Why the source has its status.</param>
/// <param name="Recommendations">The recommendations the source delivered.</param>
/// <param name="Assets">The distinct assets the source delivered.</param>
/// <param name="Assessments">The source's healthy and unhealthy results.</param>
/// <param name="Score">The source's own points (Secure Score, the Defender for Cloud score), or null.</param>
/// <param name="Parts">The source's parts (subscriptions, files), each with its status.</param>
public sealed record SourceReport(
    string Name,
    SourceStatus Status,
    string Detail,
    long Recommendations,
    long Assets,
    long Assessments,
    PointsScore? Score,
    IReadOnlyList<SourceCoveragePart> Parts)
{
    /// <summary>The report of a source read through the refresh pipeline.</summary>
    public static SourceReport FromOutcome(string name, ProviderOutcome outcome)
        => new(
            name,
            outcome.Coverage.Status,
            outcome.Coverage.Detail,
            outcome.Counts.Recommendations,
            outcome.Counts.Assets,
            outcome.Counts.AssessedResults,
            outcome.Coverage.Score,
            outcome.Coverage.Parts);

    /// <summary>The report of a source read whole into one snapshot (the demo tenant, a snapshot file).</summary>
    public static SourceReport FromSnapshot(string name, string detail, ExposureSnapshot snapshot, PointsScore? score = null)
    {
        var assets = new HashSet<string>(snapshot.Assets.Select(a => a.Id.Value), StringComparer.Ordinal);
        foreach (var assessment in snapshot.Assessments)
        {
            assets.Add(assessment.AssetId.Value);
        }

        return new(
            name,
            SourceStatus.Active,
            detail,
            snapshot.Recommendations.Count,
            assets.Count,
            snapshot.Assessments.Count(a => a.Status is AssessmentStatus.Healthy or AssessmentStatus.Unhealthy),
            score,
            []);
    }
}
