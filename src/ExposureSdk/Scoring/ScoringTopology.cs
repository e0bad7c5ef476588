using System.Collections.ObjectModel;

namespace ExposureSdk.Scoring;

/// <summary>
/// Who belongs to whom, built once per scored tenant and shared by the reference rollup
/// (<see cref="ScoringInput"/>, <see cref="ReferenceRollup"/>) and the fast path (<see cref="ExposureDataset"/>):
/// each metric's member recommendations (listed or matched by its selector) and the reverse map, each
/// initiative's metrics and directly listed recommendations, and which initiatives each metric and each
/// recommendation reaches. Every list is in ascending index order, and indices follow ordinal id order.
/// </summary>
/// <remarks>
/// Memberships are fixed when the topology is built: a later change of a recommendation's state or risk
/// acceptance (<see cref="ExposureDataset.SetRecommendationState"/>) does not move it between metrics.
/// </remarks>
internal sealed class ScoringTopology
{
    private ScoringTopology(
        Dictionary<RecommendationId, int> recommendationIndex,
        Metric[] metrics,
        Dictionary<MetricId, int> metricIndex,
        Initiative[] initiatives,
        Dictionary<InitiativeId, int> initiativeIndex)
    {
        RecommendationIndex = recommendationIndex;
        Metrics = metrics;
        MetricIndex = metricIndex;
        Initiatives = initiatives;
        InitiativeIndex = initiativeIndex;
    }

    /// <summary>Recommendation index by id (indices are positions in the ordinal-id-sorted recommendations the topology was built from).</summary>
    public Dictionary<RecommendationId, int> RecommendationIndex { get; }

    /// <summary>The metrics in ordinal id order.</summary>
    public Metric[] Metrics { get; }

    public Dictionary<MetricId, int> MetricIndex { get; }

    /// <summary>The initiatives in ordinal id order.</summary>
    public Initiative[] Initiatives { get; }

    public Dictionary<InitiativeId, int> InitiativeIndex { get; }

    /// <summary>Metric → member recommendations, as compressed rows: metric m's members are <c>MetricMembers[MetricMemberStart[m]..MetricMemberStart[m + 1]]</c>.</summary>
    public int[] MetricMemberStart { get; private set; } = [];

    /// <summary>See <see cref="MetricMemberStart"/>.</summary>
    public int[] MetricMembers { get; private set; } = [];

    /// <summary>Recommendation → metrics containing it, as compressed rows (<see cref="MetricMemberStart"/> transposed).</summary>
    public int[] RecommendationMetricStart { get; private set; } = [];

    /// <summary>See <see cref="RecommendationMetricStart"/>.</summary>
    public int[] RecommendationMetrics { get; private set; } = [];

    /// <summary>Initiative → its metrics.</summary>
    public int[][] InitiativeMetrics { get; private set; } = [];

    /// <summary>Initiative → its directly listed recommendations.</summary>
    public int[][] InitiativeRecommendations { get; private set; } = [];

    /// <summary>Metric → initiatives containing it.</summary>
    public int[][] MetricInitiatives { get; private set; } = [];

    /// <summary>Recommendation → initiatives it reaches (through a metric or listed directly).</summary>
    public int[][] RecommendationInitiatives { get; private set; } = [];

    /// <summary>The ids of <see cref="RecommendationMetrics"/>, per recommendation, as reports show them (shared, read-only).</summary>
    public ReadOnlyCollection<MetricId>[] RecommendationMetricIds { get; private set; } = [];

    /// <summary>The ids of <see cref="RecommendationInitiatives"/>, per recommendation.</summary>
    public ReadOnlyCollection<InitiativeId>[] RecommendationInitiativeIds { get; private set; } = [];

    /// <summary>The ids of each metric's members.</summary>
    public ReadOnlyCollection<RecommendationId>[] MetricRecommendationIds { get; private set; } = [];

    /// <summary>The ids of <see cref="MetricInitiatives"/>, per metric.</summary>
    public ReadOnlyCollection<InitiativeId>[] MetricInitiativeIds { get; private set; } = [];

    /// <summary>Metric <paramref name="m"/>'s member recommendations, ascending.</summary>
    public ReadOnlySpan<int> MembersOf(int m) => MetricMembers.AsSpan(MetricMemberStart[m], MetricMemberStart[m + 1] - MetricMemberStart[m]);

