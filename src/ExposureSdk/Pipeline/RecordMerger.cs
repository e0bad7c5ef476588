namespace ExposureSdk.Pipeline;

/// <summary>
/// Merges the records of several providers into one consistent set (the input of an
/// <see cref="ExposureSnapshot"/>).
/// </summary>
/// <remarks>
/// Precedence is the providers' order (registration order), then the catalog: the first provider that
/// gives an id wins; every provider that gave a recommendation is recorded in its provenance. Per-asset
/// assessments from every provider are kept, the first one for a (recommendation, asset) pair wins.
/// References that name nothing (an assessment for an unknown recommendation, a metric member or an
/// initiative metric that no source gave) are dropped with a warning instead of failing the refresh.
/// </remarks>
internal static class RecordMerger
{
    public static MergedRecords Merge(IReadOnlyList<ProviderRecords> inOrder, IEnumerable<Metric> catalogMetrics, IEnumerable<Initiative> catalogInitiatives)
    {
        var warnings = new List<string>();
        var recommendations = new List<Recommendation>();
        var provenance = new Dictionary<RecommendationId, List<string>>();
        var assets = new Dictionary<AssetId, Asset>();
        var assetOrder = new List<AssetId>();
        var metrics = new Dictionary<MetricId, Metric>();
        var metricOrder = new List<MetricId>();
        var metricOwner = new Dictionary<MetricId, string>();
        var initiatives = new Dictionary<InitiativeId, Initiative>();
        var initiativeOrder = new List<InitiativeId>();
        var initiativeOwner = new Dictionary<InitiativeId, string>();

        foreach (var records in inOrder)
        {
            foreach (var r in records.Recommendations)
            {
                if (provenance.TryGetValue(r.Id, out var sources))
                {
                    sources.Add(records.ProviderName);
                }
                else
                {
                    provenance[r.Id] = [records.ProviderName];
                    recommendations.Add(r);
                }
            }

            foreach (var a in records.Assets)
            {
                if (assets.TryAdd(a.Id, a))
                {
                    assetOrder.Add(a.Id);
                }
            }

            foreach (var m in records.Metrics)
            {
                if (metrics.TryAdd(m.Id, m))
                {
                    metricOrder.Add(m.Id);
                    metricOwner[m.Id] = records.ProviderName;
                }
            }

            foreach (var i in records.Initiatives)
            {
                if (initiatives.TryAdd(i.Id, i))
                {
                    initiativeOrder.Add(i.Id);
                    initiativeOwner[i.Id] = records.ProviderName;
                }
            }
        }

        foreach (var m in catalogMetrics)
        {
            if (metrics.TryAdd(m.Id, m))
            {
                metricOrder.Add(m.Id);
            }
        }

        foreach (var i in catalogInitiatives)
        {
            if (initiatives.TryAdd(i.Id, i))
            {
                initiativeOrder.Add(i.Id);
            }
        }

        var assessments = new List<Assessment>();
        var pairs = new HashSet<(RecommendationId, AssetId)>();
        foreach (var records in inOrder)
        {
            var dangling = 0;
            foreach (var a in records.Assessments)
            {
                if (!provenance.ContainsKey(a.RecommendationId))
                {
                    dangling++;
                    continue;
                }

                if (pairs.Add((a.RecommendationId, a.AssetId)))
                {
                    assessments.Add(a);
                }
            }

            if (dangling > 0)
            {
                warnings.Add($"Provider '{records.ProviderName}': {dangling} assessment(s) name a recommendation no source gave; they were ignored.");
            }
        }

        var metricsMissingMembers = new HashSet<MetricId>();
        var initiativesMissingMembers = new HashSet<InitiativeId>();
        var finalMetrics = new List<Metric>(metricOrder.Count);
        foreach (var id in metricOrder)
        {
            var m = metrics[id];
            var missing = m.RecommendationIds.Where(r => !provenance.ContainsKey(r)).ToList();
            if (missing.Count > 0)
            {
                warnings.Add($"Metric '{m.Id}': {missing.Count} member recommendation(s) were given by no source in this refresh (first: '{missing[0]}').");
                metricsMissingMembers.Add(m.Id);
                m = new Metric(m.Id, m.Name, m.Weight, m.RecommendationIds.Where(provenance.ContainsKey), m.Selector, m.Description);
            }

            finalMetrics.Add(m);
        }

        var finalInitiatives = new List<Initiative>(initiativeOrder.Count);
        foreach (var id in initiativeOrder)
        {
            var i = initiatives[id];
            var missingMetrics = i.MetricIds.Where(x => !metrics.ContainsKey(x)).ToList();
            var missingRecommendations = i.RecommendationIds.Where(x => !provenance.ContainsKey(x)).ToList();
            if (missingMetrics.Count > 0 || missingRecommendations.Count > 0)
            {
                warnings.Add($"Initiative '{i.Id}': {missingMetrics.Count} metric(s) and {missingRecommendations.Count} recommendation(s) it lists were given by no source in this refresh.");
                initiativesMissingMembers.Add(i.Id);
                i = i with
                {
                    MetricIds = [.. i.MetricIds.Where(metrics.ContainsKey)],
                    RecommendationIds = [.. i.RecommendationIds.Where(provenance.ContainsKey)],
                };
            }

            finalInitiatives.Add(i);
        }

        return new MergedRecords(
            recommendations,
            assetOrder.Select(a => assets[a]).ToList(),
            assessments,
            finalMetrics,
            finalInitiatives,
            provenance.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.AsReadOnly()),
            metricOwner,
            initiativeOwner,
            metricsMissingMembers,
            initiativesMissingMembers,
            warnings);
    }
}

/// <summary>The merged records of one refresh.</summary>
internal sealed record MergedRecords(
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<Asset> Assets,
    IReadOnlyList<Assessment> Assessments,
    IReadOnlyList<Metric> Metrics,
    IReadOnlyList<Initiative> Initiatives,
    IReadOnlyDictionary<RecommendationId, IReadOnlyList<string>> Provenance,
    IReadOnlyDictionary<MetricId, string> MetricOwners,
    IReadOnlyDictionary<InitiativeId, string> InitiativeOwners,
    IReadOnlySet<MetricId> MetricsMissingMembers,
    IReadOnlySet<InitiativeId> InitiativesMissingMembers,
    IReadOnlyList<string> Warnings);
