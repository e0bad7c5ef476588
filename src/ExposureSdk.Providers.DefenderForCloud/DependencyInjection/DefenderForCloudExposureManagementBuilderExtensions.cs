using Azure.Core;
using ExposureSdk.Providers;
using ExposureSdk.Providers.DefenderForCloud;
using ExposureSdk.Providers.DefenderForCloud.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the Microsoft Defender for Cloud source (<see cref="DefenderForCloudProvider"/>) to the ExposureSdk
/// runtime registered by <c>services.AddExposureManagement(...)</c>, in one line.
/// </summary>
/// <remarks>
/// <para>The provider is a singleton created on first use through
/// <see cref="ExposureManagementBuilderExtensions.AddSourceProvider(IExposureManagementBuilder, Func{IServiceProvider, ExposureSourceProvider})"/>,
/// with the container's <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/> when registered; the
/// container disposes it.</para>
/// <para>Its options are the named options <c>"DefenderForCloud"</c>
/// (<see cref="DefenderForCloudProvider.ProviderName"/>): the <c>configure</c> delegate is added with
/// <c>Configure</c>, so <c>services.Configure&lt;DefenderForCloudOptions&gt;("DefenderForCloud", ...)</c> adds
/// to them. They are validated when the host starts (<c>ValidateOnStart</c>) by the rules documented on
/// <see cref="DefenderForCloudOptions"/>: an invalid value fails start-up (or, without a host, the first
/// resolution of the providers) with an <see cref="OptionsValidationException"/> naming the option, for
/// example <c>The field DefenderForCloud.PageSize must be between 1 and 1000.</c></para>
/// <para>One Defender for Cloud provider per runtime (its name must be unique and its throttling state is
/// per provider): a second call throws.</para>
/// </remarks>
public static class DefenderForCloudExposureManagementBuilderExtensions
{
    /// <summary>
    /// Adds a Defender for Cloud provider that authenticates with an Azure.Core <see cref="TokenCredential"/>
    /// from the container (for example <c>DefaultAzureCredential</c>); the token is asked for the ARM
    /// endpoint's <c>.default</c> scope and sent only to that host.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddExposureManagement</c>.</param>
    /// <param name="credentialFactory">Returns the credential, called once when the provider is created.</param>
    /// <param name="configure">Configures the options (endpoint, read path, subscriptions...); <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="credentialFactory"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A Defender for Cloud provider was already added to this service collection.</exception>
    public static IExposureManagementBuilder AddDefenderForCloud(
        this IExposureManagementBuilder builder,
        Func<IServiceProvider, TokenCredential> credentialFactory,
        Action<DefenderForCloudOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(credentialFactory);
        AddOptions(builder.Services, configure);
        return builder.AddSourceProvider(services => DefenderForCloudProvider.Create(
            credentialFactory(services) ?? throw new InvalidOperationException("The credentialFactory given to AddDefenderForCloud returned null."),
            Options(services),
            services.GetService<TimeProvider>(),
            Logger(services)));
    }

    /// <summary>
    /// Adds a Defender for Cloud provider that authenticates with an access-token callback (for example a
    /// token read from an environment variable); the callback is called only for requests to the ARM host.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddExposureManagement</c>.</param>
    /// <param name="accessTokenProviderFactory">Returns the callback, called once when the provider is created.</param>
    /// <param name="configure">Configures the options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="accessTokenProviderFactory"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A Defender for Cloud provider was already added to this service collection.</exception>
    public static IExposureManagementBuilder AddDefenderForCloud(
        this IExposureManagementBuilder builder,
        Func<IServiceProvider, Func<CancellationToken, ValueTask<string>>> accessTokenProviderFactory,
        Action<DefenderForCloudOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(accessTokenProviderFactory);
        AddOptions(builder.Services, configure);
        return builder.AddSourceProvider(services => DefenderForCloudProvider.Create(
            accessTokenProviderFactory(services) ?? throw new InvalidOperationException("The accessTokenProviderFactory given to AddDefenderForCloud returned null."),
            Options(services),
            services.GetService<TimeProvider>(),
            Logger(services)));
    }

    /// <summary>
    /// Adds a Defender for Cloud provider that sends through a Kiota request adapter from the container. Its
    /// authentication provider should only send tokens to the ARM host; the provider does not dispose it.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddExposureManagement</c>.</param>
    /// <param name="requestAdapterFactory">Returns the request adapter, called once when the provider is created.</param>
    /// <param name="configure">Configures the options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="requestAdapterFactory"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A Defender for Cloud provider was already added to this service collection.</exception>
    public static IExposureManagementBuilder AddDefenderForCloud(
        this IExposureManagementBuilder builder,
        Func<IServiceProvider, IRequestAdapter> requestAdapterFactory,
        Action<DefenderForCloudOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(requestAdapterFactory);
        AddOptions(builder.Services, configure);
        return builder.AddSourceProvider(services => new DefenderForCloudProvider(
            requestAdapterFactory(services) ?? throw new InvalidOperationException("The requestAdapterFactory given to AddDefenderForCloud returned null."),
            Options(services),
            services.GetService<TimeProvider>(),
            Logger(services)));
    }

    private static void AddOptions(IServiceCollection services, Action<DefenderForCloudOptions>? configure)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<DefenderForCloudOptions>) && !d.IsKeyedService && d.ImplementationType == typeof(DefenderForCloudOptionsValidator)))
        {
            throw new InvalidOperationException(
                "AddDefenderForCloud was already called on this service collection. Provider names must be unique, so the runtime holds one Defender for Cloud provider (list several subscriptions in its options).");
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DefenderForCloudOptions>, DefenderForCloudOptionsValidator>());
        var options = services.AddOptions<DefenderForCloudOptions>(DefenderForCloudOptionsValidator.OptionsName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
    }

    private static DefenderForCloudOptions Options(IServiceProvider services)
        => services.GetRequiredService<IOptionsMonitor<DefenderForCloudOptions>>().Get(DefenderForCloudOptionsValidator.OptionsName);

    private static ILogger? Logger(IServiceProvider services)
        => services.GetService<ILoggerFactory>()?.CreateLogger("ExposureSdk.Providers.DefenderForCloud");
}
