using ExposureSdk.Demo;
using ExposureSdk.Providers;

namespace ExposureSdk.Samples.Web.Hosting;

/// <summary>
/// The built-in demo tenant as a source: every pull serves today's snapshot whole (its recommendations, assets,
/// assessments, and the built-in catalog's metrics and initiatives it carries) and reports itself Active, named
/// as the CLI names it ("demo tenant (seed 1729)").
/// </summary>
public sealed class DemoSourceProvider : ExposureSourceProvider
{
    /// <summary>The provider's name (the CLI's <c>--source demo</c>).</summary>
    public const string ProviderName = "demo";

    public DemoSourceProvider(DemoTenant tenant)
        : base(ProviderName)
    {
        Tenant = tenant;
        Label = $"demo tenant (seed {tenant.Seed})";
    }

    /// <summary>Gets the demo tenant.</summary>
    public DemoTenant Tenant { get; }

    /// <summary>Gets how the CLI and the dashboard name this source.</summary>
    public string Label { get; }

    protected override Task<SourceBatch> PullCoreAsync(SourcePullContext context, CancellationToken cancellationToken)
    {
        var today = Tenant.Today;
        context.ReportCoverage(new SourceCoverage(SourceStatus.Active, Label));
        return Task.FromResult(new SourceBatch(
            today.Recommendations.ToAsyncEnumerable(),
            today.Assets.ToAsyncEnumerable(),
            today.Assessments.ToAsyncEnumerable(),
            today.Metrics.ToAsyncEnumerable(),
            today.Initiatives.ToAsyncEnumerable()));
    }
}
