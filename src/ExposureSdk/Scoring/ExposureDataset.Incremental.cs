namespace ExposureSdk.Scoring;

/// <summary>Incremental changes: one assessment, one recommendation's state or one metric's weight, applied to counts, bits and scores without a rollup.</summary>
public sealed partial class ExposureDataset
{
    /// <summary>
    /// Changes one existing assessment's status and updates the recommendation's counts, state and points
    /// and the scope, affected count and score of every metric containing it, in time proportional to the
    /// asset's assessments and the metrics' member counts (about a microsecond), not to the dataset: the
    /// asset is found by hashing its id, its membership of each metric by merging the metric's members with
    /// the asset's own assessments.
    /// </summary>
    /// <param name="recommendationId">The recommendation.</param>
    /// <param name="assetId">The asset.</param>
    /// <param name="status">The new status.</param>
    /// <exception cref="ArgumentException">The dataset has no such recommendation, or no assessment of that asset against it (adding assessments needs a new dataset).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public void SetAssessmentStatus(RecommendationId recommendationId, AssetId assetId, AssessmentStatus status)
    {
        if (status is not (AssessmentStatus.Healthy or AssessmentStatus.Unhealthy or AssessmentStatus.NotApplicable))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined AssessmentStatus.");
        }

        var r = RecIndex(recommendationId);
        var a = _assetTable.IndexOf(assetId.Value);
        var row = a < 0 ? -1 : AssetRow(a, r);
        if (row < 0)
        {
            throw new ArgumentException($"The dataset has no assessment of asset '{assetId}' against recommendation '{recommendationId}'; adding assessments needs a new dataset.", nameof(assetId));
        }

        var old = (AssessmentStatus)_rowStatus[row];
        if (old == status)
        {
            return;
        }

