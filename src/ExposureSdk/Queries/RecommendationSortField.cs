namespace ExposureSdk.Queries;

/// <summary>What recommendations are sorted by. Ties are broken by id (ordinal), so the order is total.</summary>
public enum RecommendationSortField
{
    /// <summary>By name (ordinal, case-insensitive).</summary>
    Name = 0,

    /// <summary>By impact (High first when descending).</summary>
    Impact = 1,

    /// <summary>By compliance state (enum order).</summary>
    State = 2,

    /// <summary>By source name.</summary>
    Source = 3,

    /// <summary>By workload name.</summary>
    Workload = 4,

    /// <summary>By domain name.</summary>
    Domain = 5,

    /// <summary>By the number of unhealthy assets.</summary>
    Affected = 6,

    /// <summary>By the number of related metrics.</summary>
    RelatedMetrics = 7,

    /// <summary>By the number of related initiatives.</summary>
    RelatedInitiatives = 8,

    /// <summary>By the points it can still gain (max − achieved).</summary>
    PointsToGain = 9,
}
