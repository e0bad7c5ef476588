namespace ExposureSdk.ScoreCards;

/// <summary>Where a score card's scores come from.</summary>
public enum ScoreCardOrigin
{
    /// <summary>Scored by a refresh from what the sources said at the time.</summary>
    Refresh = 0,

    /// <summary>
    /// Rebuilt for an earlier day from a source's own record of that day (a source provider's history
    /// hook, <c>ExposureSourceProvider.GetHistoryAsync</c>), when the first refresh of a tenant
    /// found its history empty. Today's definitions of metrics and initiatives are applied to that day's
    /// results; a metric or initiative that also depends on a source without history is
    /// <see cref="ScoreAvailability.Stale"/>, so it is never compared.
    /// </summary>
    SourceHistory = 1,
}
