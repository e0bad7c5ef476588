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
public sealed class ScoreDropOptions
{
    /// <summary>The default threshold: 2 percentage points.</summary>
    public const double DefaultThresholdPoints = 2;

    /// <summary>The tolerance of the inclusive comparison: a drop counts when drop ≥ threshold − 1e-9.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>The default baseline age limit: 48 hours.</summary>
    public static readonly TimeSpan DefaultBaselineMaxAge = TimeSpan.FromHours(48);

    /// <summary>
    /// The threshold (default 2): in percentage points on the 0–100 scale, or in percent of the previous
    /// score with <see cref="ScoreDropThresholdMode.PercentOfPrevious"/>. Inclusive: a drop of exactly the
    /// threshold raises an event. Must be greater than 0 and at most 100.
    /// </summary>
    public double ThresholdPoints { get; set; } = DefaultThresholdPoints;

    /// <summary>How the drop is measured (default <see cref="ScoreDropThresholdMode.PercentagePoints"/>).</summary>
    public ScoreDropThresholdMode Mode { get; set; } = ScoreDropThresholdMode.PercentagePoints;

    /// <summary>The time zone whose calendar days define "yesterday" (default UTC).</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>When there is no snapshot of yesterday, how old the fallback baseline may be (default 48 hours; greater than 0).</summary>
    public TimeSpan BaselineMaxAge { get; set; } = DefaultBaselineMaxAge;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not in (0, 100], the mode is not defined, or the age is not positive.</exception>
    /// <exception cref="ArgumentNullException"><see cref="TimeZone"/> is <see langword="null"/>.</exception>
    public void Validate()
    {
        if (double.IsNaN(ThresholdPoints) || ThresholdPoints <= 0 || ThresholdPoints > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(ThresholdPoints), ThresholdPoints, "ScoreDropOptions.ThresholdPoints must be greater than 0 and at most 100.");
        }

        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "ScoreDropOptions.Mode is not a defined value.");
        }

        ArgumentNullException.ThrowIfNull(TimeZone, nameof(TimeZone));
        if (BaselineMaxAge <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BaselineMaxAge), BaselineMaxAge, "ScoreDropOptions.BaselineMaxAge must be positive.");
        }
    }
}
