using ExposureSdk.History;
using ExposureSdk.Orleans;
using ExposureSdk.Orleans.Hosting;
using ExposureSdk.Orleans.Partitioning;
using ExposureSdk.Orleans.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Orleans.Hosting;

/// <summary>Adds the ExposureSdk grains to a silo.</summary>
public static class ExposureSiloBuilderExtensions
{
    /// <summary>
    /// Adds the ExposureSdk grains (tenant, portfolio, partitioned rollup) to the silo, with their options
    /// (<see cref="ExposureGrainOptions"/>) validated when the silo starts, the per-silo refresh bound and an
    /// <see cref="ExposureCluster"/> for code on the silo. The host registers, in the silo's services, the
    /// <see cref="IExposureTenantFactory"/> that knows its tenants and the <see cref="IScoreHistoryStore"/> every
    /// silo shares (the SQLite store on a shared file, or a server database); start-up fails with an
    /// <see cref="OptionsValidationException"/> saying which is missing.
    /// </summary>
    /// <remarks>Safe to call more than once: services are added with <c>TryAdd*</c>, and each call adds its <paramref name="configure"/>.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Configures the options, if given.</param>
    /// <returns>The silo builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static ISiloBuilder AddExposureManagementGrains(this ISiloBuilder builder, Action<ExposureGrainOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ExposureGrainOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExposureGrainOptions>, ExposureGrainOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExposureGrainOptions>, SiloServicesCheck>());
        builder.Services.TryAddSingleton<RefreshGate>();
        builder.Services.TryAddSingleton<ExposureCluster>();
        if (!builder.Services.Any(d => d.ServiceType == typeof(PartitionSpreadPlacementDirector)))
        {
            builder.Services.AddSingleton<PartitionSpreadPlacementDirector>();
            builder.Services.AddPlacementDirector<PartitionSpreadPlacement, PartitionSpreadPlacementDirector>();
        }

        return builder;
    }

    /// <summary>Checks at start that the host registered what the grains need.</summary>
    private sealed class SiloServicesCheck(IServiceProviderIsService services) : IValidateOptions<ExposureGrainOptions>
    {
        public ValidateOptionsResult Validate(string? name, ExposureGrainOptions options)
        {
            var missing = new List<string>();
            if (!services.IsService(typeof(IExposureTenantFactory)))
            {
                missing.Add($"No {nameof(IExposureTenantFactory)} is registered in the silo's services: register the one that knows the tenants (services.AddSingleton<{nameof(IExposureTenantFactory)}, YourTenants>()).");
            }

            if (!services.IsService(typeof(IScoreHistoryStore)))
            {
                missing.Add($"No {nameof(IScoreHistoryStore)} is registered in the silo's services: register the store every silo shares (for example a SqliteScoreHistoryStore on a shared file, or a server database store).");
            }

            return missing.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(missing);
        }
    }
}

/// <summary>Adds the ExposureSdk client side to an Orleans client.</summary>
public static class ExposureClientBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ExposureCluster"/> (typed access to the tenant, portfolio and partitioned-rollup grains,
    /// and refreshes retried across silo failures) with its options (<see cref="ExposureClientOptions"/>)
    /// validated when the client host starts.
    /// </summary>
    /// <remarks>Safe to call more than once.</remarks>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Configures the options, if given.</param>
    /// <returns>The client builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IClientBuilder AddExposureManagementClient(this IClientBuilder builder, Action<ExposureClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ExposureClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExposureClientOptions>, ExposureClientOptionsValidator>());
        builder.Services.TryAddSingleton<ExposureCluster>();
        return builder;
    }
}
