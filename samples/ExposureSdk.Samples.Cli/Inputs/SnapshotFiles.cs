namespace ExposureSdk.Samples.Cli.Inputs;

/// <summary>Reads snapshot documents (contracts §1) from files, turning every problem into an <see cref="InputException"/> that names the file and the JSON path.</summary>
internal static class SnapshotFiles
{
    /// <summary>Reads one snapshot document.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="InputException">The file cannot be read or is not a valid snapshot document.</exception>
    public static async Task<ExposureSnapshot> ReadAsync(string path, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot open the snapshot document: {ex.Message}", ex);
        }

        await using (stream)
        {
            try
            {
                return await SnapshotDocument.ReadAsync(stream, cancellationToken: cancellationToken);
            }
            catch (SnapshotFormatException ex)
            {
                var detail = string.IsNullOrEmpty(ex.JsonPath) || ex.Message.Contains(ex.JsonPath, StringComparison.Ordinal) ? ex.Message : $"{ex.JsonPath}: {ex.Message}";
                throw new InputException($"{path}: {detail}", ex);
            }
            catch (IOException ex)
            {
                throw new InputException($"{path}: cannot read the snapshot document: {ex.Message}", ex);
            }
        }
    }
}
