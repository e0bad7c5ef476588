using ExposureSdk.Providers;

namespace ExposureSdk.Tests.Support;

/// <summary>
/// Snapshots whose every id carries its generation ("g7-a", "g7-asset-1", "g7-m", ...), so a pull or a
/// refresh that mixes two generations is seen at once: its ids carry two prefixes.
/// </summary>
internal static class Generations
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    public static ExposureSnapshot Snapshot(int generation, int assets = 3)
    {
        var g = $"g{generation}-";
        Recommendation[] recommendations = [SampleData.Recommendation(g + "a"), SampleData.Recommendation(g + "b")];
        var assetList = Enumerable.Range(0, assets).Select(i => new Asset($"{g}asset-{i}", AssetKind.Identity)).ToArray();
        var assessments = recommendations
            .SelectMany(r => assetList.Select((a, i) => new Assessment(r.Id, a.Id, (i + generation) % 2 == 0 ? AssessmentStatus.Healthy : AssessmentStatus.Unhealthy)))
            .ToArray();
        return new ExposureSnapshot(
            "contoso",
            AsOf,
            recommendations,
            assetList,
            assessments,
            [new Metric(g + "m", "Metric of " + g, MetricWeight.High, [g + "a", g + "b"])],
            [new Initiative(g + "i", "Initiative of " + g, InitiativeKind.Workload, [g + "m"])]);
    }

    /// <summary>Every generation prefix the ids of a set of records carry.</summary>
    public static IReadOnlySet<string> Of(
        IEnumerable<Recommendation> recommendations,
        IEnumerable<Asset> assets,
        IEnumerable<Assessment> assessments,
        IEnumerable<Metric> metrics,
        IEnumerable<Initiative> initiatives)
        => recommendations.Select(r => r.Id.Value)
            .Concat(assets.Select(a => a.Id.Value))
            .Concat(assessments.SelectMany(a => new[] { a.RecommendationId.Value, a.AssetId.Value }))
            .Concat(metrics.Select(m => m.Id.Value))
            .Concat(initiatives.Select(i => i.Id.Value))
            .Select(id => id[..(id.IndexOf('-', StringComparison.Ordinal) + 1)])
            .ToHashSet();

    public static IReadOnlySet<string> Of(ExposureSnapshot snapshot)
        => Of(snapshot.Recommendations, snapshot.Assets, snapshot.Assessments, snapshot.Metrics, snapshot.Initiatives);

    /// <summary>Reads one batch the way the pipeline does: each list once, in the documented order.</summary>
    public static async Task<ExposureSnapshot> ReadAsync(SourceBatch batch, Action? betweenLists = null)
    {
        var recommendations = await batch.Recommendations.ToListAsync();
        betweenLists?.Invoke();
        var assets = await batch.Assets.ToListAsync();
        betweenLists?.Invoke();
        var assessments = await batch.Assessments.ToListAsync();
        betweenLists?.Invoke();
        var metrics = await batch.Metrics.ToListAsync();
        betweenLists?.Invoke();
        var initiatives = await batch.Initiatives.ToListAsync();
        return new ExposureSnapshot("contoso", AsOf, recommendations, assets, assessments, metrics, initiatives);
    }
}
