namespace ExposureSdk.ScoreCards;

/// <summary>Whether a score on a score card can be compared.</summary>
public enum ScoreAvailability
{
    /// <summary>The score was computed from fresh data.</summary>
    Available = 0,

    /// <summary>The score cannot be computed (a metric with scope 0, an initiative without an included metric or points).</summary>
    Unavailable = 1,

    /// <summary>The source failed or was not polled: the score is not current and is never compared.</summary>
    Stale = 2,
}
