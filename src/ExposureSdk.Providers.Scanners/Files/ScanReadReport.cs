namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// What a scanner source's latest read found: the files it loaded (in order of scan time), the files it
/// could not use and why, and what it noticed without failing (for example a (check, resource) pair
/// given twice in one file, where the later record won).
/// </summary>
/// <remarks>
/// A bad file is left out whole and named in <see cref="Failures"/> with its record and field; the valid
/// files still load. Only when no file at all can be read does the source fail.
/// </remarks>
public sealed class ScanReadReport
{
    internal ScanReadReport(IReadOnlyList<ScanResult> files, IReadOnlyList<ExposureSourceException> failures, IReadOnlyList<string> warnings)
    {
        Files = files;
        Failures = failures;
        Warnings = warnings;
    }

    /// <summary>The files that were read, oldest scan first (the later file wins a (check, resource) pair).</summary>
    public IReadOnlyList<ScanResult> Files { get; }

    /// <summary>The files (or paths) that could not be used, each with the file, record and field at fault.</summary>
    public IReadOnlyList<ExposureSourceException> Failures { get; }

    /// <summary>What the read noticed without failing, in plain text.</summary>
    public IReadOnlyList<string> Warnings { get; }
}
