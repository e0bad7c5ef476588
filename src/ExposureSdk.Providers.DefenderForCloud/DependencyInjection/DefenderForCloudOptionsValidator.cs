using ExposureSdk.Providers.DefenderForCloud.Transport;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Providers.DefenderForCloud.DependencyInjection;

/// <summary>
/// Validates the named <see cref="DefenderForCloudOptions"/> of the provider registered with
/// <c>AddDefenderForCloud</c>, by the same rules the provider applies when it is created.
/// </summary>
internal sealed class DefenderForCloudOptionsValidator : IValidateOptions<DefenderForCloudOptions>
{
    /// <summary>The name of the options instance the registered provider uses.</summary>
    public const string OptionsName = DefenderForCloudProvider.ProviderName;

    public ValidateOptionsResult Validate(string? name, DefenderForCloudOptions options)
    {
        if (!string.Equals(name, OptionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = ArmSettings.From(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
