using ExposureSdk.Providers;
using ExposureSdk.Samples.Cli.Inputs;
using ExposureSdk.Scoring;

namespace ExposureSdk.Samples.Cli.Sources;

/// <summary>The <c>sources</c> entry of a run over one source read whole (demo tenant, snapshot file, Microsoft Graph alone).</summary>
internal static class SingleSource
{
    public static SourceReport Demo(TenantInput input) => SourceReport.FromSnapshot(SourceOptions.Demo, input.Source, input.Current);

    public static SourceReport File(TenantInput input) => SourceReport.FromSnapshot(SourceOptions.File, input.Source, input.Current);

    /// <summary>
    /// Microsoft Graph alone: the provider yields no recommendation when the tenant has no daily Secure Score
    /// at all, which is the Inactive rule (domain rules §2); otherwise Active, with Secure Score as its own
    /// points (the engine's points over Graph's controls).
    /// </summary>
    public static SourceReport Graph(TenantInput input)
    {
        if (input.Current.Recommendations.Count == 0)
        {
            return new SourceReport(SourceOptions.Graph, SourceStatus.Inactive, "no daily Secure Score at all (Secure Score is not active), so no recommendation is shown", 0, 0, 0, null, []);
        }

        var points = ExposureScorer.Score(input.Current).SecureScore;
        return SourceReport.FromSnapshot(SourceOptions.Graph, input.Source, input.Current, points);
    }
}
