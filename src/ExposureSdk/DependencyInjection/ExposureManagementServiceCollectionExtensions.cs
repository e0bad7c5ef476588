using ExposureSdk;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ExposureSdk runtime in a service collection.</summary>
public static class ExposureManagementServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ExposureSdk runtime: <see cref="ExposureManagementOptions"/> (validated when the
    /// host starts, so a bad value fails start-up with an <see cref="OptionsValidationException"/>
    /// naming the option), <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is
    /// already registered, and the runtime services.
    /// </summary>
    /// <remarks>
    /// Safe to call more than once: services are added with <c>TryAdd*</c>, so a second call only adds
    /// its <paramref name="configure"/> delegate (delegates run in registration order).
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, if given.</param>
    /// <returns>A builder to add source providers, choose the history store and add event subscribers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder AddExposureManagement(this IServiceCollection services, Action<ExposureManagementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ExposureManagementOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExposureManagementOptions>, ExposureManagementOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        return new ExposureManagementBuilder(services);
    }

    private sealed class ExposureManagementBuilder(IServiceCollection services) : IExposureManagementBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
