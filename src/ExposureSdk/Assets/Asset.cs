using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>An asset of the organization: a device, an identity, a cloud resource, a SaaS app or data.</summary>
public sealed record Asset
{
    /// <summary>Creates an asset.</summary>
    /// <param name="id">The asset's identifier.</param>
    /// <param name="kind">The kind of asset.</param>
    /// <param name="name">The display name, if known; empty or white-space text is absent (<see langword="null"/>).</param>
    /// <param name="criticality">How critical the asset is, if known.</param>
    /// <param name="tags">Free-form tags (null, empty and duplicate tags are not allowed; duplicates are dropped).</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="kind"/> is the default value, or a tag is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="criticality"/> is not a defined value.</exception>
    public Asset(AssetId id, AssetKind kind, string? name = null, AssetCriticality? criticality = null, IEnumerable<string>? tags = null)
    {
        if (id == default)
        {
            throw new ArgumentException("An asset needs an identifier.", nameof(id));
        }

        if (kind == default)
        {
            throw new ArgumentException("An asset needs a kind (use AssetKind.Unknown when it is not known).", nameof(kind));
        }

        Id = id;
        Kind = kind;
        Name = Guard.OptionalNonBlankText(name, Guard.MaxIdentifierLength);
        Criticality = criticality is { } c ? Guard.Defined(c, nameof(criticality)) : null;
        Tags = Guard.Strings(tags);
    }

    /// <summary>The asset's identifier.</summary>
    public AssetId Id { get; }

    /// <summary>The kind of asset.</summary>
    public AssetKind Kind { get; }

    /// <summary>The display name, if known.</summary>
    public string? Name { get; }

    /// <summary>How critical the asset is, if known.</summary>
    public AssetCriticality? Criticality { get; }

    /// <summary>Free-form tags.</summary>
    public IReadOnlyList<string> Tags { get; }
}
