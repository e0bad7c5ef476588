using System.ComponentModel.DataAnnotations;
using ExposureSdk.Internal;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Orleans.Hosting;

/// <summary>
/// Options of the ExposureSdk grains on a silo (<c>siloBuilder.AddExposureManagementGrains(...)</c>): the
/// refresh schedule, how many refreshes one silo runs at once, how long a refresh may take, the fan-out of
/// portfolio queries and the stream that carries the events.
/// </summary>
/// <remarks>
/// The rules are DataAnnotations checked by a source-generated validator when the silo starts
/// (<c>ValidateOnStart</c>): an invalid value fails start-up with an <see cref="OptionsValidationException"/>
/// naming the option, like the core's <c>ExposureRefreshPipelineOptions</c>. Bind configuration with
/// <c>services.AddOptions&lt;ExposureGrainOptions&gt;().Bind(section)</c>.
/// </remarks>
public sealed class ExposureGrainOptions : IValidatableObject
{
    /// <summary>The default refresh interval: 1 hour.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromHours(1);

    /// <summary>The default time one tenant's refresh may take: 10 minutes.</summary>
    public static readonly TimeSpan DefaultRefreshTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The default time one tenant may take to answer its part of a portfolio query: 30 seconds.</summary>
    public static readonly TimeSpan DefaultPortfolioTenantTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default time one partition may take to read and build its shard from the host's <c>IExposurePartitionSource</c>: 1 hour.</summary>
    public static readonly TimeSpan DefaultPartitionLoadTimeout = TimeSpan.FromHours(1);

    /// <summary>The stream namespace of the events (the stream key is the tenant id): <c>ExposureSdk.Events</c>.</summary>
    public const string EventStreamNamespace = "ExposureSdk.Events";

    private static readonly ExposureGrainOptionsValidator Validator = new();

    /// <summary>
    /// How often each active tenant grain refreshes on its own, aligned to multiples of the interval since
    /// the Unix epoch (UTC), so every silo agrees on which slot is due. Default 1 hour. Zero turns the
    /// schedule off (refreshes only on demand); otherwise at least 1 second and at most 7 days (a reminder, when
    /// <see cref="UseReminders"/> is on, ticks at most once a minute).
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = DefaultRefreshInterval;

    /// <summary>
    /// Whether the schedule is also kept by an Orleans reminder, so a tenant is reactivated and refreshed
    /// after its silo failed or the grain was deactivated. Needs a reminder service on the silo (for example
    /// <c>UseInMemoryReminderService()</c> in tests, a durable one in production). Default
    /// <see langword="false"/>: a grain timer, which runs while the grain is active.
    /// </summary>
    public bool UseReminders { get; set; }

    /// <summary>
    /// How many tenant refreshes one silo runs at the same time; the others wait their turn in arrival order,
    /// so a slow tenant cannot starve the others. Default 4. From 1 to 1,024.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentRefreshesPerSilo { get; set; } = 4;

    /// <summary>
    /// How long one tenant's refresh may take, waiting for its turn included; past it the refresh is
    /// cancelled and stores nothing. Default 10 minutes. Greater than zero, at most 24 hours.
    /// </summary>
    public TimeSpan RefreshTimeout { get; set; } = DefaultRefreshTimeout;

    /// <summary>How many tenants a portfolio query asks at the same time. Default 32. From 1 to 1,024.</summary>
    [Range(1, 1024)]
    public int PortfolioMaxConcurrency { get; set; } = 32;

    /// <summary>
    /// How long one tenant may take to answer its part of a portfolio query; past it the tenant is listed
    /// among the query's failures and the others are still answered. Default 30 seconds. Greater than zero,
    /// at most 1 hour.
    /// </summary>
    public TimeSpan PortfolioTenantTimeout { get; set; } = DefaultPortfolioTenantTimeout;

    /// <summary>
    /// The name of the Orleans stream provider the tenant grains publish each event transition (raised,
    /// updated, withdrawn) to, on namespace <see cref="EventStreamNamespace"/> with the tenant id as key;
    /// <see langword="null"/> (the default) publishes nothing. The provider is the host's choice (memory
    /// streams in tests, Event Hubs or Azure Queue in production).
    /// </summary>
    /// <remarks>
    /// Notifications are at most once: a refresh records its card and events in the history store first and
    /// publishes afterwards, so a silo that dies in between, or a provider that refuses a message (logged, event
    /// 4003; the refresh still succeeds), leaves transitions that are stored and never published, and the retried
    /// refresh finds the slot recorded and publishes nothing. Subscribers reconcile from
    /// <c>IExposureTenantGrain.GetEventsAsync(since, until)</c> when they start and after any gap (one event per
    /// subject and day), then apply the notifications on top.
    /// </remarks>
    public string? EventStreamProvider { get; set; }

    /// <summary>
    /// How long one partition of a partitioned tenant may take to read its shard from the host's
    /// <see cref="Partitioning.IExposurePartitionSource"/> and build its dataset
    /// (<see cref="Partitioning.IExposurePartitionGrain.LoadFromSourceAsync"/>); past it the load is cancelled, the
    /// partition keeps nothing and the caller gets a <see cref="TimeoutException"/> naming the tenant and the
    /// partition. Default 1 hour. Greater than zero, at most 24 hours.
    /// </summary>
    public TimeSpan PartitionLoadTimeout { get; set; } = DefaultPartitionLoadTimeout;

    /// <inheritdoc/>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        // A TimeSpan [Range] needs a reflection-based converter, so these rules are written here (as in the core).
        if (RefreshInterval != TimeSpan.Zero && (RefreshInterval < TimeSpan.FromSeconds(1) || RefreshInterval > TimeSpan.FromDays(7)))
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(RefreshInterval)} must be zero (no schedule) or between 1 second and 7 days; got {RefreshInterval}."), [nameof(RefreshInterval)]);
        }

        if (RefreshTimeout <= TimeSpan.Zero || RefreshTimeout > TimeSpan.FromHours(24))
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(RefreshTimeout)} must be greater than zero and at most 24 hours; got {RefreshTimeout}."), [nameof(RefreshTimeout)]);
        }

        if (PortfolioTenantTimeout <= TimeSpan.Zero || PortfolioTenantTimeout > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(PortfolioTenantTimeout)} must be greater than zero and at most 1 hour; got {PortfolioTenantTimeout}."), [nameof(PortfolioTenantTimeout)]);
        }

        if (PartitionLoadTimeout <= TimeSpan.Zero || PartitionLoadTimeout > TimeSpan.FromHours(24))
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(PartitionLoadTimeout)} must be greater than zero and at most 24 hours; got {PartitionLoadTimeout}."), [nameof(PartitionLoadTimeout)]);
        }

        if (EventStreamProvider is not null && string.IsNullOrWhiteSpace(EventStreamProvider))
        {
            yield return new ValidationResult($"The field {nameof(EventStreamProvider)} must be null (no stream) or a provider name; got an empty name.", [nameof(EventStreamProvider)]);
        }
    }

    /// <summary>Checks the options for a caller outside dependency injection.</summary>
    /// <param name="paramName">The caller's parameter that holds the options.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names each).</exception>
    internal void ThrowIfInvalid(string paramName) => OptionsValidation.ThrowIfInvalid(Validator, this, paramName);
}

/// <summary>Validates <see cref="ExposureGrainOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ExposureGrainOptionsValidator : IValidateOptions<ExposureGrainOptions>;
