using System.ComponentModel.DataAnnotations;
using ExposureSdk.Events;
using ExposureSdk.Internal;
using ExposureSdk.Scoring;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Pipeline;

/// <summary>
/// Options of the refresh pipeline (<see cref="ExposureRefreshPipeline"/>): the tenant, provider
/// timeouts, history retention and seeding, catalog metrics and initiatives, and the engine's options
/// nested under it: <see cref="Scoring"/> (metric weights) and <see cref="ScoreDrop"/> (score-drop
/// detection). Every setting of the engine is reachable from here, so from
/// <c>services.AddExposureManagement(options =&gt; ...)</c> and from configuration (for example the
/// keys <c>TenantId</c>, <c>Scoring:HighWeight</c>, <c>ScoreDrop:Mode</c>).
/// </summary>
/// <remarks>
/// The rules are DataAnnotations checked by a source-generated validator, nested options included: in
/// a host when it starts (an invalid value fails with an <see cref="OptionsValidationException"/> whose
/// message names the option, for example <c>ScoreDrop.ThresholdPoints</c>), and by the pipeline's
/// constructor otherwise (an <see cref="ArgumentException"/> with the same message). The pipeline copies
/// the values when it is created; later changes are not seen.
/// </remarks>
public sealed class ExposureRefreshPipelineOptions : IValidatableObject
{
    /// <summary>The default history retention: 90 days.</summary>
    public const int DefaultHistoryRetentionDays = 90;

    /// <summary>The default time a provider may take to deliver all its records: 2 minutes.</summary>
    public static readonly TimeSpan DefaultProviderTimeout = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan MaxProviderTimeout = TimeSpan.FromHours(24);

    private static readonly ExposureRefreshPipelineOptionsValidator Validator = new();

    /// <summary>
    /// The tenant the pipeline describes; recorded on every snapshot and score card.
    /// Default <c>default</c>. Must not be empty.
    /// </summary>
    [Required]
    public string TenantId { get; set; } = "default";

    /// <summary>The scoring engine's options: the numeric value of each metric weight (default 3/2/1).</summary>
    [Required]
    [ValidateObjectMembers]
    public ScoringOptions Scoring { get; set; } = new();

    /// <summary>
    /// Score-drop detection's options: the threshold (default 2 percentage points), how it is measured,
    /// the time zone whose calendar days define "yesterday" (default UTC) and the fallback baseline's
    /// age limit (default 48 hours).
    /// </summary>
    [Required]
    [ValidateObjectMembers]
    public ScoreDropOptions ScoreDrop { get; set; } = new();

    /// <summary>
    /// How long one provider may take to deliver all its records in one refresh before it is
    /// abandoned and reported as timed out. Default 2 minutes. Must be greater than zero and at most
    /// 24 hours.
    /// </summary>
    public TimeSpan ProviderTimeout { get; set; } = DefaultProviderTimeout;

