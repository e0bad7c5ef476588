using ExposureSdk.Providers;

namespace ExposureSdk.Pipeline;

/// <summary>
/// What one source provider did in one refresh: its outcome, how long it took, how many records it gave,
/// what it covered (Active, Limited, Inactive or Failed, domain rules §2) and its warnings.
/// </summary>
/// <remarks>
/// Counts are the records the provider delivered in this refresh (0 when it did not succeed). When
/// the provider did not succeed and an earlier refresh of the same pipeline had succeeded,
/// <see cref="UsedLastKnownData"/> is <see langword="true"/>: the refresh scored that provider's
/// last known records again, and the metrics and initiatives they feed are reported stale.
/// </remarks>
public sealed class ProviderOutcome
{
    internal ProviderOutcome(
        string providerName,
        ProviderOutcomeKind kind,
        TimeSpan duration,
        ProviderRecordCounts counts,
        string? errorMessage,
        DateTimeOffset? lastSucceededAt,
        bool usedLastKnownData,
        SourceCoverage coverage,
        IReadOnlyList<string> warnings)
    {
        Coverage = coverage;
        Warnings = warnings;
        ProviderName = providerName;
        Kind = kind;
        Duration = duration;
        Counts = counts;
        ErrorMessage = errorMessage;
        LastSucceededAt = lastSucceededAt;
        UsedLastKnownData = usedLastKnownData;
    }

    /// <summary>The provider's name.</summary>
    public string ProviderName { get; }

    /// <summary>How the pull ended.</summary>
    public ProviderOutcomeKind Kind { get; }

    /// <summary>Whether the pull succeeded.</summary>
    public bool Succeeded => Kind == ProviderOutcomeKind.Succeeded;

    /// <summary>How long the pull took, measured with the pipeline's <see cref="TimeProvider"/>.</summary>
    public TimeSpan Duration { get; }

    /// <summary>How many records of each kind the provider delivered in this refresh.</summary>
    public ProviderRecordCounts Counts { get; }

    /// <summary>Why the pull did not succeed (the exception's message, never a payload), or <see langword="null"/>.</summary>
    public string? ErrorMessage { get; }

    /// <summary>When the provider last succeeded in this pipeline (this refresh, if it succeeded), or <see langword="null"/>.</summary>
    public DateTimeOffset? LastSucceededAt { get; }

    /// <summary>Whether the refresh scored the provider's last known records because this pull did not succeed.</summary>
    public bool UsedLastKnownData { get; }

    /// <summary>
    /// What the pull covered (domain rules §2): as the provider reported it
    /// (<see cref="SourcePullContext.ReportCoverage"/>), Active when it reported nothing; Failed, with the
    /// reason, when the pull did not succeed. An Inactive source's recommendations, assets and assessments
    /// are not in the refresh's snapshot.
    /// </summary>
    public SourceCoverage Coverage { get; }

    /// <summary>The warnings the provider reported in this pull (<see cref="SourcePullContext.ReportWarning"/>); empty when it did not succeed.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <inheritdoc/>
    public override string ToString() => ErrorMessage is null ? $"{ProviderName}: {Kind}" : $"{ProviderName}: {Kind} ({ErrorMessage})";
}
