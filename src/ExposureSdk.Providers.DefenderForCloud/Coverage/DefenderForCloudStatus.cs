namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>
/// How much of a subscription, or of the whole source, Defender for Cloud could be read for (domain rules §2).
/// </summary>
public enum DefenderForCloudStatus
{
    /// <summary>Read in full, with the Defender CSPM plan on.</summary>
    Active = 0,

    /// <summary>
    /// Shown with limited coverage: the Defender CSPM plan (pricing <c>CloudPosture</c>) is off, so only
    /// the foundational recommendations are assessed; for the whole source, also when some subscriptions
    /// failed. The detail says which and why, so a dashboard can say "limited cloud data".
    /// </summary>
    Limited = 1,

    /// <summary>Defender for Cloud is not enabled: no secure score and no assessments. Its recommendations are not shown.</summary>
    Inactive = 2,

    /// <summary>Could not be read (for example HTTP 403); the detail gives the status and request id.</summary>
    Failed = 3,
}
