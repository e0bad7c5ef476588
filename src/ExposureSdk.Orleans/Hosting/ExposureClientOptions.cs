using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Orleans.Hosting;

/// <summary>
/// Options of the client side (<c>clientBuilder.AddExposureManagementClient(...)</c>): how
/// <see cref="ExposureCluster.RefreshAsync"/> retries a refresh whose silo failed.
/// </summary>
/// <remarks>Checked by a source-generated DataAnnotations validator when the client host starts (<c>ValidateOnStart</c>).</remarks>
public sealed class ExposureClientOptions : IValidatableObject
{
    /// <summary>How many times a refresh is tried before its error is thrown. Default 5. From 1 to 100.</summary>
    [Range(1, 100)]
    public int MaxRefreshAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry, doubled for each next one (at most 30 seconds). Default 500 ms. Greater than zero, at most 1 minute.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc/>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (RetryDelay <= TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(RetryDelay)} must be greater than zero and at most 1 minute; got {RetryDelay}."), [nameof(RetryDelay)]);
        }
    }
}

/// <summary>Validates <see cref="ExposureClientOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ExposureClientOptionsValidator : IValidateOptions<ExposureClientOptions>;
