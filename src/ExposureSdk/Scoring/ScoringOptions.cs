using System.ComponentModel.DataAnnotations;
using ExposureSdk.Internal;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Scoring;

/// <summary>
/// Options of the scoring engine (domain rules §3): the numeric value of each metric weight.
/// </summary>
/// <remarks>
/// The defaults are High = 3, Medium = 2, Low = 1 (a Decision of the domain rules). Every value must be
/// finite and greater than 0; <see cref="MetricWeight.RiskAccepted"/> is always 0, which excludes the
/// metric from initiative scores. The options are checked (DataAnnotations, by a source-generated
/// validator) when the engine uses them, and when a host starts if they are configured through
/// <c>AddExposureManagement</c> (section <c>Scoring</c> of the pipeline's options).
/// </remarks>
public sealed class ScoringOptions
{
    /// <summary>The default numeric value of <see cref="MetricWeight.High"/>: 3.</summary>
    public const double DefaultHighWeight = 3;

    /// <summary>The default numeric value of <see cref="MetricWeight.Medium"/>: 2.</summary>
    public const double DefaultMediumWeight = 2;

    /// <summary>The default numeric value of <see cref="MetricWeight.Low"/>: 1.</summary>
    public const double DefaultLowWeight = 1;

    /// <summary>The numeric value of <see cref="MetricWeight.High"/> (default 3; finite, greater than 0).</summary>
    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double HighWeight { get; set; } = DefaultHighWeight;

    /// <summary>The numeric value of <see cref="MetricWeight.Medium"/> (default 2; finite, greater than 0).</summary>
    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double MediumWeight { get; set; } = DefaultMediumWeight;

    /// <summary>The numeric value of <see cref="MetricWeight.Low"/> (default 1; finite, greater than 0).</summary>
    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    public double LowWeight { get; set; } = DefaultLowWeight;

    /// <summary>The numeric value of a weight under these options; <see cref="MetricWeight.RiskAccepted"/> is 0.</summary>
    /// <param name="weight">The weight.</param>
    /// <returns>The numeric value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">An option is not finite and greater than 0.</exception>
    public double ValueOf(MetricWeight weight)
    {
        Validate();
        return WeightOf(weight);
    }

    /// <summary>
    /// <see cref="ValueOf"/> without validating the options again: for the engine, which reads the weights of
    /// a validated <see cref="Snapshot"/> on hot paths (<c>SetMetricWeight</c> allocated 472 bytes a call
    /// when it ran the generated validator every time).
    /// </summary>
    internal double WeightOf(MetricWeight weight)
        => weight switch
        {
            MetricWeight.High => HighWeight,
            MetricWeight.Medium => MediumWeight,
            MetricWeight.Low => LowWeight,
            MetricWeight.RiskAccepted => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(weight), weight, $"'{weight}' is not a defined MetricWeight value."),
        };

    /// <summary>A copy whose values cannot change under the engine while it runs.</summary>
    internal ScoringOptions Snapshot()
    {
        var copy = new ScoringOptions { HighWeight = HighWeight, MediumWeight = MediumWeight, LowWeight = LowWeight };
        copy.Validate();
        return copy;
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A weight is NaN, infinite, 0 or negative (the message names it).</exception>
    internal void Validate() => OptionsValidation.ThrowIfInvalid(Validator, this, "options");

    private static readonly ScoringOptionsValidator Validator = new();
}

/// <summary>Validates <see cref="ScoringOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ScoringOptionsValidator : IValidateOptions<ScoringOptions>;
