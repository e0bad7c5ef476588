using System.ComponentModel.DataAnnotations;
using ExposureSdk.Internal;
using Microsoft.Extensions.Options;

namespace ExposureSdk.Events;

/// <summary>How a drop is measured against the threshold.</summary>
public enum ScoreDropThresholdMode
{
    /// <summary>previous − current in percentage points (the default, domain rules §4).</summary>
    PercentagePoints = 0,

    /// <summary>(previous − current) / previous × 100, a percentage of the previous score (an option, never the default).</summary>
    PercentOfPrevious = 1,
}

/// <summary>Options of score-drop detection (domain rules §4).</summary>
/// <remarks>
/// Checked (DataAnnotations, by a source-generated validator) when detection uses them, and when a host
/// starts if they are configured through <c>AddExposureManagement</c> (section <c>ScoreDrop</c> of
/// the pipeline's options).
/// </remarks>
public sealed class ScoreDropOptions : IValidatableObject
{
    /// <summary>The default threshold: 2 percentage points.</summary>
    public const double DefaultThresholdPoints = 2;

    /// <summary>The tolerance of the inclusive comparison: a drop counts when drop ≥ threshold − 1e-9.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>The default baseline age limit: 48 hours.</summary>
    public static readonly TimeSpan DefaultBaselineMaxAge = TimeSpan.FromHours(48);

    private static readonly ScoreDropOptionsValidator Validator = new();

    private string _timeZoneId = "UTC";
    private TimeZoneInfo? _timeZone = TimeZoneInfo.Utc;

    /// <summary>
    /// The threshold (default 2): in percentage points on the 0–100 scale, or in percent of the previous
    /// score with <see cref="ScoreDropThresholdMode.PercentOfPrevious"/>. Inclusive: a drop of exactly the
    /// threshold raises an event. Must be greater than 0 and at most 100.
    /// </summary>
    [Range(0d, 100d, MinimumIsExclusive = true)]
    public double ThresholdPoints { get; set; } = DefaultThresholdPoints;

    /// <summary>How the drop is measured (default <see cref="ScoreDropThresholdMode.PercentagePoints"/>).</summary>
    [EnumDataType(typeof(ScoreDropThresholdMode))]
    public ScoreDropThresholdMode Mode { get; set; } = ScoreDropThresholdMode.PercentagePoints;

    /// <summary>
    /// The time zone whose calendar days define "yesterday", as a system time zone id (IANA, for example
    /// <c>Europe/Paris</c>, or Windows). Default <c>UTC</c>. Must be resolvable by
    /// <see cref="TimeZoneInfo.FindSystemTimeZoneById(string)"/>. Setting it replaces a zone set through
    /// <see cref="TimeZone"/>.
    /// </summary>
    [Required]
    public string TimeZoneId
    {
        get => _timeZoneId;
        set
        {
            _timeZoneId = value;
            _timeZone = null;
        }
    }

    /// <summary>
    /// The time zone whose calendar days define "yesterday" (default UTC): the zone named by
    /// <see cref="TimeZoneId"/>, or the zone set here (for example a custom zone), which also sets
    /// <see cref="TimeZoneId"/> to its id.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value set is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Read while <see cref="TimeZoneId"/> names no time zone known to this system.</exception>
    public TimeZoneInfo TimeZone
    {
        get => _timeZone ??= TryFindTimeZone(_timeZoneId, out var zone)
            ? zone
            : throw new InvalidOperationException($"{nameof(ScoreDropOptions)}.{nameof(TimeZoneId)} '{_timeZoneId}' is not a time zone id known to this system.");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _timeZoneId = value.Id;
            _timeZone = value;
        }
    }

    /// <summary>When there is no snapshot of yesterday, how old the fallback baseline may be (default 48 hours; greater than 0).</summary>
    public TimeSpan BaselineMaxAge { get; set; } = DefaultBaselineMaxAge;

    /// <inheritdoc/>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        // A TimeSpan [Range] needs a reflection-based converter (not trim-safe), so the rule is written here.
        if (BaselineMaxAge <= TimeSpan.Zero)
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field {nameof(ScoreDropOptions)}.{nameof(BaselineMaxAge)} must be greater than zero; got {BaselineMaxAge}."), [nameof(BaselineMaxAge)]);
        }

        if (_timeZone is null && !string.IsNullOrWhiteSpace(_timeZoneId) && !TryFindTimeZone(_timeZoneId, out _))
        {
            yield return new ValidationResult($"The field {nameof(ScoreDropOptions)}.{nameof(TimeZoneId)} '{_timeZoneId}' is not a time zone id known to this system.", [nameof(TimeZoneId)]);
        }
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    internal void Validate() => OptionsValidation.ThrowIfInvalid(Validator, this, "options");

    /// <summary>A checked copy whose values cannot change under its user (the pipeline keeps one).</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    internal ScoreDropOptions Snapshot()
    {
        Validate();
        return new ScoreDropOptions { ThresholdPoints = ThresholdPoints, Mode = Mode, TimeZone = TimeZone, BaselineMaxAge = BaselineMaxAge };
    }

    internal static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
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

/// <summary>Validates <see cref="ScoreDropOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class ScoreDropOptionsValidator : IValidateOptions<ScoreDropOptions>;
