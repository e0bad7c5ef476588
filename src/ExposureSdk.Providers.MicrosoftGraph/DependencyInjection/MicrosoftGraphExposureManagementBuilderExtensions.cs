using Azure.Core;
using ExposureSdk.Providers;
using ExposureSdk.Providers.MicrosoftGraph;
using ExposureSdk.Providers.MicrosoftGraph.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds the Microsoft Graph Secure Score source (<see cref="MicrosoftGraphSecureScoreProvider"/>) to the
/// ExposureSdk runtime registered by <c>services.AddExposureManagement(...)</c>, in one line.
/// </summary>
/// <remarks>
/// <para>The provider is a singleton created on first use through
/// <see cref="ExposureManagementBuilderExtensions.AddSourceProvider(IExposureManagementBuilder, Func{IServiceProvider, ExposureSourceProvider})"/>,
/// with the container's <see cref="TimeProvider"/> when one is registered (<c>AddExposureManagement</c>
/// registers <see cref="TimeProvider.System"/> unless you registered another) and a logger named
/// <c>ExposureSdk.Providers.MicrosoftGraph</c> when an <see cref="ILoggerFactory"/> is registered; the container disposes it.</para>
/// <para>Its options are the named options <c>"MicrosoftGraph"</c>
/// (<see cref="MicrosoftGraphSecureScoreProvider.ProviderName"/>): the <c>configure</c> delegate is
/// added with <c>Configure</c>, so you can also add to them with
/// <c>services.Configure&lt;MicrosoftGraphProviderOptions&gt;("MicrosoftGraph", ...)</c>. They are
/// validated when the host starts (<c>ValidateOnStart</c>) by the rules documented on
/// <see cref="MicrosoftGraphProviderOptions"/>: an invalid value fails start-up (or, without a host, the
/// first resolution of the providers) with an <see cref="OptionsValidationException"/> whose message names
/// the option, for example <c>The field MicrosoftGraph.MaxRequestsPerMinute must be between 1 and 150.</c></para>
/// <para>One Graph provider per runtime: the runtime describes one tenant
/// (<c>ExposureRefreshPipelineOptions.TenantId</c>) and Graph's rate limit is per tenant, so a second call
/// throws. To read the provider itself (for example for
/// <see cref="MicrosoftGraphSecureScoreProvider.GetSecureScoreHistoryAsync"/>), resolve
/// <c>IEnumerable&lt;ExposureSourceProvider&gt;</c> and take the <see cref="MicrosoftGraphSecureScoreProvider"/>.</para>
/// </remarks>
public static class MicrosoftGraphExposureManagementBuilderExtensions
{
    /// <summary>
    /// Adds a Graph Secure Score provider that sends through a Kiota request adapter from the container
    /// (for example your Graph client's <c>RequestAdapter</c>).
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddExposureManagement</c>.</param>
    /// <param name="requestAdapterFactory">
    /// Returns the request adapter, called once when the provider is created. Its authentication provider
    /// should only send tokens to Graph hosts. The provider does not dispose the adapter: register it in
    /// the container (or dispose it yourself) if it must be disposed.
    /// </param>
    /// <param name="configure">Configures the options (base URL, history days, rate limit...); <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="requestAdapterFactory"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A Graph Secure Score provider was already added to this service collection.</exception>
    public static IExposureManagementBuilder AddMicrosoftGraphSecureScore(
        this IExposureManagementBuilder builder,
        Func<IServiceProvider, IRequestAdapter> requestAdapterFactory,
        Action<MicrosoftGraphProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(requestAdapterFactory);
        AddOptions(builder.Services, configure);
        return builder.AddSourceProvider(services => new MicrosoftGraphSecureScoreProvider(
            requestAdapterFactory(services) ?? throw new InvalidOperationException("The requestAdapterFactory given to AddMicrosoftGraphSecureScore returned null."),
            Options(services),
            services.GetService<TimeProvider>(),
            Logger(services)));
    }

