using System.ComponentModel.DataAnnotations;
using ExposureSdk.Internal;
using Microsoft.Extensions.Options;

namespace ExposureSdk;

/// <summary>
/// Limits applied while reading a snapshot document with <see cref="SnapshotDocument"/>. The defaults
/// suit documents with millions of assessments; lower them to read untrusted input more cheaply.
/// </summary>
/// <remarks>
/// A plain options class (mutable, bindable from configuration). The rules are DataAnnotations checked
/// by a source-generated validator (the SDK's one options style) when a read starts: an out-of-range
/// value raises an <see cref="ArgumentException"/> (parameter <c>options</c>) whose message names the
/// property, for example <c>The field SnapshotReadOptions.MaxDepth must be between 1 and 256.</c>
/// </remarks>
public sealed class SnapshotReadOptions : IValidatableObject
{
    /// <summary>The default <see cref="MaxDepth"/>: 64 levels of nesting.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default and largest <see cref="MaxIdentifierLength"/>: 512 UTF-16 code units (the model's limit).</summary>
    public const int DefaultMaxIdentifierLength = 512;

    /// <summary>The default and largest <see cref="MaxTextLength"/>: 65,536 UTF-16 code units (64 Ki, the model's limit).</summary>
    public const int DefaultMaxTextLength = 64 * 1024;

    /// <summary>The default <see cref="MaxDocumentBytes"/>: 4 GiB.</summary>
    public const long DefaultMaxDocumentBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>The default <see cref="MaxRecordBytes"/>: 16 MiB.</summary>
    public const int DefaultMaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The deepest nesting of arrays and objects accepted anywhere in the document, including inside
    /// ignored unknown properties (1 to 256; default 64). Deeper documents are rejected with a
    /// <see cref="SnapshotFormatException"/>, never a stack overflow.
    /// </summary>
    [Range(1, 256)]
    public int MaxDepth { get; set; } = DefaultMaxDepth;

    /// <summary>The longest identifier, name, tag or threat accepted, in UTF-16 code units (1 to 512; default 512).</summary>
    [Range(1, DefaultMaxIdentifierLength)]
    public int MaxIdentifierLength { get; set; } = DefaultMaxIdentifierLength;

    /// <summary>The longest free text (a description or a remediation step) accepted, in UTF-16 code units (1 to 65,536; default 65,536).</summary>
    [Range(1, DefaultMaxTextLength)]
    public int MaxTextLength { get; set; } = DefaultMaxTextLength;

    /// <summary>The largest document accepted, in bytes (at least 1; default 4 GiB).</summary>
    public long MaxDocumentBytes { get; set; } = DefaultMaxDocumentBytes;

    /// <summary>
    /// The largest single record (one recommendation, asset, assessment, metric or initiative, or one
    /// top-level value) accepted, in bytes of JSON text (4 KiB to 1 GiB; default 16 MiB). The reader
    /// holds at most one record's text in memory at a time, so this bounds its buffer.
    /// </summary>
    [Range(4 * 1024, 1024 * 1024 * 1024)]
    public int MaxRecordBytes { get; set; } = DefaultMaxRecordBytes;

    private static readonly SnapshotReadOptionsValidator Validator = new();

    /// <summary>The rule no attribute states without reflection over <see cref="long"/>: <see cref="MaxDocumentBytes"/> is at least 1.</summary>
    /// <param name="validationContext">The validation context.</param>
    /// <returns>The failures.</returns>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxDocumentBytes < 1)
        {
            yield return new ValidationResult(FormattableString.Invariant($"The field SnapshotReadOptions.{nameof(MaxDocumentBytes)} must be at least 1; got {MaxDocumentBytes}."), [nameof(MaxDocumentBytes)]);
        }
    }

    /// <summary>Checks the options when a read starts.</summary>
    /// <exception cref="ArgumentException">An option is out of range (the message names each).</exception>
    internal void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(Validator, this, "options");
}

/// <summary>Validates <see cref="SnapshotReadOptions"/> from its DataAnnotations (source-generated).</summary>
[OptionsValidator]
internal sealed partial class SnapshotReadOptionsValidator : IValidateOptions<SnapshotReadOptions>;
