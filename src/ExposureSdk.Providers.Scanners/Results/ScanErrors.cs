namespace ExposureSdk.Providers.Scanners;

/// <summary>Builds the one exception type of the package: provider, file, record and field named.</summary>
internal static class ScanErrors
{
    /// <summary>A bad record: "'file' line 12 ($.status_code): unknown status 'MAYBE' ...".</summary>
    public static ExposureSourceException Record(string provider, string file, string where, string? field, string message, Exception? inner = null)
        => WithFile(new(provider, $"'{file}' {where}: {message}", inner, recordId: $"{file} {where}", field: field), file);

    /// <summary>A file that cannot be read at all (missing, locked, not a result file).</summary>
    public static ExposureSourceException File(string provider, string file, string message, Exception? inner = null)
        => WithFile(new(provider, $"'{file}': {message}", inner, recordId: file, field: "path"), file);

    /// <summary>The file (or path) an exception of this package names, or <see langword="null"/> for another exception.</summary>
    public static string? FileOf(ExposureSourceException exception)
        => exception.Data[FileKey] as string;

    private const string FileKey = "ExposureSdk.Scanners.File";

    private static ExposureSourceException WithFile(ExposureSourceException exception, string file)
    {
        exception.Data[FileKey] = file;
        return exception;
    }
}
