using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Queries;
using ExposureSdk.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the ExposureSdk runtime in a service collection.</summary>
public static class ExposureManagementServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ExposureSdk runtime: <see cref="ExposureRefreshPipelineOptions"/>, with the engine's
    /// options nested under it (<see cref="ExposureRefreshPipelineOptions.Scoring"/>,
    /// <see cref="ExposureRefreshPipelineOptions.ScoreDrop"/>), validated by its source-generated
    /// DataAnnotations validator when the host starts, so a bad value fails start-up with an
    /// <see cref="OptionsValidationException"/> naming the option (bind configuration with
    /// <c>services.AddOptions&lt;ExposureRefreshPipelineOptions&gt;().Bind(section)</c>), <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is
    /// already registered, an <see cref="InMemoryScoreHistoryStore"/> unless another
    /// <see cref="IScoreHistoryStore"/> is chosen, and the singletons <see cref="ExposureRefreshPipeline"/>
    /// (built from every registered <see cref="ExposureSourceProvider"/> and
    /// <see cref="IExposureEventSubscriber"/>) and <see cref="ExposureQueries"/>. Logging uses
    /// <see cref="ILogger{TCategoryName}"/> when logging is registered.
    /// </summary>
    /// <remarks>
    /// Safe to call more than once: services are added with <c>TryAdd*</c>, so a second call only adds
    /// its <paramref name="configure"/> delegate (delegates run in registration order).
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options, if given.</param>
    /// <returns>A builder to add source providers, choose the history store and add event subscribers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder AddExposureManagement(this IServiceCollection services, Action<ExposureRefreshPipelineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ExposureRefreshPipelineOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExposureRefreshPipelineOptions>, ExposureRefreshPipelineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScoreHistoryStore, InMemoryScoreHistoryStore>();
        services.TryAddSingleton(sp => new ExposureRefreshPipeline(
            sp.GetServices<ExposureSourceProvider>(),
            sp.GetRequiredService<IScoreHistoryStore>(),
            sp.GetRequiredService<IOptions<ExposureRefreshPipelineOptions>>().Value,
            sp.GetServices<IExposureEventSubscriber>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<ExposureRefreshPipeline>>()));
        services.TryAddSingleton(sp => new ExposureQueries(sp.GetRequiredService<ExposureRefreshPipeline>()));
        return new ExposureManagementBuilder(services);
    }

    private sealed class ExposureManagementBuilder(IServiceCollection services) : IExposureManagementBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
