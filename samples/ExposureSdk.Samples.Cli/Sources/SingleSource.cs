using ExposureSdk.Samples.Cli.Inputs;

namespace ExposureSdk.Samples.Cli.Sources;

/// <summary>The <c>sources</c> entry of a run over one snapshot read whole (the demo tenant, a snapshot file).</summary>
internal static class SingleSource
{
    public static SourceReport Demo(TenantInput input) => SourceReport.FromSnapshot(SourceOptions.Demo, input.Source, input.Current);

    public static SourceReport File(TenantInput input) => SourceReport.FromSnapshot(SourceOptions.File, input.Source, input.Current);
}
