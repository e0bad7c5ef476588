using ExposureSdk.Scoring;

namespace ExposureSdk.Orleans.Partitioning;

/// <summary>
/// The wire form of the core's <see cref="ScoringOptions"/> (the core's model carries no Orleans attribute): the
/// three numeric weights, so a tenant's weights travel to its coordinator with the definitions.
/// </summary>
[GenerateSerializer]
internal struct ScoringOptionsSurrogate
{
    /// <summary>The value of <see cref="MetricWeight.High"/>.</summary>
    [Id(0)]
    public double HighWeight;

    /// <summary>The value of <see cref="MetricWeight.Medium"/>.</summary>
    [Id(1)]
    public double MediumWeight;

    /// <summary>The value of <see cref="MetricWeight.Low"/>.</summary>
    [Id(2)]
    public double LowWeight;
}

/// <summary>Converts <see cref="ScoringOptions"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class ScoringOptionsSurrogateConverter : IConverter<ScoringOptions, ScoringOptionsSurrogate>
{
    /// <inheritdoc/>
    public ScoringOptions ConvertFromSurrogate(in ScoringOptionsSurrogate surrogate) =>
        new() { HighWeight = surrogate.HighWeight, MediumWeight = surrogate.MediumWeight, LowWeight = surrogate.LowWeight };

    /// <inheritdoc/>
    public ScoringOptionsSurrogate ConvertToSurrogate(in ScoringOptions value) =>
        new() { HighWeight = value.HighWeight, MediumWeight = value.MediumWeight, LowWeight = value.LowWeight };
}
