namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>
/// The outcome of one read of Defender for Cloud (<see cref="DefenderForCloudProvider.ReadAsync"/>): the
/// recommendations, the coverage of every subscription, the score, and warnings. The assets and
/// assessments were handed to the caller page by page while the read ran.
/// </summary>
public sealed class DefenderForCloudReadResult
{
    internal DefenderForCloudReadResult(
        DefenderForCloudStatus status,
        string detail,
        IReadOnlyList<Recommendation> recommendations,
        IReadOnlyList<DefenderForCloudSubscription> subscriptions,
        DefenderForCloudScore? score,
        IReadOnlyList<string> warnings,
        long assets,
        long assessments)
    {
        Status = status;
        Detail = detail;
        Recommendations = recommendations;
        Subscriptions = subscriptions;
        Score = score;
        Warnings = warnings;
        Assets = assets;
        Assessments = assessments;
    }

    /// <summary>
    /// The source's status (domain rules §2): Failed when no subscription could be read, Inactive when every
    /// subscription is inactive, Limited when any is limited or failed, else Active.
    /// </summary>
    public DefenderForCloudStatus Status { get; }

    /// <summary>Which subscriptions are not Active and why (for example "limited cloud data: Defender CSPM is off on 1 of 3 subscriptions").</summary>
    public string Detail { get; }

    /// <summary>One recommendation per assessment metadata assessed on at least one resource of a readable subscription.</summary>
    public IReadOnlyList<Recommendation> Recommendations { get; }

    /// <summary>Every subscription in scope, with its status.</summary>
    public IReadOnlyList<DefenderForCloudSubscription> Subscriptions { get; }

    /// <summary>The Defender for Cloud score over every readable subscription, or <see langword="null"/> when no control was read.</summary>
    public DefenderForCloudScore? Score { get; }

    /// <summary>
    /// Warnings: the SDK's control points disagreeing with the service's <c>ascScore</c> beyond its rounding
    /// (with the difference), records skipped and why.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The distinct assets (ARM resource ids, compared case-insensitively) delivered.</summary>
    public long Assets { get; }

    /// <summary>The healthy and unhealthy assessment results delivered.</summary>
    public long Assessments { get; }
}
