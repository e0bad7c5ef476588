using System.Collections.ObjectModel;

namespace ExposureSdk.Catalog;

/// <summary>
/// A catalog of metrics and initiatives defined as data: metrics select recommendations by attribute
/// (<see cref="MetricSelector"/> over domain, workload, source, threats and tags), so the same catalog
/// applies to any tenant and any source. <see cref="BuiltIn"/> holds the 13 predefined initiatives of
/// Microsoft Security Exposure Management; extend or override it with <see cref="Merge"/> and
/// <see cref="Remove"/>, add a compliance initiative per framework the findings map to with
/// <see cref="WithComplianceInitiatives"/>, then add it to a snapshot with <see cref="ApplyTo"/>.
/// </summary>
/// <remarks>
/// A catalog is immutable; <see cref="Merge"/> and <see cref="Remove"/> return new catalogs. Every
/// constructor checks that metric and initiative ids are unique and that every metric an initiative
/// lists exists in the catalog. An initiative whose metrics select no assessed recommendation in a
/// snapshot is still added: its metrics are unavailable (scope 0), so the scoring engine reports the
/// initiative's score as absent, never as 0 or 100 (domain rules §3).
/// </remarks>
public sealed class ExposureCatalog
{
    private readonly Dictionary<MetricId, Metric> _metricsById;
    private readonly Dictionary<InitiativeId, Initiative> _initiativesById;

    /// <summary>Creates a catalog.</summary>
    /// <param name="metrics">The metrics, in display order.</param>
    /// <param name="initiatives">The initiatives, in display order.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/> or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A metric or initiative id is repeated, or an initiative lists a metric the catalog does not have
    /// (the message names the list, the position and the id).
    /// </exception>
    public ExposureCatalog(IEnumerable<Metric> metrics, IEnumerable<Initiative> initiatives)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(initiatives);
        var metricList = metrics.ToArray();
        var initiativeList = initiatives.ToArray();
        _metricsById = new Dictionary<MetricId, Metric>(metricList.Length);
        for (var i = 0; i < metricList.Length; i++)
        {
            var metric = metricList[i] ?? throw new ArgumentNullException(nameof(metrics), $"metrics[{i}] is null.");
            if (!_metricsById.TryAdd(metric.Id, metric))
            {
                throw new ArgumentException($"metrics[{i}] repeats the id '{metric.Id}'.", nameof(metrics));
            }
        }

        _initiativesById = new Dictionary<InitiativeId, Initiative>(initiativeList.Length);
        for (var i = 0; i < initiativeList.Length; i++)
        {
            var initiative = initiativeList[i] ?? throw new ArgumentNullException(nameof(initiatives), $"initiatives[{i}] is null.");
            if (!_initiativesById.TryAdd(initiative.Id, initiative))
            {
                throw new ArgumentException($"initiatives[{i}] repeats the id '{initiative.Id}'.", nameof(initiatives));
            }

            for (var j = 0; j < initiative.MetricIds.Count; j++)
            {
                if (!_metricsById.ContainsKey(initiative.MetricIds[j]))
                {
                    throw new ArgumentException($"initiatives[{i}].metricIds[{j}] '{initiative.MetricIds[j]}' names no metric of the catalog.", nameof(initiatives));
                }
            }
        }

