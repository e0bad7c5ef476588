using System.Globalization;

namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Reports what one read of a scanner source covered to the pull (domain rules §2): Active when every file
/// was read, Limited when some could not be (the detail and a warning name each such file, the record
/// and the field), one part per file; and the read's warnings.
/// </summary>
internal static class ScanCoverage
{
    /// <summary>How many failed files the detail names before "and N more".</summary>
    private const int NamedInDetail = 3;

    public static void Report(SourcePullContext context, ScanReadReport report, string providerName)
    {
        var parts = new List<SourceCoveragePart>(report.Files.Count + report.Failures.Count);
        foreach (var file in report.Files)
        {
            var scanned = file.ScannedAt is { } at ? string.Create(CultureInfo.InvariantCulture, $", scanned {at:yyyy-MM-dd HH:mm:ss}Z") : string.Empty;
            parts.Add(new SourceCoveragePart(PartName(file.Name), SourceStatus.Active, string.Create(CultureInfo.InvariantCulture, $"{file.RecordCount} record(s) read{scanned}")));
        }

        var failed = new List<string>();
        foreach (var failure in report.Failures)
        {
            var file = ScanErrors.FileOf(failure) ?? failure.RecordId ?? "(unknown file)";
            var why = Unprefixed(failure.Message, providerName);
            parts.Add(new SourceCoveragePart(PartName(file), SourceStatus.Failed, Cut(why)));
            failed.Add($"{PartName(file)} ({why})");
            context.ReportWarning($"{PartName(file)} could not be read and was left out; the other files were read: {why}");
        }

        var total = report.Files.Count + report.Failures.Count;
        var coverage = report.Failures.Count == 0
            ? new SourceCoverage(SourceStatus.Active, string.Create(CultureInfo.InvariantCulture, $"{report.Files.Count} file(s) read"), parts)
            : new SourceCoverage(
                SourceStatus.Limited,
                Cut(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{report.Failures.Count} of {total} file(s) could not be read: {string.Join("; ", failed.Take(NamedInDetail))}{(failed.Count > NamedInDetail ? $"; and {failed.Count - NamedInDetail} more" : string.Empty)}")),
                parts);
        context.ReportCoverage(coverage);
        foreach (var warning in report.Warnings)
        {
            context.ReportWarning(warning);
        }
    }

    /// <summary>A part's name: the file name (the last segment of the path), which is what a reader recognises.</summary>
    private static string PartName(string path)
    {
        var name = Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        name = string.IsNullOrWhiteSpace(name) ? path : name;
        return Internal.TextCut.Prefix(name, 512);
    }

    private static string Unprefixed(string message, string providerName)
    {
        var prefix = $"Source provider '{providerName}': ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    private static string Cut(string text)
        => Internal.TextCut.WithEllipsis(text, SourceCoverage.MaxDetailLength);
}
