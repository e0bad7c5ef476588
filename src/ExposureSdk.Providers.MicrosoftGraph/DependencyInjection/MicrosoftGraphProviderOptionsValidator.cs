using ExposureSdk.Providers.MicrosoftGraph.Transport;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Providers.MicrosoftGraph.DependencyInjection;

/// <summary>
/// Validates the named <see cref="MicrosoftGraphProviderOptions"/> of the Graph provider registered with
/// <c>AddMicrosoftGraphSecureScore</c>, by the same rules the provider applies when it is created.
/// </summary>
internal sealed class MicrosoftGraphProviderOptionsValidator : IValidateOptions<MicrosoftGraphProviderOptions>
{
    /// <summary>The name of the options instance the registered provider uses.</summary>
    public const string OptionsName = MicrosoftGraphSecureScoreProvider.ProviderName;

    public ValidateOptionsResult Validate(string? name, MicrosoftGraphProviderOptions options)
    {
        if (!string.Equals(name, OptionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = GraphSettings.From(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
