using ExposureSdk.Internal;

namespace ExposureSdk;

/// <summary>
/// The identifier of an asset (a device, identity, cloud resource, SaaS app...): a non-empty string of at most 512 characters, compared ordinally
/// (case-sensitive), as the source gave it.
/// </summary>
public readonly record struct AssetId : IComparable<AssetId>
{
    private readonly string? _value;

    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The identifier text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, white space, longer than 512 characters, or holds a lone surrogate (ill-formed UTF-16).</exception>
    public AssetId(string value) => _value = Guard.Identifier(value);

    /// <summary>The identifier text; empty for the default value.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Converts a string to an identifier.</summary>
    /// <param name="value">The identifier text.</param>
    public static implicit operator AssetId(string value) => new(value);

    /// <summary>Creates an identifier (the named alternative to the implicit conversion).</summary>
    /// <param name="value">The identifier text.</param>
    /// <returns>The identifier.</returns>
    public static AssetId From(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(AssetId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc/>
    public int CompareTo(AssetId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Compares two identifiers ordinally.</summary>
    public static bool operator <(AssetId left, AssetId right) => left.CompareTo(right) < 0;

    /// <summary>Compares two identifiers ordinally.</summary>
    public static bool operator <=(AssetId left, AssetId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two identifiers ordinally.</summary>
    public static bool operator >(AssetId left, AssetId right) => left.CompareTo(right) > 0;

    /// <summary>Compares two identifiers ordinally.</summary>
    public static bool operator >=(AssetId left, AssetId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public override string ToString() => Value;
}
