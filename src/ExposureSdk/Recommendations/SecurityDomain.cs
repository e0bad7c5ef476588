using System.Collections.Frozen;
using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>The security domain a recommendation belongs to: Devices, Apps, Data, Identity, Cloud or SaaS.</summary>
/// <remarks>
/// The product documents Devices, Apps, Data and Identity; Decision (domain rules §2): Cloud and SaaS too, which the newer portal shows as tabs. The snapshot document accepts only these six; code may create others. Names compare case-insensitively; parsing a well-known name in any casing returns the
/// well-known instance with its canonical spelling.
/// </remarks>
public readonly record struct SecurityDomain
{
    private readonly string? _name;

    private SecurityDomain(string name) => _name = name;

    /// <summary>The name; empty for the default value.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Whether this is one of the well-known values.</summary>
    public bool IsWellKnown => _name is not null && ByName.ContainsKey(_name);

    /// <summary>Devices: endpoints, servers, mobile and IoT devices.</summary>
    public static SecurityDomain Devices { get; } = new("Devices");

    /// <summary>Apps: applications and their configuration.</summary>
    public static SecurityDomain Apps { get; } = new("Apps");

    /// <summary>Data: information protection and data loss prevention.</summary>
    public static SecurityDomain Data { get; } = new("Data");

    /// <summary>Identity: accounts, authentication and access.</summary>
    public static SecurityDomain Identity { get; } = new("Identity");

    /// <summary>Cloud: cloud infrastructure resources.</summary>
    public static SecurityDomain Cloud { get; } = new("Cloud");

    /// <summary>SaaS: software-as-a-service applications.</summary>
    public static SecurityDomain SaaS { get; } = new("SaaS");

    /// <summary>The well-known values.</summary>
    public static IReadOnlyList<SecurityDomain> WellKnown { get; } = [Devices, Apps, Data, Identity, Cloud, SaaS];

    private static readonly FrozenDictionary<string, SecurityDomain> ByName =
        WellKnown.ToFrozenDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the well-known value with this name (ignoring case), otherwise a new value with the name as given.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space, longer than 512 characters, or holds a lone surrogate (ill-formed UTF-16).</exception>
    public static SecurityDomain Parse(string name)
    {
        Guard.Identifier(name);
        return ByName.TryGetValue(name, out var known) ? known : new SecurityDomain(name);
    }

    /// <summary>Converts a name with <see cref="Parse"/>.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator SecurityDomain(string name) => Parse(name);

    /// <inheritdoc/>
    public bool Equals(SecurityDomain other) => string.Equals(_name, other._name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
