namespace ExposureSdk;

/// <summary>The result of assessing one asset against one recommendation.</summary>
public enum AssessmentStatus
{
    /// <summary>The recommendation does not apply to the asset; the asset is not assessed (not in any metric's scope through this result).</summary>
    NotApplicable = 0,

    /// <summary>The asset satisfies the recommendation.</summary>
    Healthy = 1,

    /// <summary>The asset does not satisfy the recommendation: it is exposed.</summary>
    Unhealthy = 2,
}
