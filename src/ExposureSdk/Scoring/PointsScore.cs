namespace ExposureSdk.Scoring;

/// <summary>
/// A Secure Score style points total: points achieved of the maximum, and the percentage
/// achieved / max × 100 (domain rules §3), absent when the maximum is 0.
/// </summary>
public readonly record struct PointsScore
{
    /// <summary>Creates a points total.</summary>
    /// <param name="achievedPoints">Points achieved (finite, 0 or more, at most <paramref name="maxPoints"/> plus rounding).</param>
    /// <param name="maxPoints">Maximum points (finite, 0 or more).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, infinite or negative, or achieved exceeds max by more than rounding.</exception>
    public PointsScore(double achievedPoints, double maxPoints)
    {
        if (!double.IsFinite(maxPoints) || maxPoints < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPoints), maxPoints, "Max points must be a finite number, 0 or more.");
        }

        if (!double.IsFinite(achievedPoints) || achievedPoints < 0 || achievedPoints > maxPoints * (1 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(nameof(achievedPoints), achievedPoints, "Achieved points must be a finite number between 0 and the max points.");
        }

        AchievedPoints = achievedPoints;
        MaxPoints = maxPoints;
    }

    /// <summary>The points achieved.</summary>
    public double AchievedPoints { get; }

    /// <summary>The maximum points.</summary>
    public double MaxPoints { get; }

    /// <summary>
    /// The percentage on 0–100: achieved / max × 100, clamped to 0–100 against rounding; <see langword="null"/>
    /// when <see cref="MaxPoints"/> is 0 (the score is absent, never 0 or 100).
    /// </summary>
    public double? Percentage => MaxPoints > 0 ? Math.Clamp(AchievedPoints / MaxPoints * 100, 0, 100) : null;

    /// <summary>The empty total: 0 of 0 points (percentage absent).</summary>
    public static PointsScore Empty => default;
}
