using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ExposureSdk.Telemetry;

/// <summary>
/// The names of ExposureSdk's one <see cref="Meter"/>, its one <see cref="ActivitySource"/>, its
/// instruments and its tags. Subscribe with <c>AddMeter(ExposureSdkTelemetry.Name)</c> and
/// <c>AddSource(ExposureSdkTelemetry.Name)</c> in OpenTelemetry, or with a
/// <see cref="MeterListener"/> and an <see cref="ActivityListener"/>.
/// </summary>
/// <remarks>
/// Tags are low-cardinality: provider names, outcomes and event kinds. Tenant ids, asset ids,
/// recommendation ids, tokens and payloads are never recorded.
/// </remarks>
public static class ExposureSdkTelemetry
{
    /// <summary>The name of the meter and of the activity source: <c>ExposureSdk</c>.</summary>
    public const string Name = "ExposureSdk";

    /// <summary>
    /// Histogram, seconds (<c>s</c>): the duration of one refresh, from the first provider pull to
    /// the last event published. Tag <see cref="StatusTag"/>: <c>Succeeded</c> or <c>Failed</c>.
    /// </summary>
    public const string RefreshDurationInstrument = "exposuresdk.refresh.duration";

    /// <summary>
    /// Counter, <c>{outcome}</c>: one per provider per refresh. Tags <see cref="ProviderTag"/> (the provider's
    /// name) and <see cref="OutcomeTag"/> (<c>Succeeded</c>, <c>Failed</c>, <c>TimedOut</c> or <c>Cancelled</c>).
    /// </summary>
    public const string ProviderOutcomesInstrument = "exposuresdk.provider.outcomes";

    /// <summary>
    /// Histogram, seconds (<c>s</c>): how long one provider took to deliver its records (or to fail).
    /// Tags <see cref="ProviderTag"/> and <see cref="OutcomeTag"/>.
    /// </summary>
    public const string ProviderDurationInstrument = "exposuresdk.provider.duration";

    /// <summary>
    /// Counter, <c>{event}</c>: security events raised by refreshes. Tag <see cref="KindTag"/>
    /// (<c>MetricScoreDrop</c>, <c>InitiativeScoreDrop</c>, <c>NewInitiative</c>).
    /// </summary>
    public const string EventsRaisedInstrument = "exposuresdk.events.raised";

    /// <summary>
    /// Counter, <c>{failure}</c>: event subscribers that threw while being notified (the refresh
    /// goes on). No tags.
    /// </summary>
    public const string SubscriberFailuresInstrument = "exposuresdk.subscriber.failures";

    /// <summary>The activity of one refresh: <c>ExposureSdk.Refresh</c>.</summary>
    public const string RefreshActivity = "ExposureSdk.Refresh";

    /// <summary>The activity of one provider's pull within a refresh: <c>ExposureSdk.Provider</c>, tagged with <see cref="ProviderTag"/>.</summary>
    public const string ProviderActivity = "ExposureSdk.Provider";

    /// <summary>Tag: the provider's name.</summary>
    public const string ProviderTag = "exposuresdk.provider";

    /// <summary>Tag: a provider's outcome.</summary>
    public const string OutcomeTag = "exposuresdk.outcome";

    /// <summary>Tag: an event kind.</summary>
    public const string KindTag = "exposuresdk.event.kind";

    /// <summary>Tag: a refresh's status.</summary>
    public const string StatusTag = "exposuresdk.status";
}
