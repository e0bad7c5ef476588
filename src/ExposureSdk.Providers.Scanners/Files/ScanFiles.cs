namespace ExposureSdk.Providers.Scanners;

/// <summary>Finds and opens result files: a path is a file, or a folder whose top-level files with the reader's extensions are read in name order.</summary>
internal static class ScanFiles
{
    public delegate Task<ScanResult> StreamReader(Stream stream, string name, string providerName, CancellationToken cancellationToken);

    public static async Task<ScanResult> ReadFileAsync(string fullPath, string providerName, StreamReader read, CancellationToken cancellationToken)
    {
        FileStream stream;
        DateTime lastWrite;
        try
        {
            stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            lastWrite = File.GetLastWriteTimeUtc(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw ScanErrors.File(providerName, fullPath, "the file does not exist.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ScanErrors.File(providerName, fullPath, $"the file cannot be opened: {ex.Message}", ex);
        }

        await using (stream.ConfigureAwait(false))
        {
            var result = await read(stream, fullPath, providerName, cancellationToken).ConfigureAwait(false);
            return result.ScannedAt is null ? result.WithScannedAt(new DateTimeOffset(lastWrite, TimeSpan.Zero)) : result;
        }
    }

    /// <summary>The files the paths name, in a stable order; a path that names nothing is a failure of its own.</summary>
    public static List<string> Enumerate(IReadOnlyList<string> paths, IReadOnlyList<string> extensions, string providerName, List<ExposureSourceException> failures)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            try
            {
                if (File.Exists(path))
                {
                    if (seen.Add(path))
                    {
                        files.Add(path);
                    }
                }
                else if (Directory.Exists(path))
                {
                    var found = Directory.EnumerateFiles(path)
                        .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                        .Order(StringComparer.Ordinal);
                    foreach (var file in found)
                    {
                        if (seen.Add(file))
                        {
                            files.Add(file);
                        }
                    }
                }
                else
                {
                    failures.Add(ScanErrors.File(providerName, path, "no such file or folder."));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add(ScanErrors.File(providerName, path, $"the folder cannot be listed: {ex.Message}", ex));
            }
        }

        return files;
    }
}