    /// <summary>
    /// Adds a Graph Secure Score provider with its own HTTP pipeline and bearer-token authentication
    /// (<see cref="MicrosoftGraphSecureScoreProvider.Create(Uri, Func{CancellationToken, ValueTask{string}}, MicrosoftGraphProviderOptions?, TimeProvider?, ILogger?)"/>); the container disposes it and its HTTP client.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddExposureManagement</c>.</param>
    /// <param name="baseUrl">
    /// The Graph base URL with its version, for example <see cref="MicrosoftGraphCloud.Global"/>. It
    /// overrides <see cref="MicrosoftGraphProviderOptions.BaseUrl"/> (applied after every configure delegate)
    /// and is validated at start like the other options: absolute https (http only for a loopback host).
    /// </param>
    /// <param name="accessTokenProviderFactory">
    /// Returns the access-token callback, called once when the provider is created (for example from a
    /// token credential registered in the container). The callback is then called per request, only for
    /// the base URL's host (or <see cref="MicrosoftGraphProviderOptions.AllowedHosts"/>); tokens are never logged.
    /// </param>
    /// <param name="configure">Configures the other options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="baseUrl"/> or <paramref name="accessTokenProviderFactory"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A Graph Secure Score provider was already added to this service collection.</exception>
    public static IExposureManagementBuilder AddMicrosoftGraphSecureScore(
        this IExposureManagementBuilder builder,
        Uri baseUrl,
        Func<IServiceProvider, Func<CancellationToken, ValueTask<string>>> accessTokenProviderFactory,
        Action<MicrosoftGraphProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(accessTokenProviderFactory);
        AddOptions(builder.Services, configure).PostConfigure(o => o.BaseUrl = baseUrl);
        return builder.AddSourceProvider(services =>
        {
            var options = Options(services);
            return MicrosoftGraphSecureScoreProvider.Create(
                options.BaseUrl,
                accessTokenProviderFactory(services) ?? throw new InvalidOperationException("The accessTokenProviderFactory given to AddMicrosoftGraphSecureScore returned null."),
                options,
                services.GetService<TimeProvider>(),
                Logger(services));
        });
    }

    /// <summary>
    /// Adds a Graph Secure Score provider with its own HTTP pipeline that authenticates with an Azure.Core
    /// <see cref="TokenCredential"/> (<see cref="MicrosoftGraphSecureScoreProvider.Create(Uri, TokenCredential, MicrosoftGraphProviderOptions?, TimeProvider?, ILogger?)"/>),
    /// for example <c>new DefaultAzureCredential()</c>; the container disposes the provider and its HTTP client.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddExposureManagement</c>.</param>
    /// <param name="baseUrl">
    /// The Graph base URL with its version, for example <see cref="MicrosoftGraphCloud.Global"/>. It
    /// overrides <see cref="MicrosoftGraphProviderOptions.BaseUrl"/> and decides the scope asked for
    /// (<c>https://graph.microsoft.com/.default</c> for the global service).
    /// </param>
    /// <param name="credentialFactory">
    /// Returns the credential, called once when the provider is created. It is asked for a token only for
    /// requests to the base URL's host and port (or <see cref="MicrosoftGraphProviderOptions.AllowedHosts"/>);
    /// tokens are never logged.
    /// </param>
    /// <param name="configure">Configures the other options; <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="baseUrl"/> or <paramref name="credentialFactory"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A Graph Secure Score provider was already added to this service collection.</exception>
    public static IExposureManagementBuilder AddMicrosoftGraphSecureScore(
        this IExposureManagementBuilder builder,
        Uri baseUrl,
        Func<IServiceProvider, TokenCredential> credentialFactory,
        Action<MicrosoftGraphProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(credentialFactory);
        AddOptions(builder.Services, configure).PostConfigure(o => o.BaseUrl = baseUrl);
        return builder.AddSourceProvider(services =>
        {
            var options = Options(services);
            return MicrosoftGraphSecureScoreProvider.Create(
                options.BaseUrl,
                credentialFactory(services) ?? throw new InvalidOperationException("The credentialFactory given to AddMicrosoftGraphSecureScore returned null."),
                options,
                services.GetService<TimeProvider>(),
                Logger(services));
        });
    }

    private static OptionsBuilder<MicrosoftGraphProviderOptions> AddOptions(IServiceCollection services, Action<MicrosoftGraphProviderOptions>? configure)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<MicrosoftGraphProviderOptions>) && !d.IsKeyedService && d.ImplementationType == typeof(MicrosoftGraphProviderOptionsValidator)))
        {
            throw new InvalidOperationException(
                "AddMicrosoftGraphSecureScore was already called on this service collection. The runtime describes one tenant and provider names must be unique, so it holds one Microsoft Graph provider.");
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MicrosoftGraphProviderOptions>, MicrosoftGraphProviderOptionsValidator>());
        var options = services.AddOptions<MicrosoftGraphProviderOptions>(MicrosoftGraphProviderOptionsValidator.OptionsName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return options.ValidateOnStart();
    }

    private static MicrosoftGraphProviderOptions Options(IServiceProvider services)
        => services.GetRequiredService<IOptionsMonitor<MicrosoftGraphProviderOptions>>().Get(MicrosoftGraphProviderOptionsValidator.OptionsName);

    private static ILogger? Logger(IServiceProvider services)
        => services.GetService<ILoggerFactory>()?.CreateLogger("ExposureSdk.Providers.MicrosoftGraph");
}
