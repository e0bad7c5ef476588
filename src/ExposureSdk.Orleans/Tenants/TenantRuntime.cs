using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Queries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Orleans.Tenants;

/// <summary>
/// One tenant's runtime inside its grain: its own service collection (the core's <c>AddExposureManagement</c>
/// with the tenant id, the silo's history store behind a fence, and whatever the host's
/// <see cref="IExposureTenantFactory"/> adds), its pipeline and its queries. Built when the grain first needs
/// it, disposed when the grain deactivates.
/// </summary>
internal sealed class TenantRuntime : IDisposable
{
    private readonly ServiceProvider _services;

    private TenantRuntime(ServiceProvider services, ExposureRefreshPipeline pipeline, TenantHistoryStore store, ExposureRefreshPipelineOptions options)
    {
        _services = services;
        Pipeline = pipeline;
        Store = store;
        Queries = new ExposureQueries(pipeline);
        Favorites = options.FavoriteInitiatives.ToHashSet();
    }

    public ExposureRefreshPipeline Pipeline { get; }

    public ExposureQueries Queries { get; }

    public TenantHistoryStore Store { get; }

    public IReadOnlySet<InitiativeId> Favorites { get; }

    public TimeProvider Clock => Pipeline.TimeProvider;

    /// <summary>Builds and checks the tenant's runtime.</summary>
    /// <exception cref="ExposureTenantConfigurationException">The factory threw, or the tenant's options or providers are invalid.</exception>
    public static TenantRuntime Create(string tenantId, IExposureTenantFactory factory, IScoreHistoryStore siloStore, ILoggerFactory loggerFactory)
    {
        var store = new TenantHistoryStore(siloStore);
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        var builder = services.AddExposureManagement(o => o.TenantId = tenantId);
        builder.UseHistoryStore(store);
        try
        {
            factory.ConfigureTenant(tenantId, builder);
        }
        catch (Exception ex)
        {
            throw new ExposureTenantConfigurationException(tenantId, ex.Message, ex);
        }

        // The pipeline's own subscribers hear recorded refreshes only, never a warm-up (which records nothing).
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IExposureEventSubscriber) && !services[i].IsKeyedService)
            {
                var original = services[i];
                services[i] = ServiceDescriptor.Singleton<IExposureEventSubscriber>(sp => new RecordedRefreshSubscriber(Resolve(original, sp), store));
            }
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            // The checks a host runs at start (ValidateOnStart of the pipeline's and each provider's options).
            provider.GetService<IStartupValidator>()?.Validate();
            var options = provider.GetRequiredService<IOptions<ExposureRefreshPipelineOptions>>().Value;
            if (!string.Equals(options.TenantId, tenantId, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"its pipeline options name tenant '{options.TenantId}'; a tenant's TenantId is the grain's key and cannot be changed.");
            }

            var pipeline = provider.GetRequiredService<ExposureRefreshPipeline>();
            if (!ReferenceEquals(pipeline.History, store))
            {
                throw new InvalidOperationException("it chose a history store of its own; the history store is the silo's (register one IScoreHistoryStore in the silo's services).");
            }

            if (pipeline.Providers.Count == 0)
            {
                throw new InvalidOperationException("no source provider is configured for it.");
            }

            return new TenantRuntime(provider, pipeline, store, options);
        }
        catch (Exception ex)
        {
            provider.Dispose();
            throw new ExposureTenantConfigurationException(tenantId, ex.Message, ex);
        }
    }

    public void Dispose() => _services.Dispose();

    private static IExposureEventSubscriber Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (IExposureEventSubscriber)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    /// <summary>Passes a refresh's result on to a subscriber unless the refresh was a warm-up.</summary>
    private sealed class RecordedRefreshSubscriber(IExposureEventSubscriber inner, TenantHistoryStore store) : IExposureEventSubscriber
    {
        public ValueTask OnRefreshedAsync(RefreshResult result, CancellationToken cancellationToken) =>
            store.IsWarmUp ? ValueTask.CompletedTask : inner.OnRefreshedAsync(result, cancellationToken);

        public ValueTask OnScoresMissingAsync(RefreshResult result, IReadOnlyList<Events.MissingScore> missing, CancellationToken cancellationToken) =>
            store.IsWarmUp ? ValueTask.CompletedTask : inner.OnScoresMissingAsync(result, missing, cancellationToken);
    }
}
