using System.Collections.Frozen;
using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>The benchmark or product a recommendation came from (for example Microsoft Secure Score or a CIS benchmark).</summary>
/// <remarks>
/// An extensible, string-backed value (domain rules §2): the well-known sources are static members, and a partner's provider may report any other name. Names compare case-insensitively; parsing a well-known name in any casing returns the
/// well-known instance with its canonical spelling.
/// </remarks>
public readonly record struct RecommendationSource
{
    private readonly string? _name;

    private RecommendationSource(string name) => _name = name;

    /// <summary>The name; empty for the default value.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Whether this is one of the well-known values.</summary>
    public bool IsWellKnown => _name is not null && ByName.ContainsKey(_name);

    /// <summary>Microsoft Secure Score.</summary>
    public static RecommendationSource MicrosoftSecureScore { get; } = new("Microsoft Secure Score");

    /// <summary>Microsoft Defender for Cloud (its secure score controls and assessments).</summary>
    public static RecommendationSource DefenderForCloud { get; } = new("Microsoft Defender for Cloud");

    /// <summary>Microsoft Defender Vulnerability Management.</summary>
    public static RecommendationSource DefenderVulnerabilityManagement { get; } = new("Microsoft Defender Vulnerability Management");

    /// <summary>A Center for Internet Security (CIS) benchmark.</summary>
    public static RecommendationSource CisBenchmark { get; } = new("CIS Benchmark");

    /// <summary>Recommendations authored by Microsoft Security Exposure Management itself.</summary>
    public static RecommendationSource ExposureManagement { get; } = new("Microsoft Security Exposure Management");

    /// <summary>The well-known values.</summary>
    public static IReadOnlyList<RecommendationSource> WellKnown { get; } = [MicrosoftSecureScore, DefenderForCloud, DefenderVulnerabilityManagement, CisBenchmark, ExposureManagement];

    private static readonly FrozenDictionary<string, RecommendationSource> ByName =
        WellKnown.ToFrozenDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the well-known value with this name (ignoring case), otherwise a new value with the name as given.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space, longer than 512 characters, or holds a lone surrogate (ill-formed UTF-16).</exception>
    public static RecommendationSource Parse(string name)
    {
        Guard.Identifier(name);
        return ByName.TryGetValue(name, out var known) ? known : new RecommendationSource(name);
    }

    /// <summary>Converts a name with <see cref="Parse"/>.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator RecommendationSource(string name) => Parse(name);

    /// <inheritdoc/>
    public bool Equals(RecommendationSource other) => string.Equals(_name, other._name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
