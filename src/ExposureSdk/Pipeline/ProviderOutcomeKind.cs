namespace ExposureSdk.Pipeline;

/// <summary>How one source provider's pull ended in a refresh.</summary>
public enum ProviderOutcomeKind
{
    /// <summary>The provider delivered all its records and they were consistent.</summary>
    Succeeded = 0,

    /// <summary>
    /// The provider threw, or delivered records the SDK cannot use (a malformed record, or an id it
    /// gave twice). Its records of this refresh are discarded.
    /// </summary>
    Failed = 1,

    /// <summary>The provider did not deliver all its records within its timeout; it was abandoned.</summary>
    TimedOut = 2,

    /// <summary>The provider cancelled its own work (an <see cref="OperationCanceledException"/> the refresh did not ask for).</summary>
    Cancelled = 3,
}
