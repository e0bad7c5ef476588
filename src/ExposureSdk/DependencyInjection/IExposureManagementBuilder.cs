namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Configures the ExposureSdk runtime registered by
/// <see cref="ExposureManagementServiceCollectionExtensions.AddExposureManagement"/>: its source
/// providers, its history store and its event subscribers.
/// </summary>
public interface IExposureManagementBuilder
{
    /// <summary>The service collection the runtime is registered in.</summary>
    IServiceCollection Services { get; }
}
