using System.Collections.ObjectModel;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// What one scanner result file (or stream) said, mapped to ExposureSdk's model: one recommendation per
/// check or test, one asset per resource, one assessment per (check, resource) pair.
/// </summary>
/// <remarks>
/// <para>
/// Results are keyed on (check, resource), never on a finding id (scanners write placeholder and
/// repeated finding ids): when one result file gives the same pair twice, the later record wins and
/// <see cref="RepeatedResults"/> says how often that happened (domain rules §7).
/// </para>
/// <para>
/// A recommendation whose every result in the file is muted is <see cref="Recommendation.IsRiskAccepted"/>;
/// a muted result is <see cref="AssessmentStatus.NotApplicable"/> (not assessed) for its resource.
/// </para>
/// </remarks>
public sealed class ScanResult
{
    internal ScanResult(
        string name,
        DateTimeOffset? scannedAt,
        long recordCount,
        IReadOnlyList<Recommendation> recommendations,
        IReadOnlyList<Asset> assets,
        IReadOnlyList<Assessment> assessments,
        long repeatedResults,
        IReadOnlyList<string> warnings)
    {
        Name = name;
        ScannedAt = scannedAt?.ToUniversalTime();
        RecordCount = recordCount;
        Recommendations = recommendations;
        Assets = assets;
        Assessments = assessments;
        RepeatedResults = repeatedResults;
        Warnings = warnings;
    }

    /// <summary>The file path, or the name the caller gave the stream; errors and warnings use it.</summary>
    public string Name { get; }

    /// <summary>
    /// When the scan ran, in UTC: the latest finding time (OCSF <c>time</c>, Prowler CSV <c>TIMESTAMP</c>)
    /// or Maester's <c>ExecutedAt</c>; <see langword="null"/> when the file states no time.
    /// </summary>
    public DateTimeOffset? ScannedAt { get; }

    /// <summary>How many records (findings, CSV rows or tests) the file held.</summary>
    public long RecordCount { get; }

    /// <summary>One recommendation per check or test, in order of first appearance.</summary>
    public IReadOnlyList<Recommendation> Recommendations { get; }

    /// <summary>One asset per resource, in order of first appearance.</summary>
    public IReadOnlyList<Asset> Assets { get; }

    /// <summary>One result per (check, resource) pair: the file's last record for that pair.</summary>
    public IReadOnlyList<Assessment> Assessments { get; }

    /// <summary>How many records repeated a (check, resource) pair that an earlier record of the file already gave (the later won).</summary>
    public long RepeatedResults { get; }

    /// <summary>What the reader noticed without failing (repeated pairs with examples, placeholder times), in plain text.</summary>
    public IReadOnlyList<string> Warnings { get; }

    internal ScanResult WithScannedAt(DateTimeOffset scannedAt)
        => new(Name, scannedAt, RecordCount, Recommendations, Assets, Assessments, RepeatedResults, Warnings);

    internal static IReadOnlyList<T> ReadOnly<T>(List<T> list) => new ReadOnlyCollection<T>(list);
}
