namespace ExposureSdk.Scoring;

/// <summary>The rollup split across processes: a dataset's mergeable partial, and the report of merged partials (<see cref="ExposureRollupPartial"/>).</summary>
public sealed partial class ExposureDataset
{
    /// <summary>
    /// This dataset's per-asset results as a mergeable partial (see <see cref="ExposureRollupPartial"/>): what a
    /// partition of a tenant's assets sends its coordinator. Reads the current state, incremental changes
    /// included, in time proportional to the metrics and recommendations (not to the assets), except that a
    /// metric whose first affected assets an update touched is scanned again.
    /// </summary>
    /// <returns>The partial.</returns>
    public ExposureRollupPartial ToPartial()
    {
        var metricCount = _topology.Metrics.Length;
        var scope = new long[metricCount];
        var affected = new long[metricCount];
        var top = new string[metricCount][];
        for (var m = 0; m < metricCount; m++)
        {
            scope[m] = _scope[m] - _countScope[m];
            affected[m] = _affected[m] - _countAffected[m];
            top[m] = [.. TopAffected(m).Select(a => _assetIds[a])];
        }

        var healthy = new long[_recs.Length];
        var unhealthy = new long[_recs.Length];
        var notApplicable = new long[_recs.Length];
        for (var r = 0; r < _recs.Length; r++)
        {
            if (_recStart[r + 1] > _recStart[r])
            {
                healthy[r] = _healthy[r];
                unhealthy[r] = _unhealthy[r];
                notApplicable[r] = _notApplicable[r];
            }
        }

        return new ExposureRollupPartial(Layout(), _assetIds.Length, scope, affected, top, healthy, unhealthy, notApplicable);
    }

    /// <summary>
    /// Finishes a rollup split across datasets: the report of the union of the datasets whose partials were
    /// merged into <paramref name="merged"/>, scored with this dataset's definitions, weights, recommendation
    /// states, tenant and time (its own assessments are not read, so a coordinator may hold none). Equal bit for
    /// bit to <see cref="ExposureScorer.Score"/> over the union when the datasets share these definitions and hold
    /// disjoint assets with all their assessments. A recommendation with per-asset results in any partial is
    /// scored from them; one with none uses its count-only results, as in a single pass.
    /// </summary>
    /// <param name="merged">The merged partials.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="merged"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The partial was computed over other definitions.</exception>
    public ScoreReport ToReport(ExposureRollupPartial merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        if (merged.Layout != Layout() || merged.MetricCount != _topology.Metrics.Length || merged.RecommendationCount != _recs.Length)
        {
            throw new ArgumentException("The partial was computed over other definitions (recommendations, metrics or their members differ).", nameof(merged));
        }

        var recommendations = new RecommendationScore[_recs.Length];
        for (var r = 0; r < _recs.Length; r++)
        {
            var rec = _recs[r];
            long healthy = merged.Healthy[r], unhealthy = merged.Unhealthy[r], notApplicable = merged.NotApplicable[r];
            ResultKind kind;
            if (healthy + unhealthy + notApplicable > 0)
            {
                kind = ResultKind.PerAsset;
            }
            else if (rec.Counts is { } c)
            {
                kind = ResultKind.CountOnly;
                healthy = c.Healthy;
                unhealthy = c.Affected;
            }
            else
            {
                kind = ResultKind.None;
            }

            var derived = ReferenceRollup.Derive(healthy, unhealthy);
            var state = rec.State ?? derived;
            var points = ReferenceRollup.Points(rec, state, healthy, unhealthy, out var counts);
            recommendations[r] = new RecommendationScore(rec, state, derived, rec.State is not null, kind, healthy, unhealthy, notApplicable, points, counts, _topology.RecommendationMetricIds[r], _topology.RecommendationInitiativeIds[r]);
        }

        var metrics = new MetricScore[_topology.Metrics.Length];
        for (var m = 0; m < metrics.Length; m++)
        {
            long countScope = 0, countAffected = 0;
            var countMembers = 0;
            for (var j = _memberStart[m]; j < _memberStart[m + 1]; j++)
            {
                var r = _members[j];
                if (_recs[r].IsRiskAccepted || recommendations[r].ResultKind != ResultKind.CountOnly)
                {
                    continue;
                }

                var assessed = recommendations[r].Assessed;
                countScope += assessed;
                countAffected += _recs[r].State == ComplianceState.MitigatedByOrganization ? 0 : recommendations[r].Unhealthy;
                countMembers += assessed > 0 ? 1 : 0;
            }

            var top = merged.Top[m].Select(AssetId.From).ToArray().AsReadOnly();
            var approximate = MetricScore.IsSumApproximate(countMembers, merged.Scope[m]);
            metrics[m] = new MetricScore(_topology.Metrics[m], _metricWeights[m], _weights[m], merged.Scope[m] + countScope, merged.Affected[m] + countAffected, _topology.MetricRecommendationIds[m], _topology.MetricInitiativeIds[m], top, approximate);
        }

        return ReferenceRollup.Assemble(TenantId, AsOf, recommendations, metrics, _topology.Initiatives, _topology.InitiativeMetrics, _topology.InitiativeRecommendations);
    }

    /// <summary>A fingerprint of the definitions a partial indexes: the recommendation ids, the metric ids and each metric's members (FNV-1a, 64 bits).</summary>
    private ulong Layout()
    {
        var hash = 14695981039346656037UL;
        void Add(string text)
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            hash = (hash ^ 0xFFFF) * 1099511628211UL;
        }

        foreach (var r in _recs)
        {
            Add(r.Id.Value);
        }

        for (var m = 0; m < _topology.Metrics.Length; m++)
        {
            Add(_topology.Metrics[m].Id.Value);
            for (var j = _memberStart[m]; j < _memberStart[m + 1]; j++)
            {
                Add(_members[j].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return hash;
    }
}
