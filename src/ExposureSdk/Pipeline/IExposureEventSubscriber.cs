namespace ExposureSdk.Pipeline;

/// <summary>
/// Receives the outcome of every refresh: the security events it raised and, for the metrics and
/// initiatives whose data is missing, the stale marks that replace a score-drop event (domain rules §4:
/// "the event stream says the data is missing instead").
/// </summary>
/// <remarks>
/// Called once per completed refresh, after the card and events are stored, in registration order,
/// even when no event was raised. One event per subject, kind and calendar day (domain rules §4):
/// <see cref="RefreshResult.EventChanges"/> holds the transitions of the day's events that the refresh made
/// (<see cref="Events.SecurityEventTransition.Raised"/>, <see cref="Events.SecurityEventTransition.Updated"/>,
/// <see cref="Events.SecurityEventTransition.Withdrawn"/>), so a subscriber that acts on them sees each
/// transition once, however often the day is refreshed. A subscriber that throws (or cancels on its own) is logged and
/// counted (<c>exposuresdk.subscriber.failures</c>); the refresh and the other subscribers go on.
/// Implementations must be thread-safe if the pipeline is refreshed from several threads.
/// </remarks>
public interface IExposureEventSubscriber
{
    /// <summary>Handles one refresh's result.</summary>
    /// <param name="result">The refresh: <see cref="RefreshResult.Events"/>, <see cref="RefreshResult.StaleMetrics"/>, the provider outcomes.</param>
    /// <param name="cancellationToken">The refresh's token.</param>
    /// <returns>A task that completes when the subscriber is done.</returns>
    ValueTask OnRefreshedAsync(RefreshResult result, CancellationToken cancellationToken);

    /// <summary>
    /// Receives the scores a refresh could not compare with yesterday (domain rules §4: "the event stream says
    /// the data is missing instead"): one call per refresh that has any, right after <see cref="OnRefreshedAsync"/>,
    /// with <see cref="RefreshResult.MissingScores"/> (stale or unavailable today or yesterday, not in yesterday's
    /// card, or no baseline at all, each with its reason), so "no event" is never mistaken for "no drop".
    /// </summary>
    /// <param name="result">The refresh.</param>
    /// <param name="missing">The missing scores: metrics first, then initiatives, each in ordinal id order; never empty.</param>
    /// <param name="cancellationToken">The refresh's token.</param>
    /// <returns>A task that completes when the subscriber is done. The default implementation does nothing.</returns>
    ValueTask OnScoresMissingAsync(RefreshResult result, IReadOnlyList<Events.MissingScore> missing, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
