using Microsoft.Extensions.Logging;

namespace ExposureSdk.Pipeline;

/// <summary>
/// The refresh pipeline's log messages (source-generated, fixed event ids 4100–4199). They carry
/// provider names, counts, durations and exception messages; never tokens or payloads.
/// </summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Refresh started for {ProviderCount} source provider(s).")]
    public static partial void RefreshStarted(ILogger logger, int providerCount);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Refresh completed in {DurationSeconds:0.000} s: {SucceededCount} of {ProviderCount} provider(s) succeeded, {EventCount} event(s), {StaleMetricCount} stale metric(s), {MissingScoreCount} score(s) not comparable with the baseline.")]
    public static partial void RefreshCompleted(ILogger logger, double durationSeconds, int succeededCount, int providerCount, int eventCount, int staleMetricCount, int missingScoreCount);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Provider '{ProviderName}' succeeded in {DurationSeconds:0.000} s with {RecommendationCount} recommendation(s), {AssessmentCount} assessment(s).")]
    public static partial void ProviderSucceeded(ILogger logger, string providerName, double durationSeconds, int recommendationCount, int assessmentCount);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Provider '{ProviderName}' {Outcome} after {DurationSeconds:0.000} s: {Reason}")]
    public static partial void ProviderDidNotSucceed(ILogger logger, string providerName, ProviderOutcomeKind outcome, double durationSeconds, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Merge warning: {Warning}")]
    public static partial void MergeWarning(ILogger logger, string warning);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Event subscriber {SubscriberType} failed; the refresh goes on.")]
    public static partial void SubscriberFailed(ILogger logger, string subscriberType, Exception exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "History retention removed {RemovedCount} entr(y/ies) older than {Cutoff:O}.")]
    public static partial void HistoryPurged(ILogger logger, int removedCount, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Refresh produced a snapshot the engine rejected: {Reason}")]
    public static partial void SnapshotRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Raised {EventCount} security event(s) against the baseline of {BaselineAsOf:O}.")]
    public static partial void EventsRaised(ILogger logger, int eventCount, DateTimeOffset baselineAsOf);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Provider '{ProviderName}' gave no history to seed from: {Reason}")]
    public static partial void HistoryNotRead(ILogger logger, string providerName, string reason);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "History was empty: seeded {CardCount} score card(s) and {EventCount} event(s) from {ProviderCount} provider(s)' history, from {FirstAsOf:O} to {LastAsOf:O}.")]
    public static partial void HistorySeeded(ILogger logger, int cardCount, int eventCount, int providerCount, DateTimeOffset firstAsOf, DateTimeOffset lastAsOf);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Provider '{ProviderName}' succeeded with no results while the baseline of {BaselineAsOf:O} holds results of it: its data is treated as missing and what it feeds is not compared.")]
    public static partial void ProviderGaveNoResults(ILogger logger, string providerName, DateTimeOffset baselineAsOf);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Error, Message = "The history ({StoreType}) {What}; this refresh was not recorded.")]
    public static partial void HistoryNotWritten(ILogger logger, string storeType, string what, Exception exception);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "History retention failed; the card was stored and old entries stay until a later purge.")]
    public static partial void HistoryNotPurged(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning, Message = "The clock reads {Clock:O}, before the latest card in history ({LatestAsOf:O}): the refresh is recorded just after that card.")]
    public static partial void ClockWentBackwards(ILogger logger, DateTimeOffset clock, DateTimeOffset latestAsOf);
}
