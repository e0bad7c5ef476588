namespace ExposureSdk.Scoring;

/// <summary>
/// Builds an <see cref="ExposureDataset"/> from a stream of records without creating a snapshot or any
/// per-assessment object: each assessment is kept as 9 bytes (two interned indices and a status) until
/// <see cref="Build"/>. Not thread-safe.
/// </summary>
public sealed class ExposureDatasetBuilder
{
    private readonly string _tenantId;
    private readonly DateTimeOffset _asOf;
    private readonly List<Recommendation> _recommendations = [];
    private readonly List<Metric> _metrics = [];
    private readonly List<Initiative> _initiatives = [];
    private readonly Dictionary<string, int> _recommendationIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _assetIds = new(StringComparer.Ordinal);
    private readonly List<string> _assetNames = [];
    private int[] _recOf = new int[1024];
    private int[] _assetOf = new int[1024];
    private byte[] _status = new byte[1024];
    private int _count;
    private bool _built;

    /// <summary>Creates a builder.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="asOf">When the sources were read.</param>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty.</exception>
    public ExposureDatasetBuilder(string tenantId, DateTimeOffset asOf)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        _tenantId = tenantId;
        _asOf = asOf.ToUniversalTime();
    }

    /// <summary>The number of assessments added so far.</summary>
    public int AssessmentCount => _count;

    /// <summary>Adds a recommendation (ids must be unique).</summary>
    /// <param name="recommendation">The recommendation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recommendation"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was called.</exception>
    public ExposureDatasetBuilder AddRecommendation(Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        NotBuilt();
        _recommendations.Add(recommendation);
        return this;
    }

    /// <summary>Adds a metric (ids must be unique; member ids must name added recommendations by <see cref="Build"/>).</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metric"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was called.</exception>
    public ExposureDatasetBuilder AddMetric(Metric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        NotBuilt();
        _metrics.Add(metric);
        return this;
    }

    /// <summary>Adds an initiative (ids must be unique; its metric and recommendation ids must exist by <see cref="Build"/>).</summary>
    /// <param name="initiative">The initiative.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="initiative"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was called.</exception>
    public ExposureDatasetBuilder AddInitiative(Initiative initiative)
    {
        ArgumentNullException.ThrowIfNull(initiative);
        NotBuilt();
        _initiatives.Add(initiative);
        return this;
    }

    /// <summary>Adds one assessment. The recommendation may be added before or after; each (recommendation, asset) pair at most once.</summary>
    /// <param name="recommendationId">The recommendation assessed.</param>
    /// <param name="assetId">The asset assessed.</param>
    /// <param name="status">The result.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">An id is empty or longer than 512 characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was called, or more than 2,147,483,591 assessments were added.</exception>
    public ExposureDatasetBuilder AddAssessment(string recommendationId, string assetId, AssessmentStatus status)
    {
        NotBuilt();
        var rec = new RecommendationId(recommendationId).Value;
        var asset = new AssetId(assetId).Value;
        if (status is not (AssessmentStatus.Healthy or AssessmentStatus.Unhealthy or AssessmentStatus.NotApplicable))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a defined AssessmentStatus.");
        }

        if (!_recommendationIds.TryGetValue(rec, out var r))
        {
            r = _recommendationIds.Count;
            _recommendationIds.Add(rec, r);
        }

        if (!_assetIds.TryGetValue(asset, out var a))
        {
            a = _assetNames.Count;
            _assetIds.Add(asset, a);
            _assetNames.Add(asset);
        }

        if (_count == _recOf.Length)
        {
            var size = (int)Math.Min((long)_recOf.Length * 2, Array.MaxLength);
            if (size == _count)
            {
                throw new InvalidOperationException("The builder holds the most assessments an array can.");
            }

            Array.Resize(ref _recOf, size);
            Array.Resize(ref _assetOf, size);
            Array.Resize(ref _status, size);
        }

        _recOf[_count] = r;
        _assetOf[_count] = a;
        _status[_count] = (byte)status;
        _count++;
        return this;
    }

    /// <summary>Adds every assessment of a sequence.</summary>
    /// <param name="assessments">The assessments.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessments"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was called.</exception>
    public ExposureDatasetBuilder AddAssessments(IEnumerable<Assessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        foreach (var a in assessments)
        {
            AddAssessment(a.RecommendationId.Value, a.AssetId.Value, a.Status);
        }

        return this;
    }

    /// <summary>Builds the dataset and rolls it up. The builder cannot be used afterwards (its arrays are handed over or released).</summary>
    /// <param name="options">The weights; <see langword="null"/> for the defaults.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the first rollup; 0 for <see cref="Environment.ProcessorCount"/>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="ArgumentException">
    /// An id is repeated, a reference names a recommendation or metric that was not added, or an asset is
    /// assessed twice against the same recommendation (the message names them).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is not finite and greater than 0, or <paramref name="maxDegreeOfParallelism"/> is negative.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public ExposureDataset Build(ScoringOptions? options = null, int maxDegreeOfParallelism = 0)
    {
        NotBuilt();
        ArgumentOutOfRangeException.ThrowIfNegative(maxDegreeOfParallelism);
        var o = (options ?? new ScoringOptions()).Snapshot();
        _built = true;

        // Recommendations, sorted by ordinal id.
        var recs = _recommendations.OrderBy(r => r.Id.Value, StringComparer.Ordinal).ToArray();
        var recIndex = new Dictionary<RecommendationId, int>(recs.Length);
        for (var i = 0; i < recs.Length; i++)
        {
            if (!recIndex.TryAdd(recs[i].Id, i))
            {
                throw new ArgumentException($"The recommendation id '{recs[i].Id}' is added twice.");
            }
        }

        // Interned recommendation ids of the assessments → sorted index.
        var recMap = new int[_recommendationIds.Count];
        foreach (var (id, arrival) in _recommendationIds)
        {
            recMap[arrival] = recIndex.TryGetValue(id, out var sorted)
                ? sorted
                : throw new ArgumentException($"An assessment names recommendation '{id}', which was not added.");
        }

        // Assets, sorted by ordinal id so that index order is ordinal order.
        var names = _assetNames.ToArray();
        var order = new int[names.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(names, order, StringComparer.Ordinal);
        var assetMap = new int[names.Length];
        for (var i = 0; i < order.Length; i++)
        {
            assetMap[order[i]] = i;
        }

        // Counting sort by recommendation, then sort each segment by asset index.
        var start = new int[recs.Length + 1];
        for (var k = 0; k < _count; k++)
        {
            start[recMap[_recOf[k]] + 1]++;
        }

        for (var r = 0; r < recs.Length; r++)
        {
            start[r + 1] += start[r];
        }

        var cursor = (int[])start.Clone();
        var assets = new int[_count];
        var status = new byte[_count];
        for (var k = 0; k < _count; k++)
        {
            var pos = cursor[recMap[_recOf[k]]]++;
            assets[pos] = assetMap[_assetOf[k]];
            status[pos] = _status[k];
        }

        _recOf = [];
        _assetOf = [];
        _status = [];
        for (var r = 0; r < recs.Length; r++)
        {
            var length = start[r + 1] - start[r];
            Array.Sort(assets, status, start[r], length);
            for (var k = start[r] + 1; k < start[r + 1]; k++)
            {
                if (assets[k] == assets[k - 1])
                {
                    throw new ArgumentException($"Asset '{names[assets[k]]}' is assessed twice against recommendation '{recs[r].Id}'.");
                }
            }
        }

        return new ExposureDataset(_tenantId, _asOf, o, recs, names, start, assets, status, _metrics.ToArray(), _initiatives.ToArray(), maxDegreeOfParallelism);
    }

    private void NotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("Build was already called on this builder.");
        }
    }
}
