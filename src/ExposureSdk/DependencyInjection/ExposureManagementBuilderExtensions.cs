using System.Diagnostics.CodeAnalysis;
using ExposureSdk.History;
using ExposureSdk.Pipeline;
using ExposureSdk.Providers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds source providers, the history store and event subscribers to the ExposureSdk runtime.</summary>
/// <remarks>Every method is safe to call twice with the same argument: the second call changes nothing.</remarks>
public static class ExposureManagementBuilderExtensions
{
    /// <summary>Adds a source provider created by the container (a singleton of <typeparamref name="TProvider"/>).</summary>
    /// <typeparam name="TProvider">The provider type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder AddSourceProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(this IExposureManagementBuilder builder)
        where TProvider : ExposureSourceProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ExposureSourceProvider, TProvider>());
        return builder;
    }

    /// <summary>Adds a source provider instance. The same instance added twice is registered once.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="provider"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder AddSourceProvider(this IExposureManagementBuilder builder, ExposureSourceProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        if (!builder.Services.Any(d => d.ServiceType == typeof(ExposureSourceProvider) && !d.IsKeyedService && ReferenceEquals(d.ImplementationInstance, provider)))
        {
            builder.Services.AddSingleton(provider);
        }

        return builder;
    }

    /// <summary>Adds a source provider created by a factory (called once; the provider is a singleton). The same delegate added twice is registered once.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the provider.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="factory"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder AddSourceProvider(this IExposureManagementBuilder builder, Func<IServiceProvider, ExposureSourceProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        if (!builder.Services.Any(d => d.ServiceType == typeof(ExposureSourceProvider) && !d.IsKeyedService && Equals(d.ImplementationFactory, factory)))
        {
            builder.Services.AddSingleton(factory);
        }

        return builder;
    }

    /// <summary>Chooses the history store: a singleton of <typeparamref name="TStore"/>, replacing any store chosen before (the last call wins).</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder UseHistoryStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this IExposureManagementBuilder builder)
        where TStore : class, IScoreHistoryStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.RemoveAll<IScoreHistoryStore>();
        builder.Services.AddSingleton<IScoreHistoryStore, TStore>();
        return builder;
    }

    /// <summary>Chooses the history store instance, replacing any store chosen before (the last call wins).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="store">The store.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="store"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder UseHistoryStore(this IExposureManagementBuilder builder, IScoreHistoryStore store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        builder.Services.RemoveAll<IScoreHistoryStore>();
        builder.Services.AddSingleton(store);
        return builder;
    }

    /// <summary>Chooses the history store created by a factory (called once), replacing any store chosen before (the last call wins).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Creates the store.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="factory"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder UseHistoryStore(this IExposureManagementBuilder builder, Func<IServiceProvider, IScoreHistoryStore> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.RemoveAll<IScoreHistoryStore>();
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Adds an event subscriber created by the container (a singleton of <typeparamref name="TSubscriber"/>).</summary>
    /// <typeparam name="TSubscriber">The subscriber type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder AddEventSubscriber<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSubscriber>(this IExposureManagementBuilder builder)
        where TSubscriber : class, IExposureEventSubscriber
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IExposureEventSubscriber, TSubscriber>());
        return builder;
    }

    /// <summary>Adds an event subscriber instance. The same instance added twice is registered once.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="subscriber">The subscriber.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="subscriber"/> is <see langword="null"/>.</exception>
    public static IExposureManagementBuilder AddEventSubscriber(this IExposureManagementBuilder builder, IExposureEventSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!builder.Services.Any(d => d.ServiceType == typeof(IExposureEventSubscriber) && !d.IsKeyedService && ReferenceEquals(d.ImplementationInstance, subscriber)))
        {
            builder.Services.AddSingleton(subscriber);
        }

        return builder;
    }
}
