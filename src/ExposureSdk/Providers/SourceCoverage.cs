using ExposureSdk.Internal;
using ExposureSdk.Scoring;

namespace ExposureSdk.Providers;

/// <summary>
/// What one pull of a source covered (domain rules §2): its <see cref="SourceStatus"/>, why, its parts
/// where it has several, and the source's own points figure where it has one. A provider reports it with
/// <see cref="SourcePullContext.ReportCoverage"/>; the refresh result shows it per source
/// (<c>ProviderOutcome.Coverage</c>).
/// </summary>
/// <remarks>
/// A <see cref="SourceStatus.Limited"/> coverage needs a reason (a dashboard shows it, for example
/// "limited cloud data: the Defender CSPM plan is off"). An <see cref="SourceStatus.Inactive"/> source's
/// recommendations, assets and assessments are not shown. A provider reports
/// <see cref="SourceStatus.Failed"/> by throwing <see cref="ExposureSourceException"/>, not through this
/// type; the pipeline builds the failed coverage itself (keeping the parts the provider reported before it
/// failed).
/// </remarks>
public sealed class SourceCoverage
{
    /// <summary>The longest detail accepted, in UTF-16 code units.</summary>
    public const int MaxDetailLength = 4096;

    /// <summary>The most parts one coverage holds.</summary>
    public const int MaxParts = 100_000;

    /// <summary>Creates a coverage.</summary>
    /// <param name="status">The source's status.</param>
    /// <param name="detail">Why the source has its status, in one sentence (never a token or a payload); a lone surrogate in it becomes U+FFFD; required for <see cref="SourceStatus.Limited"/>; at most <see cref="MaxDetailLength"/> characters.</param>
    /// <param name="parts">The source's parts, each with its status; none if <see langword="null"/>; at most <see cref="MaxParts"/>.</param>
    /// <param name="score">The source's own points figure (for example Secure Score, or the Defender for Cloud score), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException"><paramref name="detail"/> is missing for a limited source or too long, <paramref name="parts"/> holds <see langword="null"/> or too many parts.</exception>
    public SourceCoverage(SourceStatus status, string? detail = null, IEnumerable<SourceCoveragePart>? parts = null, PointsScore? score = null)
    {
        Status = Guard.Defined(status);
        Detail = Guard.OptionalText(detail is null ? null : Guard.ReplaceLoneSurrogates(detail), MaxDetailLength) ?? string.Empty;
        if (status == SourceStatus.Limited && string.IsNullOrWhiteSpace(Detail))
        {
            throw new ArgumentException("A limited coverage needs a reason (the detail).", nameof(detail));
        }

        var list = new List<SourceCoveragePart>();
        foreach (var part in parts ?? [])
        {
            if (part is null)
            {
                throw new ArgumentException($"parts[{list.Count}] is null.", nameof(parts));
            }

            if (list.Count == MaxParts)
            {
                throw new ArgumentException($"A coverage holds at most {MaxParts} parts.", nameof(parts));
            }

            list.Add(part);
        }

        Parts = list.AsReadOnly();
        Score = score;
    }

    /// <summary>The source's status.</summary>
    public SourceStatus Status { get; }

    /// <summary>Why the source has its status; empty when the provider gave no reason.</summary>
    public string Detail { get; }

    /// <summary>The source's parts, each with its own status; empty when the source has one part.</summary>
    public IReadOnlyList<SourceCoveragePart> Parts { get; }

    /// <summary>The source's own points figure (Secure Score for Microsoft Graph, the Defender for Cloud score), or <see langword="null"/>.</summary>
    public PointsScore? Score { get; }

    /// <summary>A source read in full, with no detail: what a provider that reports nothing gets.</summary>
    public static SourceCoverage Active { get; } = new(SourceStatus.Active);

    /// <summary>
    /// The status of a source from its parts' (contracts §2): Failed when no part could be read, Inactive
    /// when every part is inactive, Limited when any part is limited or failed, else Active; Inactive when
    /// there are no parts.
    /// </summary>
    /// <param name="parts">The parts.</param>
    /// <returns>The source's status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> is <see langword="null"/>.</exception>
    public static SourceStatus CombineParts(IEnumerable<SourceCoveragePart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        int count = 0, failed = 0, inactive = 0, limited = 0;
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            count++;
            switch (part.Status)
            {
                case SourceStatus.Failed: failed++; break;
                case SourceStatus.Inactive: inactive++; break;
                case SourceStatus.Limited: limited++; break;
                default: break;
            }
        }

        if (count == 0 || inactive == count)
        {
            return SourceStatus.Inactive;
        }

        if (failed == count)
        {
            return SourceStatus.Failed;
        }

        return failed > 0 || limited > 0 ? SourceStatus.Limited : SourceStatus.Active;
    }

    /// <inheritdoc/>
    public override string ToString() => Detail.Length == 0 ? Status.ToString() : $"{Status} ({Detail})";
}