        Metrics = new ReadOnlyCollection<Metric>(metricList);
        Initiatives = new ReadOnlyCollection<Initiative>(initiativeList);
    }

    /// <summary>
    /// The built-in catalog: the 13 predefined initiatives of Microsoft Security Exposure Management
    /// (Business Email Compromise - Financial fraud; CIS Microsoft 365 Foundations Benchmark; Cloud
    /// Security; Critical Asset Protection; Endpoint Security; Enterprise IoT Security; External Attack
    /// Surface Protection; Identity Security; OT Security; Ransomware Protection; SaaS Security;
    /// Vulnerability Assessment; Zero Trust (Foundational)) and the selector-based metrics they roll up.
    /// The selectors are listed in <c>docs/catalog.md</c>.
    /// </summary>
    public static ExposureCatalog BuiltIn { get; } = new(BuiltInCatalog.Metrics(), BuiltInCatalog.Initiatives());

    /// <summary>A catalog with no metrics and no initiatives.</summary>
    public static ExposureCatalog Empty { get; } = new([], []);

    /// <summary>The metrics, in display order.</summary>
    public IReadOnlyList<Metric> Metrics { get; }

    /// <summary>The initiatives, in display order.</summary>
    public IReadOnlyList<Initiative> Initiatives { get; }

    /// <summary>Finds a metric by id.</summary>
    /// <param name="id">The metric id.</param>
    /// <returns>The metric, or <see langword="null"/>.</returns>
    public Metric? FindMetric(MetricId id) => _metricsById.GetValueOrDefault(id);

    /// <summary>Finds an initiative by id.</summary>
    /// <param name="id">The initiative id.</param>
    /// <returns>The initiative, or <see langword="null"/>.</returns>
    public Initiative? FindInitiative(InitiativeId id) => _initiativesById.GetValueOrDefault(id);

    /// <summary>
    /// Returns a catalog with the given metrics and initiatives merged in by id: one whose id is already
    /// in the catalog replaces it in place (an override); a new id is appended (an extension).
    /// </summary>
    /// <param name="metrics">Metrics to override or add; <see langword="null"/> for none.</param>
    /// <param name="initiatives">Initiatives to override or add; <see langword="null"/> for none.</param>
    /// <returns>The merged catalog.</returns>
    /// <exception cref="ArgumentNullException">A list contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// An id is repeated within <paramref name="metrics"/> or <paramref name="initiatives"/>, or a merged
    /// initiative lists a metric that neither the catalog nor <paramref name="metrics"/> has.
    /// </exception>
    public ExposureCatalog Merge(IEnumerable<Metric>? metrics = null, IEnumerable<Initiative>? initiatives = null)
        => new(MergeById(Metrics, metrics, m => m.Id, nameof(metrics)), MergeById(Initiatives, initiatives, i => i.Id, nameof(initiatives)));

    /// <summary>
    /// Returns a catalog that also has one compliance initiative per framework the recommendations map
    /// to, with one metric per section of the benchmark (opt-in: <see cref="BuiltIn"/> has none of
    /// these). Frameworks and sections are read from the <c>compliance-section:{framework}:{section}</c>
    /// tags (<see cref="ComplianceTags"/>) that the OCSF, Prowler and Maester providers write for every
    /// numbered requirement a finding maps to, for example CIS Amazon Web Services, Azure, Google Cloud or
    /// Kubernetes benchmarks of any version.
    /// </summary>
    /// <param name="recommendations">The recommendations whose tags name the frameworks (typically a snapshot's, or a scan's).</param>
    /// <param name="includeFramework">Which frameworks to add (for example <c>f =&gt; f.StartsWith("CIS", StringComparison.OrdinalIgnoreCase)</c>); <see langword="null"/> for all.</param>
    /// <returns>The catalog with the compliance initiatives and their metrics appended.</returns>
    /// <remarks>
    /// <para>Initiative <c>compliance-{framework slug}</c> (kind <see cref="InitiativeKind.Compliance"/>, named
    /// after the framework) lists metrics <c>compliance-{framework slug}-section-{n}</c> in section order, each
    /// weighted <see cref="MetricWeight.Medium"/> (Decision: a benchmark weighs no section above another) and
    /// selecting the recommendations tagged <c>compliance-section:{framework}:{n}</c>. The slug keeps ASCII
    /// letters and digits in lower case and turns every other run into one hyphen
    /// ("CIS Microsoft Azure Foundations Benchmark v2.0" → <c>cis-microsoft-azure-foundations-benchmark-v2-0</c>).</para>
    /// <para>Frameworks are named as the tags spell them and compare case-insensitively; each version of a
    /// benchmark is its own framework. A framework whose requirements are not numbered (MITRE ATT&amp;CK
    /// techniques, AWS Well-Architected practices) has no sections and gets no initiative (Decision). An
    /// entry whose id the catalog already has is not added (the catalog's own wins). At most 256
    /// frameworks and 256 sections per framework are added; further ones are ignored.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="recommendations"/> is or contains <see langword="null"/>.</exception>
    public ExposureCatalog WithComplianceInitiatives(IEnumerable<Recommendation> recommendations, Func<string, bool>? includeFramework = null)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        var (metrics, initiatives) = ComplianceCatalog.Build(recommendations, includeFramework);
        return new(
            Metrics.Concat(metrics.Where(m => !_metricsById.ContainsKey(m.Id))),
            Initiatives.Concat(initiatives.Where(i => !_initiativesById.ContainsKey(i.Id))));
    }

    /// <summary>Returns a catalog without the given metrics and initiatives (ids not in the catalog are ignored).</summary>
    /// <param name="metricIds">Metrics to remove; <see langword="null"/> for none.</param>
    /// <param name="initiativeIds">Initiatives to remove; <see langword="null"/> for none.</param>
    /// <returns>The reduced catalog.</returns>
    /// <exception cref="ArgumentException">A remaining initiative lists a removed metric (remove or override the initiative too).</exception>
    public ExposureCatalog Remove(IEnumerable<MetricId>? metricIds = null, IEnumerable<InitiativeId>? initiativeIds = null)
    {
        var metricSet = metricIds?.ToHashSet() ?? [];
        var initiativeSet = initiativeIds?.ToHashSet() ?? [];
        return new(Metrics.Where(m => !metricSet.Contains(m.Id)), Initiatives.Where(i => !initiativeSet.Contains(i.Id)));
    }

    /// <summary>
    /// Returns a copy of <paramref name="snapshot"/> with the catalog's metrics and initiatives added.
    /// </summary>
    /// <param name="snapshot">The snapshot (typically from the sources, before scoring).</param>
    /// <returns>The snapshot with the catalog applied; the input is not changed.</returns>
    /// <remarks>
    /// <para>The snapshot's own metrics and initiatives win: a catalog entry whose id the snapshot already
    /// has is not added (a source-defined metric or initiative is more specific than the catalog's).</para>
    /// <para>Explicit recommendation ids of catalog metrics and initiatives that the snapshot does not
    /// contain are left out of the copy (a catalog serves many tenants); selectors are kept as they are.
    /// Every initiative of the catalog is added, even when none of its metrics selects anything: such an
    /// initiative is unavailable (no score), not 0 or 100.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public ExposureSnapshot ApplyTo(ExposureSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var recommendationIds = snapshot.Recommendations.Select(r => r.Id).ToHashSet();
        var metricIds = snapshot.Metrics.Select(m => m.Id).ToHashSet();
        var initiativeIds = snapshot.Initiatives.Select(i => i.Id).ToHashSet();

        var metrics = new List<Metric>(snapshot.Metrics);
        foreach (var metric in Metrics)
        {
            if (metricIds.Add(metric.Id))
            {
                metrics.Add(metric.RecommendationIds.All(recommendationIds.Contains)
                    ? metric
                    : new Metric(metric.Id, metric.Name, metric.Weight, metric.RecommendationIds.Where(recommendationIds.Contains), metric.Selector, metric.Description));
            }
        }

        var initiatives = new List<Initiative>(snapshot.Initiatives);
        foreach (var initiative in Initiatives)
        {
            if (initiativeIds.Add(initiative.Id))
            {
                initiatives.Add(initiative.RecommendationIds.All(recommendationIds.Contains)
                    ? initiative
                    : new Initiative(initiative.Id, initiative.Name, initiative.Kind, initiative.MetricIds, initiative.RecommendationIds.Where(recommendationIds.Contains), initiative.TargetScore, initiative.IsFavorite, initiative.Description));
            }
        }

        return new ExposureSnapshot(snapshot.TenantId, snapshot.AsOf, snapshot.Recommendations, snapshot.Assets, snapshot.Assessments, metrics, initiatives);
    }

    private static List<T> MergeById<T, TId>(IReadOnlyList<T> current, IEnumerable<T>? changes, Func<T, TId> id, string paramName)
        where T : class
        where TId : notnull
    {
        var result = new List<T>(current);
        if (changes is null)
        {
            return result;
        }

        var positions = new Dictionary<TId, int>();
        for (var i = 0; i < result.Count; i++)
        {
            positions[id(result[i])] = i;
        }

        var seen = new HashSet<TId>();
        var index = 0;
        foreach (var change in changes)
        {
            if (change is null)
            {
                throw new ArgumentNullException(paramName, $"{paramName}[{index}] is null.");
            }

            var key = id(change);
            if (!seen.Add(key))
            {
                throw new ArgumentException($"{paramName}[{index}] repeats the id '{key}'.", paramName);
            }

            if (positions.TryGetValue(key, out var position))
            {
                result[position] = change;
            }
            else
            {
                positions[key] = result.Count;
                result.Add(change);
            }

            index++;
        }

        return result;
    }
}
