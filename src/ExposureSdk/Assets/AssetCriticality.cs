namespace ExposureSdk;

/// <summary>How critical an asset is to the organization.</summary>
public enum AssetCriticality
{
    /// <summary>Low criticality.</summary>
    Low = 1,

    /// <summary>Medium criticality.</summary>
    Medium = 2,

    /// <summary>High criticality.</summary>
    High = 3,

    /// <summary>Very high criticality (for example domain controllers or global administrators).</summary>
    VeryHigh = 4,
}
