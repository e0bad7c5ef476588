using ExposureSdk.Demo;
using ExposureSdk.Orleans.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace ExposureSdk.Orleans.Tests.Support;

/// <summary>The host's tenant factory in the tests: the world's tenants, each read by a demo provider on the world's clock.</summary>
internal sealed class WorldTenantFactory(TestWorld world, string siloName) : IExposureTenantFactory
{
    public ValueTask<IReadOnlyList<string>> GetTenantIdsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<string>>([.. world.Tenants.Keys.Order(StringComparer.Ordinal)]);

    public void ConfigureTenant(string tenantId, IExposureManagementBuilder builder)
    {
        if (!world.Tenants.TryGetValue(tenantId, out var setup))
        {
            throw new KeyNotFoundException($"the host knows no tenant '{tenantId}'.");
        }

        world.RuntimesBuilt.AddOrUpdate(siloName, 1, (_, n) => n + 1);
        builder.Services.AddSingleton<TimeProvider>(world.Clock);
        if (!setup.WithoutDemo)
        {
            builder.AddSourceProvider(new DemoTenantSourceProvider(world.Demo(tenantId)));
        }

        setup.Configure?.Invoke(builder);
    }
}
