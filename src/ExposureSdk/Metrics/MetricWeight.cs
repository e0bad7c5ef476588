namespace ExposureSdk;

/// <summary>
/// The weight of a metric in every initiative that contains it (domain rules §3). The numeric values
/// are High = 3, Medium = 2, Low = 1 by default (configurable in the scoring options);
/// <see cref="RiskAccepted"/> is 0 and excludes the metric from initiative scores.
/// </summary>
public enum MetricWeight
{
    /// <summary>The organization accepted the risk: weight 0, excluded from initiative scores.</summary>
    RiskAccepted = 0,

    /// <summary>Low weight (1 by default).</summary>
    Low = 1,

    /// <summary>Medium weight (2 by default).</summary>
    Medium = 2,

    /// <summary>High weight (3 by default).</summary>
    High = 3,
}
