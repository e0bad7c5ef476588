namespace ExposureSdk;

/// <summary>How <see cref="SnapshotDocument"/> writes a snapshot document.</summary>
/// <remarks>A plain options class (mutable, bindable from configuration).</remarks>
public sealed class SnapshotWriteOptions
{
    /// <summary>
    /// Whether to indent the JSON (two spaces, one property per line) for people and diffs
    /// (default <see langword="true"/>); <see langword="false"/> writes compact JSON, about a third smaller.
    /// </summary>
    public bool Indented { get; set; } = true;
}
