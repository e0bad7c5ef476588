using ExposureSdk.Providers.DefenderForCloud.Models;

namespace ExposureSdk.Providers.DefenderForCloud.Reading;

/// <summary>What was read about one subscription before its assessments: secure score, controls, Defender plans, or why it failed.</summary>
internal sealed class SubscriptionFacts
{
    public SubscriptionFacts(string subscriptionId, string? displayName)
    {
        SubscriptionId = subscriptionId;
        DisplayName = displayName;
    }

    public string SubscriptionId { get; }

    public string? DisplayName { get; }

    /// <summary>The <c>ascScore</c> secure score, when the subscription has one.</summary>
    public ScoreDetails? AscScore { get; set; }

    /// <summary>The secure score controls by name (lower case): display name, the subscription's max points, and the definition's assessment metadata names.</summary>
    public Dictionary<string, ArmResource<SecureScoreControlProperties>> Controls { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the pricings were read.</summary>
    public bool PricingsRead { get; set; }

    /// <summary>The <c>pricingTier</c> of the <c>CloudPosture</c> plan (Defender CSPM), or <see langword="null"/> when absent.</summary>
    public string? CloudPostureTier { get; set; }

    /// <summary>Why the subscription could not be read, or <see langword="null"/>.</summary>
    public ExposureSourceException? Failure { get; set; }
}
