using Microsoft.Extensions.DependencyInjection;

namespace ExposureSdk.Orleans.Tenants;

/// <summary>
/// The host's knowledge of its tenants, registered in the silo's services: which tenants the cluster
/// serves, and how each one is read. Credentials stay here, on the silo: a grain message carries only a
/// tenant id, and each tenant grain builds its own runtime by calling <see cref="ConfigureTenant"/>.
/// </summary>
/// <remarks>
/// <para>Register an implementation with <c>services.AddSingleton&lt;IExposureTenantFactory, MyTenants&gt;()</c>
/// next to <c>siloBuilder.AddExposureManagementGrains(...)</c>; every silo needs the same one.</para>
/// <para><see cref="ConfigureTenant"/> receives the builder of the tenant's own service collection, on which
/// <c>AddExposureManagement</c> was already called with <c>TenantId</c> set and the silo's
/// <c>IScoreHistoryStore</c> chosen: add the tenant's source providers with each provider's own DI
/// extension (<c>AddMicrosoftGraphSecureScore</c>, <c>AddDefenderForCloud</c>, <c>AddOcsfFindings</c>,
/// <c>AddSourceProvider</c>), configure its pipeline with
/// <c>builder.Services.Configure&lt;ExposureRefreshPipelineOptions&gt;(...)</c>, and, if needed, give it a
/// <see cref="TimeProvider"/> of its own. The options and the providers are validated when the grain builds
/// the runtime; a failure reaches every caller as an <see cref="ExposureTenantConfigurationException"/>
/// naming the tenant, and never affects another tenant.</para>
/// </remarks>
public interface IExposureTenantFactory
{
    /// <summary>The tenants the cluster serves: the ones portfolio queries ask.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tenant ids.</returns>
    ValueTask<IReadOnlyList<string>> GetTenantIdsAsync(CancellationToken cancellationToken);

    /// <summary>Configures one tenant's runtime: its source providers, pipeline options and subscribers.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="builder">The builder of the tenant's own services.</param>
    /// <exception cref="Exception">Anything, for a tenant the host does not know or cannot configure; the grain reports it as an <see cref="ExposureTenantConfigurationException"/>.</exception>
    void ConfigureTenant(string tenantId, IExposureManagementBuilder builder);
}