    /// <summary>
    /// Per-provider timeouts that override <see cref="ProviderTimeout"/>, keyed by provider name
    /// (ordinal). Each must be greater than zero and at most 24 hours.
    /// </summary>
    public IDictionary<string, TimeSpan> ProviderTimeouts { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary>
    /// How many days of score cards and events history keeps; older entries are purged after each
    /// refresh. Default 90. Must be between 1 and 3650.
    /// </summary>
    [Range(1, 3650)]
    public int HistoryRetentionDays { get; set; } = DefaultHistoryRetentionDays;

    /// <summary>
    /// Whether the first refresh of a tenant whose history is empty asks each provider that succeeded
    /// for its own record of earlier days (<see cref="Providers.ExposureSourceProvider.GetHistoryAsync"/>,
    /// for example 90 days of Microsoft Secure Score) and stores one rebuilt score card per earlier day,
    /// with the events between them, so trends and score-drop events work on the first run. Default
    /// <see langword="true"/>. Days older than <see cref="HistoryRetentionDays"/> are not seeded.
    /// </summary>
    public bool SeedHistoryFromSources { get; set; } = true;

    /// <summary>
    /// Catalog metrics added to every snapshot, besides those the providers define. A provider's
    /// metric with the same id wins over a catalog metric.
    /// </summary>
    public IList<Metric> Metrics { get; } = new List<Metric>();

    /// <summary>
    /// Catalog initiatives added to every snapshot, besides those the providers define. A provider's
    /// initiative with the same id wins over a catalog initiative.
    /// </summary>
    public IList<Initiative> Initiatives { get; } = new List<Initiative>();

    /// <summary>
    /// Initiatives the user marked as favorites (listed first by queries), in addition to those whose
    /// <see cref="Initiative.IsFavorite"/> is set.
    /// </summary>
    public ISet<InitiativeId> FavoriteInitiatives { get; } = new HashSet<InitiativeId>();

    /// <summary>
    /// Adds a catalog's metrics and initiatives to <see cref="Metrics"/> and <see cref="Initiatives"/>,
    /// for example <c>options.AddCatalog(ExposureCatalog.BuiltIn)</c> for the 13 predefined initiatives.
    /// Entries whose id is already listed are skipped (what was added first wins); to change a
    /// built-in definition, add yours first or pass a catalog changed with
    /// <see cref="Catalog.ExposureCatalog.Merge"/> or <see cref="Catalog.ExposureCatalog.Remove"/>.
    /// </summary>
    /// <param name="catalog">The catalog.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public void AddCatalog(Catalog.ExposureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var metricIds = Metrics.Where(m => m is not null).Select(m => m.Id).ToHashSet();
        foreach (var metric in catalog.Metrics.Where(m => metricIds.Add(m.Id)))
        {
            Metrics.Add(metric);
        }

        var initiativeIds = Initiatives.Where(i => i is not null).Select(i => i.Id).ToHashSet();
        foreach (var initiative in catalog.Initiatives.Where(i => initiativeIds.Add(i.Id)))
        {
            Initiatives.Add(initiative);
        }
    }

    /// <summary>The timeout that applies to a provider: its entry in <see cref="ProviderTimeouts"/>, else <see cref="ProviderTimeout"/>.</summary>
    /// <param name="providerName">The provider's name.</param>
    /// <returns>The timeout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="providerName"/> is <see langword="null"/>.</exception>
    public TimeSpan TimeoutFor(string providerName)
    {
        ArgumentNullException.ThrowIfNull(providerName);
        return ProviderTimeouts.TryGetValue(providerName, out var timeout) ? timeout : ProviderTimeout;
    }

    /// <inheritdoc/>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        // A TimeSpan [Range] needs a reflection-based converter (not trim-safe), so these rules are written here.
        if (!IsTimeout(ProviderTimeout))
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(ProviderTimeout)} must be greater than zero and at most 24 hours; got {ProviderTimeout}."), [nameof(ProviderTimeout)]);
        }

        foreach (var (name, timeout) in ProviderTimeouts)
        {
            if (!IsTimeout(timeout))
            {
                yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(ProviderTimeouts)}[{name}] must be greater than zero and at most 24 hours; got {timeout}."), [nameof(ProviderTimeouts)]);
            }
        }

        for (var i = 0; i < Metrics.Count; i++)
        {
            if (Metrics[i] is null)
            {
                yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(Metrics)}[{i}] is null."), [nameof(Metrics)]);
            }
        }

        for (var i = 0; i < Initiatives.Count; i++)
        {
            if (Initiatives[i] is null)
            {
                yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(Initiatives)}[{i}] is null."), [nameof(Initiatives)]);
            }
        }

        static bool IsTimeout(TimeSpan timeout) => timeout > TimeSpan.Zero && timeout <= MaxProviderTimeout;
    }

    /// <summary>Checks the options for a caller outside dependency injection.</summary>
    /// <param name="paramName">The caller's parameter that holds the options.</param>
    /// <exception cref="ArgumentException">An option is invalid (the message names each).</exception>
    internal void ThrowIfInvalid(string paramName) => OptionsValidation.ThrowIfInvalid(Validator, this, paramName);
}

/// <summary>
/// Validates <see cref="ExposureRefreshPipelineOptions"/> and its nested engine options from their
/// DataAnnotations (source-generated); registered by <c>AddExposureManagement</c> and used by the
/// pipeline's constructor.
/// </summary>
[OptionsValidator]
internal sealed partial class ExposureRefreshPipelineOptionsValidator : IValidateOptions<ExposureRefreshPipelineOptions>;