    /// <summary>
    /// Builds the topology. Metrics and initiatives are sorted by ordinal id here; references are checked
    /// (a snapshot checked them already; the dataset builder relies on these checks).
    /// </summary>
    /// <param name="recommendations">The recommendations in ordinal id order.</param>
    /// <param name="metrics">The metrics, in any order.</param>
    /// <param name="initiatives">The initiatives, in any order.</param>
    /// <exception cref="ArgumentException">A metric or initiative id is repeated, or a reference names a recommendation or metric that is not there.</exception>
    public static ScoringTopology Build(Recommendation[] recommendations, IEnumerable<Metric> metrics, IEnumerable<Initiative> initiatives)
    {
        var recCount = recommendations.Length;
        var recIndex = new Dictionary<RecommendationId, int>(recCount);
        for (var r = 0; r < recCount; r++)
        {
            recIndex.Add(recommendations[r].Id, r);
        }

        var metricList = metrics.OrderBy(m => m.Id.Value, StringComparer.Ordinal).ToArray();
        var metricCount = metricList.Length;
        var metricIndex = new Dictionary<MetricId, int>(metricCount);
        for (var m = 0; m < metricCount; m++)
        {
            if (!metricIndex.TryAdd(metricList[m].Id, m))
            {
                throw new ArgumentException($"The metric id '{metricList[m].Id}' is added twice.", nameof(metrics));
            }

            foreach (var id in metricList[m].RecommendationIds)
            {
                if (!recIndex.ContainsKey(id))
                {
                    throw new ArgumentException($"Metric '{metricList[m].Id}' names recommendation '{id}', which was not added.", nameof(metrics));
                }
            }
        }

        // Metric members (listed or matched by the selector) and the reverse map.
        var memberLists = new List<int>[metricCount];
        var recMetricLists = new List<int>[recCount];
        for (var r = 0; r < recCount; r++)
        {
            recMetricLists[r] = [];
        }

        for (var m = 0; m < metricCount; m++)
        {
            var listed = new HashSet<RecommendationId>(metricList[m].RecommendationIds);
            var selector = metricList[m].Selector;
            memberLists[m] = [];
            for (var r = 0; r < recCount; r++)
            {
                if (listed.Contains(recommendations[r].Id) || (selector?.Matches(recommendations[r]) ?? false))
                {
                    memberLists[m].Add(r);
                    recMetricLists[r].Add(m);
                }
            }
        }

        // Initiatives, and which initiatives each metric and recommendation reaches.
        var initiativeList = initiatives.OrderBy(i => i.Id.Value, StringComparer.Ordinal).ToArray();
        var initiativeIndex = new Dictionary<InitiativeId, int>(initiativeList.Length);
        var initiativeMetrics = new int[initiativeList.Length][];
        var initiativeRecs = new int[initiativeList.Length][];
        var recInitiatives = new SortedSet<int>[recCount];
        var metricInitiatives = new List<int>[metricCount];
        for (var r = 0; r < recCount; r++)
        {
            recInitiatives[r] = [];
        }

        for (var m = 0; m < metricCount; m++)
        {
            metricInitiatives[m] = [];
        }

        for (var i = 0; i < initiativeList.Length; i++)
        {
            var initiative = initiativeList[i];
            if (!initiativeIndex.TryAdd(initiative.Id, i))
            {
                throw new ArgumentException($"The initiative id '{initiative.Id}' is added twice.", nameof(initiatives));
            }

            initiativeMetrics[i] = initiative.MetricIds
                .Select(id => metricIndex.TryGetValue(id, out var m) ? m : throw new ArgumentException($"Initiative '{initiative.Id}' names metric '{id}', which was not added.", nameof(initiatives)))
                .Order().ToArray();
            initiativeRecs[i] = initiative.RecommendationIds
                .Select(id => recIndex.TryGetValue(id, out var r) ? r : throw new ArgumentException($"Initiative '{initiative.Id}' names recommendation '{id}', which was not added.", nameof(initiatives)))
                .Order().ToArray();
            foreach (var m in initiativeMetrics[i])
            {
                metricInitiatives[m].Add(i);
                foreach (var r in memberLists[m])
                {
                    recInitiatives[r].Add(i);
                }
            }

            foreach (var r in initiativeRecs[i])
            {
                recInitiatives[r].Add(i);
            }
        }

        var topology = new ScoringTopology(recIndex, metricList, metricIndex, initiativeList, initiativeIndex);
        (topology.MetricMemberStart, topology.MetricMembers) = Csr(memberLists);
        (topology.RecommendationMetricStart, topology.RecommendationMetrics) = Csr(recMetricLists);
        topology.InitiativeMetrics = initiativeMetrics;
        topology.InitiativeRecommendations = initiativeRecs;
        topology.MetricInitiatives = [.. metricInitiatives.Select(l => l.ToArray())];
        topology.RecommendationInitiatives = [.. recInitiatives.Select(s => s.ToArray())];
        topology.RecommendationMetricIds = [.. recMetricLists.Select(l => l.Select(m => metricList[m].Id).ToArray().AsReadOnly())];
        topology.RecommendationInitiativeIds = [.. recInitiatives.Select(s => s.Select(i => initiativeList[i].Id).ToArray().AsReadOnly())];
        topology.MetricRecommendationIds = [.. memberLists.Select(l => l.Select(r => recommendations[r].Id).ToArray().AsReadOnly())];
        topology.MetricInitiativeIds = [.. metricInitiatives.Select(l => l.Select(i => initiativeList[i].Id).ToArray().AsReadOnly())];
        return topology;
    }

    private static (int[] Start, int[] Items) Csr(List<int>[] lists)
    {
        var start = new int[lists.Length + 1];
        for (var i = 0; i < lists.Length; i++)
        {
            start[i + 1] = start[i] + lists[i].Count;
        }

        var items = new int[start[^1]];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i].CopyTo(items, start[i]);
        }

        return (start, items);
    }
}
