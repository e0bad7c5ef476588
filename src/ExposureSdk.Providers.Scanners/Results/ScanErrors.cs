namespace ExposureSdk.Providers.Scanners;

/// <summary>Builds the one exception type of the package: provider, file, record and field named.</summary>
internal static class ScanErrors
{
    /// <summary>A bad record: "'file' line 12 ($.status_code): unknown status 'MAYBE' ...".</summary>
    public static ExposureSourceException Record(string provider, string file, string where, string? field, string message, Exception? inner = null)
        => new(provider, $"'{file}' {where}: {message}", inner, recordId: $"{file} {where}", field: field);

    /// <summary>A file that cannot be read at all (missing, locked, not a result file).</summary>
    public static ExposureSourceException File(string provider, string file, string message, Exception? inner = null)
        => new(provider, $"'{file}': {message}", inner, recordId: file, field: "path");
}
