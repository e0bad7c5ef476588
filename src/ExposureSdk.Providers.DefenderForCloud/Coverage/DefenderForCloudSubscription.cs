namespace ExposureSdk.Providers.DefenderForCloud;

/// <summary>What one read found for one Azure subscription: its status, why, and its Defender for Cloud score.</summary>
public sealed class DefenderForCloudSubscription
{
    internal DefenderForCloudSubscription(string subscriptionId, string? displayName, DefenderForCloudStatus status, string detail, DefenderForCloudScore? score, long assessments)
    {
        SubscriptionId = subscriptionId;
        DisplayName = displayName;
        Status = status;
        Detail = detail;
        Score = score;
        Assessments = assessments;
    }

    /// <summary>The subscription id (a GUID, lower case).</summary>
    public string SubscriptionId { get; }

    /// <summary>The subscription's display name, when listed.</summary>
    public string? DisplayName { get; }

    /// <summary>Active, Limited (Defender CSPM off), Inactive (Defender for Cloud not enabled) or Failed.</summary>
    public DefenderForCloudStatus Status { get; }

    /// <summary>Why the subscription has its status, in one sentence (never a token or a payload).</summary>
    public string Detail { get; }

    /// <summary>The subscription's Defender for Cloud score, or <see langword="null"/> when it has no controls read.</summary>
    public DefenderForCloudScore? Score { get; }

    /// <summary>The healthy and unhealthy assessment results read for the subscription.</summary>
    public long Assessments { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{SubscriptionId}: {Status} ({Detail})";
}