        _status[SegmentPosition(r, a)] = (byte)status;
        _rowStatus[row] = (byte)status;
        Count(r, old, -1);
        Count(r, status, +1);
        RescorePoints(r);
        if (!_recs[r].IsRiskAccepted)
        {
            for (var j = _recMetricStart[r]; j < _recMetricStart[r + 1]; j++)
            {
                UpdateMembership(_recMetrics[j], a);
            }
        }
    }

    /// <summary>
    /// Changes a recommendation's explicit state and risk acceptance, and updates its points and, when
    /// whether it counts as healthy (MitigatedByOrganization) or counts at all (risk accepted) changes,
    /// every metric containing it (in time proportional to its assessments).
    /// </summary>
    /// <param name="recommendationId">The recommendation.</param>
    /// <param name="state">The explicit state, or <see langword="null"/> to derive it.</param>
    /// <param name="isRiskAccepted">Whether the organization accepted the risk.</param>
    /// <exception cref="ArgumentException">The dataset has no such recommendation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="state"/> is not defined.</exception>
    public void SetRecommendationState(RecommendationId recommendationId, ComplianceState? state, bool isRiskAccepted)
    {
        var r = RecIndex(recommendationId);
        var old = _recs[r];
        _recs[r] = With(old, state, isRiskAccepted);
        RescorePoints(r);
        var wasMitigated = old.State == ComplianceState.MitigatedByOrganization;
        var isMitigated = state == ComplianceState.MitigatedByOrganization;
        if (wasMitigated == isMitigated && old.IsRiskAccepted == isRiskAccepted)
        {
            return;
        }

        for (var j = _recMetricStart[r]; j < _recMetricStart[r + 1]; j++)
        {
            var m = _recMetrics[j];
            var before = _countScope[m];
            var beforeAffected = _countAffected[m];
            RecomputeCountOnly(m);
            _scope[m] += _countScope[m] - before;
            _affected[m] += _countAffected[m] - beforeAffected;
            for (var k = _recStart[r]; k < _recStart[r + 1]; k++)
            {
                if (_status[k] != (byte)AssessmentStatus.NotApplicable)
                {
                    UpdateMembership(m, _assets[k]);
                }
            }

            _scores[m] = MetricScore.Compute(_scope[m], _affected[m], out _);
        }
    }

    /// <summary>Changes a metric's weight; the initiatives containing it are rescored when read.</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="weight">The new weight.</param>
    /// <exception cref="ArgumentException">The dataset has no such metric.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not defined.</exception>
    public void SetMetricWeight(MetricId metricId, MetricWeight weight)
    {
        var m = MetricIndex(metricId);
        _weights[m] = _options.WeightOf(weight);
        _metricWeights[m] = weight;
    }

    /// <summary>Re-derives whether asset <paramref name="a"/> is in scope of / affected in metric <paramref name="m"/> and fixes bits, counts and score.</summary>
    private void UpdateMembership(int m, int a)
    {
        // Merge join: the metric's members and the asset's rows are both in recommendation order.
        bool inScope = false, isAffected = false;
        var row = _assetRowStart[a];
        var rowEnd = _assetRowStart[a + 1];
        for (var j = _memberStart[m]; j < _memberStart[m + 1] && !isAffected && row < rowEnd; j++)
        {
            var r = _members[j];
            while (row < rowEnd && RowRec(row) < r)
            {
                row++;
            }

            if (row == rowEnd || RowRec(row) != r || _recs[r].IsRiskAccepted)
            {
                continue;
            }

            var st = _rowStatus[row];
            if (st == (byte)AssessmentStatus.NotApplicable)
            {
                continue;
            }

            inScope = true;
            isAffected = st == (byte)AssessmentStatus.Unhealthy && _recs[r].State != ComplianceState.MitigatedByOrganization;
        }

        var scopeBits = _bits.Scope;
        var affectedBits = _bits.Affected;
        var index = _bits.WordIndex(m, a);
        var bit = 1UL << a;
        var wasInScope = (scopeBits[index] & bit) != 0;
        var wasAffected = (affectedBits[index] & bit) != 0;
        if (wasInScope != inScope)
        {
            scopeBits[index] ^= bit;
            _scope[m] += inScope ? 1 : -1;
        }

        if (wasAffected != isAffected)
        {
            affectedBits[index] ^= bit;
            _affected[m] += isAffected ? 1 : -1;
            var top = _top[m];
            if (top.Length < MetricScore.TopAffectedLimit || a <= top[^1])
            {
                _topDirty[m] = true;
            }
        }

        _scores[m] = MetricScore.Compute(_scope[m], _affected[m], out _);
    }

    private void Count(int r, AssessmentStatus status, int delta)
    {
        switch (status)
        {
            case AssessmentStatus.Healthy: _healthy[r] += delta; break;
            case AssessmentStatus.Unhealthy: _unhealthy[r] += delta; break;
            default: _notApplicable[r] += delta; break;
        }
    }

    private int RowRec(int row) => _rowRec16 is { } rec16 ? rec16[row] : _rowRec32![row];

    /// <summary>The asset's row for recommendation <paramref name="r"/>, or -1 (a scan of the asset's few rows).</summary>
    private int AssetRow(int a, int r)
    {
        for (var row = _assetRowStart[a]; row < _assetRowStart[a + 1]; row++)
        {
            var rec = RowRec(row);
            if (rec >= r)
            {
                return rec == r ? row : -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// The position of asset <paramref name="a"/> in recommendation <paramref name="r"/>'s segment, which holds it:
    /// a few interpolation steps (asset indices spread evenly over a segment land next to the guess), then a
    /// binary search of what is left.
    /// </summary>
    private int SegmentPosition(int r, int a)
    {
        int lo = _recStart[r], hi = _recStart[r + 1] - 1;
        for (var step = 0; step < 3 && lo < hi; step++)
        {
            int first = _assets[lo], last = _assets[hi];
            var guess = lo + (int)((long)(a - first) * (hi - lo) / Math.Max(1, last - first));
            guess = Math.Clamp(guess, lo, hi);
            var value = _assets[guess];
            if (value == a)
            {
                return guess;
            }

            if (value < a)
            {
                lo = guess + 1;
            }
            else
            {
                hi = guess - 1;
            }
        }

        var k = Array.BinarySearch(_assets, lo, hi - lo + 1, a);
        return k >= 0 ? k : throw new InvalidOperationException($"The dataset's per-asset rows and recommendation segments disagree for asset '{_assetIds[a]}' (internal error).");
    }

    private static Recommendation With(Recommendation r, ComplianceState? state, bool riskAccepted) =>
        new(r.Id, r.Name, r.Source, r.Workload, r.Domain, r.Impact, r.Description, r.RemediationSteps, r.ManageUrl, r.MaxPoints, state, riskAccepted, r.LastCalculated, r.LastStateChange, r.Threats, r.Tags, r.Counts);
}
