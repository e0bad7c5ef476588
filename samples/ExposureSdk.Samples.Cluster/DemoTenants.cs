using ExposureSdk.Demo;
using ExposureSdk.Orleans.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace ExposureSdk.Samples.Cluster;

/// <summary>The host's tenants: demo tenants with distinct seeds, read on the sample's clock.</summary>
internal sealed class DemoTenants(Dictionary<string, Lazy<DemoTenant>> demos, TimeProvider clock) : IExposureTenantFactory
{
    public ValueTask<IReadOnlyList<string>> GetTenantIdsAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<string>>([.. demos.Keys]);

    public void ConfigureTenant(string tenantId, IExposureManagementBuilder builder)
    {
        var demo = demos.TryGetValue(tenantId, out var d) ? d.Value : throw new KeyNotFoundException($"the host knows no tenant '{tenantId}'.");
        builder.Services.AddSingleton(clock);
        builder.AddSourceProvider(new DemoTenantSourceProvider(demo));
    }
}
