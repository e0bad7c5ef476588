using Microsoft.Extensions.Options;

namespace ExposureSdk;

/// <summary>Validates <see cref="ExposureManagementOptions"/> with <see cref="ExposureManagementOptions.Validate"/>.</summary>
internal sealed class ExposureManagementOptionsValidator : IValidateOptions<ExposureManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, ExposureManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
