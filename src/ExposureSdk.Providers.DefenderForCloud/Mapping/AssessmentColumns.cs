namespace ExposureSdk.Providers.DefenderForCloud.Mapping;

/// <summary>
/// The assessments of one pull held as the SDK's own columns: per assessment an asset index, a
/// recommendation index and a status byte (9 bytes), in chunks of 65,536 so no array grows past the
/// large-object threshold by copying. The records are rebuilt as they are streamed to the pipeline.
/// </summary>
internal sealed class AssessmentColumns
{
    private const int ChunkSize = 1 << 16;

    private readonly List<int[]> _assets = [];
    private readonly List<int[]> _recommendations = [];
    private readonly List<byte[]> _statuses = [];
    private readonly Dictionary<string, int> _assetIndex = new(StringComparer.Ordinal);
    private readonly List<AssetId> _assetIds = [];
    private readonly Dictionary<string, int> _recommendationIndex = new(StringComparer.Ordinal);
    private readonly List<RecommendationId> _recommendationIds = [];

    public long Count { get; private set; }

    /// <summary>Adds one page: its new assets first (their ids get indexes), then its assessments.</summary>
    public void Add(DefenderForCloudPage page)
    {
        foreach (var asset in page.Assets)
        {
            if (_assetIndex.TryAdd(asset.Id.Value, _assetIds.Count))
            {
                _assetIds.Add(asset.Id);
            }
        }

        foreach (var assessment in page.Assessments)
        {
            var asset = _assetIndex[assessment.AssetId.Value];
            if (!_recommendationIndex.TryGetValue(assessment.RecommendationId.Value, out var recommendation))
            {
                recommendation = _recommendationIds.Count;
                _recommendationIndex[assessment.RecommendationId.Value] = recommendation;
                _recommendationIds.Add(assessment.RecommendationId);
            }

            var slot = (int)(Count % ChunkSize);
            if (slot == 0)
            {
                _assets.Add(new int[ChunkSize]);
                _recommendations.Add(new int[ChunkSize]);
                _statuses.Add(new byte[ChunkSize]);
            }

            _assets[^1][slot] = asset;
            _recommendations[^1][slot] = recommendation;
            _statuses[^1][slot] = (byte)assessment.Status;
            Count++;
        }
    }

    /// <summary>The assessments in the order they were added.</summary>
    public IEnumerable<Assessment> Read()
    {
        for (long i = 0; i < Count; i++)
        {
            var chunk = (int)(i / ChunkSize);
            var slot = (int)(i % ChunkSize);
            yield return new Assessment(_recommendationIds[_recommendations[chunk][slot]], _assetIds[_assets[chunk][slot]], (AssessmentStatus)_statuses[chunk][slot]);
        }
    }
}
