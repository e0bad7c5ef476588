using Microsoft.Extensions.Options;

namespace ExposureSdk.Providers.Scanners.DependencyInjection;

/// <summary>
/// Validates every named <see cref="ScanFilesOptions"/> from its DataAnnotations and
/// <see cref="ScanFilesOptions.Validate"/> (source-generated): registered by <c>AddOcsfFindings</c> and
/// <c>AddMaesterResults</c> with <c>ValidateOnStart</c>.
/// </summary>
[OptionsValidator]
internal sealed partial class ScanFilesOptionsValidator : IValidateOptions<ScanFilesOptions>;

/// <summary>Marks a scanner source's name as taken in a service collection (provider names must be unique).</summary>
/// <param name="Name">The provider's name.</param>
internal sealed record ScannerRegistration(string Name);
