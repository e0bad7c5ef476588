namespace ExposureSdk.Providers.Scanners;

/// <summary>
/// Every result file of one source, read once: today's state (each (check, resource) pair's latest
/// result over all files, files taken in order of scan time) and the source's record of earlier days
/// (the state as it stood at the end of each earlier scan date).
/// </summary>
internal sealed class ScanSet
{
    private ScanSet(IReadOnlyList<ScanResult> files, ScanReadReport report, ExposureSnapshot today)
    {
        Files = files;
        Report = report;
        Today = today;
    }

    public IReadOnlyList<ScanResult> Files { get; }

    public ScanReadReport Report { get; }

    /// <summary>Today's recommendations, assets and assessments (tenant and time are placeholders).</summary>
    public ExposureSnapshot Today { get; }

    public static async Task<ScanSet> LoadAsync(IReadOnlyList<string> paths, IReadOnlyList<string> extensions, string providerName, ScanFiles.StreamReader read, CancellationToken cancellationToken)
    {
        var failures = new List<ExposureSourceException>();
        var files = ScanFiles.Enumerate(paths, extensions, providerName, failures);
        var results = new List<ScanResult>(files.Count);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add(await ScanFiles.ReadFileAsync(file, providerName, read, cancellationToken).ConfigureAwait(false));
            }
            catch (ExposureSourceException ex)
            {
                failures.Add(ex); // one bad file loses only itself: the valid records of other files still load
            }
        }

        if (results.Count == 0)
        {
            throw failures.Count switch
            {
                0 => new ExposureSourceException(providerName, $"No result file was found in {string.Join(", ", paths.Select(p => $"'{p}'"))} (looked for {string.Join(", ", extensions)}).", field: "path"),
                1 => failures[0],
                _ => new ExposureSourceException(
                    providerName,
                    $"No result file could be read ({failures.Count} failures): {string.Join(" | ", failures.Take(3).Select(f => Unprefixed(f.Message, providerName)))}{(failures.Count > 3 ? " | ..." : string.Empty)}",
                    new AggregateException(failures),
                    field: "path"),
            };
        }

        var ordered = results.OrderBy(r => r.ScannedAt ?? DateTimeOffset.MinValue).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
        var state = new MergeState();
        foreach (var r in ordered)
        {
            state.Apply(r);
        }

        var warnings = ordered.SelectMany(r => r.Warnings).ToList();
        var report = new ScanReadReport(ordered, failures.AsReadOnly(), warnings.AsReadOnly());
        return new ScanSet(ordered, report, state.ToSnapshot(ordered[^1].ScannedAt ?? DateTimeOffset.UnixEpoch));
    }

    private static string Unprefixed(string message, string providerName)
    {
        var prefix = $"Source provider '{providerName}': ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }

    /// <summary>
    /// The state at the end of each scan date (UTC) before the last file's, oldest first: what the source
    /// knew that day. Days are rebuilt lazily, one at a time.
    /// </summary>
    public IEnumerable<SourceHistoryDay> History()
    {
        var state = new MergeState();
        for (var i = 0; i < Files.Count; i++)
        {
            state.Apply(Files[i]);
            var at = Files[i].ScannedAt;
            var nextAt = i + 1 < Files.Count ? Files[i + 1].ScannedAt : null;
            if (at is null || (nextAt is not null && nextAt.Value.UtcDateTime.Date == at.Value.UtcDateTime.Date))
            {
                continue; // the day's last file closes the day
            }

            yield return state.ToHistoryDay(at.Value);
        }
    }

    private sealed class MergeState
    {
        private readonly Dictionary<RecommendationId, Recommendation> _recommendations = [];
        private readonly Dictionary<AssetId, Asset> _assets = [];
        private readonly Dictionary<(RecommendationId, AssetId), AssessmentStatus> _pairs = [];

        public void Apply(ScanResult result)
        {
            foreach (var r in result.Recommendations)
            {
                _recommendations[r.Id] = r;
            }

            foreach (var a in result.Assets)
            {
                _assets[a.Id] = a;
            }

            foreach (var a in result.Assessments)
            {
                _pairs[(a.RecommendationId, a.AssetId)] = a.Status;
            }
        }

        public ExposureSnapshot ToSnapshot(DateTimeOffset asOf)
            => new("scanner", asOf, _recommendations.Values, _assets.Values, _pairs.Select(p => new Assessment(p.Key.Item1, p.Key.Item2, p.Value)));

        public SourceHistoryDay ToHistoryDay(DateTimeOffset asOf)
            => new(asOf, _recommendations.Values, _pairs.Select(p => new Assessment(p.Key.Item1, p.Key.Item2, p.Value)));
    }
}
