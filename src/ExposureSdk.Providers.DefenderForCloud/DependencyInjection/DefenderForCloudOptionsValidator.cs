using Microsoft.Extensions.Options;

namespace ExposureSdk.Providers.DefenderForCloud.DependencyInjection;

/// <summary>
/// Validates <see cref="DefenderForCloudOptions"/> from its DataAnnotations and
/// <see cref="DefenderForCloudOptions.Validate"/> (source-generated): registered by
/// <c>AddDefenderForCloud</c> with <c>ValidateOnStart</c>, and used by the provider when it is created.
/// </summary>
[OptionsValidator]
internal sealed partial class DefenderForCloudOptionsValidator : IValidateOptions<DefenderForCloudOptions>
{
    /// <summary>The name of the options instance the registered provider uses.</summary>
    public const string OptionsName = DefenderForCloudProvider.ProviderName;
}
