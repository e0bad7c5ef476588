namespace ExposureSdk;

/// <summary>The impact a recommendation has on the organization's exposure.</summary>
public enum Impact
{
    /// <summary>Low impact.</summary>
    Low = 1,

    /// <summary>Medium impact.</summary>
    Medium = 2,

    /// <summary>High impact.</summary>
    High = 3,
}
