namespace ExposureSdk.Providers.MicrosoftGraph;

/// <summary>
/// The tenant's Microsoft Secure Score on one day, as Graph recorded it (<c>GET /security/secureScores</c>):
/// points achieved of the points available, and the percentage, exactly as Graph computed them. Returned by
/// <see cref="MicrosoftGraphSecureScoreProvider.GetSecureScoreHistoryAsync"/>.
/// </summary>
public sealed record SecureScoreHistoryEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="createdAt">When Graph computed the score; stored in UTC. <see cref="Date"/> is its UTC calendar day.</param>
    /// <param name="currentScore">Points achieved, in Graph's Secure Score points (0 or more).</param>
    /// <param name="maxScore">Points available, in Graph's Secure Score points (0 or more).</param>
    /// <exception cref="ArgumentOutOfRangeException">A score is negative, NaN or infinite.</exception>
    public SecureScoreHistoryEntry(DateTimeOffset createdAt, double currentScore, double maxScore)
    {
        if (!double.IsFinite(currentScore) || currentScore < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(currentScore), currentScore, "The current score must be a finite number of points, 0 or more.");
        }

        if (!double.IsFinite(maxScore) || maxScore < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxScore), maxScore, "The max score must be a finite number of points, 0 or more.");
        }

        CreatedAt = createdAt.ToUniversalTime();
        Date = DateOnly.FromDateTime(CreatedAt.UtcDateTime);
        CurrentScore = currentScore;
        MaxScore = maxScore;
        Percentage = maxScore > 0 ? 100d * currentScore / maxScore : null;
    }

    /// <summary>The UTC calendar day of the score.</summary>
    public DateOnly Date { get; }

    /// <summary>When Graph computed the score, in UTC.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Points achieved (Graph <c>currentScore</c>), in Secure Score points.</summary>
    public double CurrentScore { get; }

    /// <summary>Points available (Graph <c>maxScore</c>), in Secure Score points.</summary>
    public double MaxScore { get; }

    /// <summary>
    /// 100 × <see cref="CurrentScore"/> / <see cref="MaxScore"/>, in percent (0–100, or above 100 if
    /// Graph reports more points than available); <see langword="null"/> when the max score is 0
    /// (a score that cannot be computed is absent, never 0).
    /// </summary>
    public double? Percentage { get; }
}
