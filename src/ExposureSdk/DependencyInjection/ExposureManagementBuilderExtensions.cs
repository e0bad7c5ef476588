using System.Diagnostics.CodeAnalysis;
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
}
