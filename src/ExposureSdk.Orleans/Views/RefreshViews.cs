namespace ExposureSdk.Orleans.Views;

// The grain contract: what a dashboard asks a tenant grain and gets back, serialized by Orleans' generated
// serializers. These classes belong to this package: the core's model is never annotated for Orleans.

/// <summary>What one refresh of a tenant did.</summary>
[GenerateSerializer, Immutable]
public sealed class TenantRefreshSummary
{
    /// <summary>Creates the message.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="status">Whether the refresh ran, or the slot was already recorded.</param>
    /// <param name="asOf">When the refresh that produced the tenant's latest scores started (UTC).</param>
    /// <param name="secureScore">The Secure Score in percent, or <see langword="null"/> when absent.</param>
    /// <param name="raised">Events the refresh raised.</param>
    /// <param name="updated">Events of the day the refresh updated in place.</param>
    /// <param name="withdrawn">Events of the day the refresh withdrew.</param>
    /// <param name="providers">Each source provider's outcome, in precedence order.</param>
    /// <param name="warnings">The refresh's warnings (providers, merge, history seeding).</param>
    /// <param name="silo">The silo that ran the refresh.</param>
    public TenantRefreshSummary(string tenantId, TenantRefreshStatus status, DateTimeOffset asOf, double? secureScore, int raised, int updated, int withdrawn, IReadOnlyList<ProviderOutcomeView> providers, IReadOnlyList<string> warnings, string silo)
    {
        TenantId = tenantId;
        Status = status;
        AsOf = asOf;
        SecureScore = secureScore;
        Raised = raised;
        Updated = updated;
        Withdrawn = withdrawn;
        Providers = providers;
        Warnings = warnings;
        Silo = silo;
    }

    /// <summary>The tenant.</summary>
    [Id(0)]
    public string TenantId { get; }

    /// <summary>Whether the refresh ran, or the slot was already recorded.</summary>
    [Id(1)]
    public TenantRefreshStatus Status { get; }

    /// <summary>When the refresh that produced the tenant's latest scores started (UTC).</summary>
    [Id(2)]
    public DateTimeOffset AsOf { get; }

    /// <summary>The Secure Score in percent, or <see langword="null"/> when absent.</summary>
    [Id(3)]
    public double? SecureScore { get; }

    /// <summary>Events the refresh raised.</summary>
    [Id(4)]
    public int Raised { get; }

    /// <summary>Events of the day the refresh updated in place.</summary>
    [Id(5)]
    public int Updated { get; }

    /// <summary>Events of the day the refresh withdrew.</summary>
    [Id(6)]
    public int Withdrawn { get; }

    /// <summary>Each source provider's outcome, in precedence order.</summary>
    [Id(7)]
    public IReadOnlyList<ProviderOutcomeView> Providers { get; }

    /// <summary>The refresh's warnings (providers, merge, history seeding).</summary>
    [Id(8)]
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The silo that ran the refresh.</summary>
    [Id(9)]
    public string Silo { get; }
}

/// <summary>Whether a refresh ran.</summary>
[GenerateSerializer]
public enum TenantRefreshStatus
{
    /// <summary>The refresh ran and recorded its card and event transitions.</summary>
    Refreshed = 0,

    /// <summary>The tenant already had a card for the slot (an earlier run, on this silo or another): nothing was recorded again.</summary>
    AlreadyRecorded = 1,
}

/// <summary>One source provider's outcome in a refresh.</summary>
[GenerateSerializer, Immutable]
public sealed class ProviderOutcomeView
{
    /// <summary>Creates the message.</summary>
    /// <param name="name">The provider's name.</param>
    /// <param name="outcome">Succeeded, Failed, TimedOut or Cancelled.</param>
    /// <param name="status">The source's status: Active, Limited, Inactive or Failed.</param>
    /// <param name="error">The error, when it did not succeed.</param>
    /// <param name="usedLastKnownData">Whether its last known records were scored instead.</param>
    public ProviderOutcomeView(string name, string outcome, string status, string? error, bool usedLastKnownData)
    {
        Name = name;
        Outcome = outcome;
        Status = status;
        Error = error;
        UsedLastKnownData = usedLastKnownData;
    }

    /// <summary>The provider's name.</summary>
    [Id(0)]
    public string Name { get; }

    /// <summary>Succeeded, Failed, TimedOut or Cancelled.</summary>
    [Id(1)]
    public string Outcome { get; }

    /// <summary>The source's status: Active, Limited, Inactive or Failed.</summary>
    [Id(2)]
    public string Status { get; }

    /// <summary>The error, when it did not succeed.</summary>
    [Id(3)]
    public string? Error { get; }

    /// <summary>Whether its last known records were scored instead.</summary>
    [Id(4)]
    public bool UsedLastKnownData { get; }
}
