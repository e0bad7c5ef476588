using ExposureSdk.Internal;

namespace ExposureSdk.Providers;

/// <summary>
/// The coverage of one part of a source that has several (one Azure subscription of Defender for Cloud,
/// one file of a folder of scan results): its name, status and why.
/// </summary>
public sealed class SourceCoveragePart
{
    /// <summary>Creates the coverage of one part.</summary>
    /// <param name="name">The part's name (a subscription id, a file name), at most 512 characters.</param>
    /// <param name="status">The part's status.</param>
    /// <param name="detail">Why the part has its status, in one sentence (never a token or a payload); a lone surrogate in it becomes U+FFFD; at most 4,096 characters.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or too long, or <paramref name="detail"/> is too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public SourceCoveragePart(string name, SourceStatus status, string? detail = null)
    {
        Name = Guard.Identifier(name);
        Status = Guard.Defined(status);
        Detail = Guard.OptionalText(detail is null ? null : Guard.ReplaceLoneSurrogates(detail), SourceCoverage.MaxDetailLength) ?? string.Empty;
    }

    /// <summary>The part's name (a subscription id, a file name).</summary>
    public string Name { get; }

    /// <summary>The part's status.</summary>
    public SourceStatus Status { get; }

    /// <summary>Why the part has its status; empty when the provider gave no reason.</summary>
    public string Detail { get; }

    /// <inheritdoc/>
    public override string ToString() => Detail.Length == 0 ? $"{Name}: {Status}" : $"{Name}: {Status} ({Detail})";
}
