namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// The shared part of the scanner providers: the paths, the reader, and the last read, reused while no
/// file changed (same files, lengths and write times), so the lists of one refresh come from one read.
/// </summary>
internal sealed class ScanSource(string providerName, IReadOnlyList<string> paths, IReadOnlyList<string> extensions, ScanFiles.StreamReader read)
{
    private Cached? _cached;

    public IReadOnlyList<string> Paths { get; } = paths;

    public ScanReadReport? LastReport => Volatile.Read(ref _cached)?.Set.Report;

    public static IReadOnlyList<string> FullPaths(IEnumerable<string> paths, string paramName)
    {
        ArgumentNullException.ThrowIfNull(paths, paramName);
        var list = new List<string>();
        foreach (var p in paths)
        {
            if (string.IsNullOrWhiteSpace(p))
            {
                throw new ArgumentException("A path must not be null, empty or white space.", paramName);
            }

            list.Add(Path.GetFullPath(p));
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("At least one file or folder is needed.", paramName);
        }

        return list.AsReadOnly();
    }

    public async Task<ScanSet> LoadAsync(CancellationToken cancellationToken)
    {
        var stamp = Stamp();
        var cached = Volatile.Read(ref _cached);
        if (cached is not null && cached.Stamp == stamp)
        {
            return cached.Set;
        }

        var set = await ScanSet.LoadAsync(Paths, extensions, providerName, read, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _cached, new Cached(stamp, set));
        return set;
    }

    private string Stamp()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in ScanFiles.Enumerate(Paths, extensions, providerName, []))
        {
            try
            {
                var info = new FileInfo(file);
                text.Append(file).Append('|').Append(info.Length).Append('|').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                text.Append(file).Append("|?\n");
            }
        }

        return text.ToString();
    }

    private sealed record Cached(string Stamp, ScanSet Set);
}
