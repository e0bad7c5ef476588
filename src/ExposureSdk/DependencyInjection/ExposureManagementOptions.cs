namespace ExposureSdk;

/// <summary>
/// Options of the ExposureSdk runtime: the refresh pipeline, score-drop events and history.
/// Bound with <c>services.AddExposureManagement(options =&gt; ...)</c> and validated when the host
/// starts (see <see cref="Validate"/> for the rules); an invalid value fails with an
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> whose message names the option.
/// </summary>
public sealed class ExposureManagementOptions
{
    /// <summary>The default score-drop threshold: 2 percentage points (domain rules §4).</summary>
    public const double DefaultScoreDropThresholdPoints = 2;

    /// <summary>The default history retention: 90 days.</summary>
    public const int DefaultHistoryRetentionDays = 90;

    /// <summary>The default time a provider may take to deliver all its records: 2 minutes.</summary>
    public static readonly TimeSpan DefaultProviderTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The tenant the runtime describes; recorded on every snapshot and score card.
    /// Default <c>default</c>. Must not be empty.
    /// </summary>
    public string TenantId { get; set; } = "default";

    /// <summary>
    /// The drop, in percentage points on the 0–100 scale, at or above which a metric or initiative
    /// score-drop event is raised (inclusive: a drop of exactly the threshold raises an event).
    /// Default 2. Must be greater than 0 and at most 100.
    /// </summary>
    public double ScoreDropThresholdPoints { get; set; } = DefaultScoreDropThresholdPoints;

    /// <summary>The numeric weight of a <see cref="MetricWeight.High"/> metric. Default 3. Must be a finite number greater than 0.</summary>
    public double HighWeight { get; set; } = 3;

    /// <summary>The numeric weight of a <see cref="MetricWeight.Medium"/> metric. Default 2. Must be a finite number greater than 0.</summary>
    public double MediumWeight { get; set; } = 2;

    /// <summary>The numeric weight of a <see cref="MetricWeight.Low"/> metric. Default 1. Must be a finite number greater than 0.</summary>
    public double LowWeight { get; set; } = 1;

    /// <summary>
    /// The time zone whose calendar days define "yesterday" for score-drop events, as a system time
    /// zone id (IANA, for example <c>Europe/Paris</c>, or Windows). Default <c>UTC</c>. Must be
    /// resolvable by <see cref="TimeZoneInfo.FindSystemTimeZoneById(string)"/>.
    /// </summary>
    public string TimeZoneId { get; set; } = "UTC";

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

    /// <summary>
    /// Checks every option and returns one message per invalid option, each naming the option (for
    /// example <c>ExposureManagementOptions.ScoreDropThresholdPoints must be greater than 0 and at most 100; got 0.</c>).
    /// </summary>
    /// <returns>The failures; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        const string Prefix = nameof(ExposureManagementOptions) + ".";
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(TenantId))
        {
            failures.Add($"{Prefix}{nameof(TenantId)} must not be empty.");
        }

        if (double.IsNaN(ScoreDropThresholdPoints) || ScoreDropThresholdPoints <= 0 || ScoreDropThresholdPoints > 100)
        {
            failures.Add(FormattableString.Invariant($"{Prefix}{nameof(ScoreDropThresholdPoints)} must be greater than 0 and at most 100 percentage points; got {ScoreDropThresholdPoints}."));
        }

        CheckWeight(HighWeight, nameof(HighWeight));
        CheckWeight(MediumWeight, nameof(MediumWeight));
        CheckWeight(LowWeight, nameof(LowWeight));

        if (string.IsNullOrWhiteSpace(TimeZoneId))
        {
            failures.Add($"{Prefix}{nameof(TimeZoneId)} must name a time zone; got an empty value.");
        }
        else if (!TryFindTimeZone(TimeZoneId, out _))
        {
            failures.Add($"{Prefix}{nameof(TimeZoneId)} '{TimeZoneId}' is not a time zone id known to this system.");
        }

        CheckTimeout(ProviderTimeout, nameof(ProviderTimeout));
        foreach (var (name, timeout) in ProviderTimeouts)
        {
            CheckTimeout(timeout, $"{nameof(ProviderTimeouts)}[{name}]");
        }

        if (HistoryRetentionDays is < 1 or > 3650)
        {
            failures.Add(FormattableString.Invariant($"{Prefix}{nameof(HistoryRetentionDays)} must be between 1 and 3650 days; got {HistoryRetentionDays}."));
        }

        for (var i = 0; i < Metrics.Count; i++)
        {
            if (Metrics[i] is null)
            {
                failures.Add(FormattableString.Invariant($"{Prefix}{nameof(Metrics)}[{i}] is null."));
            }
        }

        for (var i = 0; i < Initiatives.Count; i++)
        {
            if (Initiatives[i] is null)
            {
                failures.Add(FormattableString.Invariant($"{Prefix}{nameof(Initiatives)}[{i}] is null."));
            }
        }

        return failures;

        void CheckWeight(double weight, string name)
        {
            if (!double.IsFinite(weight) || weight <= 0)
            {
                failures.Add(FormattableString.Invariant($"{Prefix}{name} must be a finite number greater than 0; got {weight}."));
            }
        }

        void CheckTimeout(TimeSpan timeout, string name)
        {
            if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromHours(24))
            {
                failures.Add(FormattableString.Invariant($"{Prefix}{name} must be greater than zero and at most 24 hours; got {timeout}."));
            }
        }
    }

    /// <summary>The time zone named by <see cref="TimeZoneId"/>.</summary>
    /// <returns>The time zone.</returns>
    /// <exception cref="InvalidOperationException"><see cref="TimeZoneId"/> is not a known time zone id.</exception>
    public TimeZoneInfo ResolveTimeZone()
        => TryFindTimeZone(TimeZoneId, out var zone)
            ? zone
            : throw new InvalidOperationException($"{nameof(ExposureManagementOptions)}.{nameof(TimeZoneId)} '{TimeZoneId}' is not a time zone id known to this system.");

    /// <summary>The numeric weight of a metric weight under these options (RiskAccepted is 0).</summary>
    /// <param name="weight">The weight.</param>
    /// <returns>The numeric weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not a defined value.</exception>
    public double NumericWeight(MetricWeight weight) => weight switch
    {
        MetricWeight.High => HighWeight,
        MetricWeight.Medium => MediumWeight,
        MetricWeight.Low => LowWeight,
        MetricWeight.RiskAccepted => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(weight), weight, "Not a defined MetricWeight value."),
    };

    private static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        if (string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
