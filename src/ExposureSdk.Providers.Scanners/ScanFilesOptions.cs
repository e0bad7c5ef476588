using System.ComponentModel.DataAnnotations;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Settings of a scanner source registered with <c>AddOcsfFindings</c> or <c>AddMaesterResults</c>: the
/// files and folders it reads. One named instance per registration (the name is the provider's name),
/// validated when the host starts.
/// </summary>
/// <remarks>
/// The rules are checked by a source-generated validator (<c>ValidateOnStart</c>): an invalid value fails
/// the host's start with an <c>OptionsValidationException</c> naming the option, for example
/// <c>ScanFilesOptions.Paths needs at least one file or folder.</c> A path that does not exist (yet) is not
/// an error at start: a refresh reports it (the source is Limited, or Failed when no file at all can be
/// read), because scan output folders are often created by the first scan.
/// </remarks>
public sealed class ScanFilesOptions : IValidatableObject
{
    /// <summary>The most paths one source reads.</summary>
    public const int MaxPaths = 1000;

    /// <summary>The longest path accepted, in UTF-16 code units.</summary>
    public const int MaxPathLength = 4096;

    /// <summary>
    /// The files and folders to read (a folder's top-level result files). At least one, at most
    /// <see cref="MaxPaths"/>; none empty, none longer than <see cref="MaxPathLength"/>, none with a NUL character.
    /// </summary>
    public IList<string> Paths { get; } = [];

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Paths.Count == 0)
        {
            yield return new ValidationResult($"{nameof(ScanFilesOptions)}.{nameof(Paths)} needs at least one file or folder.", [nameof(Paths)]);
            yield break;
        }

        if (Paths.Count > MaxPaths)
        {
            yield return new ValidationResult($"{nameof(ScanFilesOptions)}.{nameof(Paths)} holds {Paths.Count} paths; at most {MaxPaths} are allowed.", [nameof(Paths)]);
        }

        for (var i = 0; i < Paths.Count && i < MaxPaths; i++)
        {
            var path = Paths[i];
            if (string.IsNullOrWhiteSpace(path))
            {
                yield return new ValidationResult($"{nameof(ScanFilesOptions)}.{nameof(Paths)}[{i}] is empty.", [nameof(Paths)]);
            }
            else if (path.Length > MaxPathLength)
            {
                yield return new ValidationResult($"{nameof(ScanFilesOptions)}.{nameof(Paths)}[{i}] is {path.Length} characters long; at most {MaxPathLength} are allowed.", [nameof(Paths)]);
            }
            else if (path.Contains('\0', StringComparison.Ordinal))
            {
                yield return new ValidationResult($"{nameof(ScanFilesOptions)}.{nameof(Paths)}[{i}] contains a NUL character.", [nameof(Paths)]);
            }
        }
    }
}
