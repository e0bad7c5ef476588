using Microsoft.Extensions.Options;

namespace ExposureSdk.Providers.MicrosoftGraph.DependencyInjection;

/// <summary>
/// Validates <see cref="MicrosoftGraphProviderOptions"/> from its DataAnnotations and
/// <see cref="MicrosoftGraphProviderOptions.Validate"/> (source-generated): registered by
/// <c>AddMicrosoftGraphSecureScore</c> with <c>ValidateOnStart</c>, and used by the provider when it is created.
/// </summary>
[OptionsValidator]
internal sealed partial class MicrosoftGraphProviderOptionsValidator : IValidateOptions<MicrosoftGraphProviderOptions>
{
    /// <summary>The name of the options instance the registered provider uses.</summary>
    public const string OptionsName = MicrosoftGraphSecureScoreProvider.ProviderName;
}
