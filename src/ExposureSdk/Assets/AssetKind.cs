using System.Collections.Frozen;
using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>The kind of an asset: a device, an identity, a cloud resource, a SaaS app, data, or any other kind a source reports.</summary>
/// <remarks>
/// An extensible, string-backed value: the well-known kinds are static members; an asset that is only referenced by an assessment has the kind Unknown. Names compare case-insensitively; parsing a well-known name in any casing returns the
/// well-known instance with its canonical spelling.
/// </remarks>
public readonly record struct AssetKind
{
    private readonly string? _name;

    private AssetKind(string name) => _name = name;

    /// <summary>The name; empty for the default value.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Whether this is one of the well-known values.</summary>
    public bool IsWellKnown => _name is not null && ByName.ContainsKey(_name);

    /// <summary>A device (endpoint, server, mobile, IoT or OT device).</summary>
    public static AssetKind Device { get; } = new("Device");

    /// <summary>An identity (user, service principal, group).</summary>
    public static AssetKind Identity { get; } = new("Identity");

    /// <summary>A cloud resource (virtual machine, storage account, database...).</summary>
    public static AssetKind CloudResource { get; } = new("CloudResource");

    /// <summary>A SaaS application.</summary>
    public static AssetKind SaaSApp { get; } = new("SaaSApp");

    /// <summary>A data store or a collection of data.</summary>
    public static AssetKind Data { get; } = new("Data");

    /// <summary>An asset known only from an assessment that references it.</summary>
    public static AssetKind Unknown { get; } = new("Unknown");

    /// <summary>The well-known values.</summary>
    public static IReadOnlyList<AssetKind> WellKnown { get; } = [Device, Identity, CloudResource, SaaSApp, Data, Unknown];

    private static readonly FrozenDictionary<string, AssetKind> ByName =
        WellKnown.ToFrozenDictionary(v => v.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns the well-known value with this name (ignoring case), otherwise a new value with the name as given.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, white space, longer than 512 characters, or holds a lone surrogate (ill-formed UTF-16).</exception>
    public static AssetKind Parse(string name)
    {
        Guard.Identifier(name);
        return ByName.TryGetValue(name, out var known) ? known : new AssetKind(name);
    }

    /// <summary>Converts a name with <see cref="Parse"/>.</summary>
    /// <param name="name">The name.</param>
    public static implicit operator AssetKind(string name) => Parse(name);

    /// <inheritdoc/>
    public bool Equals(AssetKind other) => string.Equals(_name, other._name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
