using ExposureSdk.Providers.Scanners;
using ExposureSdk.Providers.Scanners.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the scanner sources (domain rules §7) with the ExposureSdk runtime: OCSF findings (Prowler and
/// any OCSF 1.x scanner) and Maester results, each with named <see cref="ScanFilesOptions"/> validated when
/// the host starts.
/// </summary>
public static class ScannerExposureManagementBuilderExtensions
{
    /// <summary>
    /// Adds an <see cref="OcsfSourceProvider"/> over the files and folders of <see cref="ScanFilesOptions.Paths"/>
    /// (JSON array, JSON Lines or Prowler CSV). The options are the named instance <paramref name="name"/>
    /// (bindable from configuration with <c>services.Configure&lt;ScanFilesOptions&gt;(name, section)</c>),
    /// validated at start.
    /// </summary>
    /// <param name="builder">The runtime builder.</param>
    /// <param name="configure">Sets the paths; may be <see langword="null"/> when the options are configured elsewhere.</param>
    /// <param name="name">The provider's name (and the options' name), unique among the providers; <c>OCSF</c> by default.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">A scanner source with this name was already added.</exception>
    public static IExposureManagementBuilder AddOcsfFindings(this IExposureManagementBuilder builder, Action<ScanFilesOptions>? configure = null, string name = OcsfFindingReader.DefaultProviderName)
    {
        AddOptions(builder, configure, name);
        return builder.AddSourceProvider(services => new OcsfSourceProvider(Options(services, name).Paths, name));
    }

    /// <summary>
    /// Adds a <see cref="MaesterSourceProvider"/> over the Maester result files and folders of
    /// <see cref="ScanFilesOptions.Paths"/>. The options are the named instance <paramref name="name"/>,
    /// validated at start.
    /// </summary>
    /// <param name="builder">The runtime builder.</param>
    /// <param name="configure">Sets the paths; may be <see langword="null"/> when the options are configured elsewhere.</param>
    /// <param name="name">The provider's name (and the options' name), unique among the providers; <c>Maester</c> by default.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="InvalidOperationException">A scanner source with this name was already added.</exception>
    public static IExposureManagementBuilder AddMaesterResults(this IExposureManagementBuilder builder, Action<ScanFilesOptions>? configure = null, string name = MaesterResultReader.DefaultProviderName)
    {
        AddOptions(builder, configure, name);
        return builder.AddSourceProvider(services => new MaesterSourceProvider(Options(services, name).Paths, name));
    }

    private static void AddOptions(IExposureManagementBuilder builder, Action<ScanFilesOptions>? configure, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ScannerRegistration) && d.ImplementationInstance is ScannerRegistration r && string.Equals(r.Name, name, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"A scanner source named '{name}' was already added. Provider names must be unique: give the second one another name (the name argument), or list both folders in one source's Paths.");
        }

        services.AddSingleton(new ScannerRegistration(name));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScanFilesOptions>, ScanFilesOptionsValidator>());
        var options = services.AddOptions<ScanFilesOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
    }

    private static ScanFilesOptions Options(IServiceProvider services, string name)
        => services.GetRequiredService<IOptionsMonitor<ScanFilesOptions>>().Get(name);
}
