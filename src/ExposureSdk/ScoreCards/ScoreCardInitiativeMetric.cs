namespace ExposureSdk.ScoreCards;

/// <summary>One metric's membership in an initiative on a score card.</summary>
public sealed class ScoreCardInitiativeMetric
{
    /// <summary>Creates a membership.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="weight">The metric's weight.</param>
    /// <param name="numericWeight">The numeric weight (finite, 0 or more).</param>
    /// <exception cref="ArgumentException"><paramref name="metricId"/> is the default (empty) value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The weight is not defined or the numeric weight is out of range.</exception>
    public ScoreCardInitiativeMetric(MetricId metricId, MetricWeight weight, double numericWeight)
    {
        CardChecks.Id(metricId, nameof(metricId));
        if (!Enum.IsDefined(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "Not a defined MetricWeight.");
        }

        if (!double.IsFinite(numericWeight) || numericWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(numericWeight), numericWeight, "The numeric weight must be finite and 0 or more.");
        }

        MetricId = metricId;
        Weight = weight;
        NumericWeight = numericWeight;
    }

    /// <summary>The metric id.</summary>
    public MetricId MetricId { get; }

    /// <summary>The metric's weight.</summary>
    public MetricWeight Weight { get; }

    /// <summary>The numeric weight.</summary>
    public double NumericWeight { get; }
}
