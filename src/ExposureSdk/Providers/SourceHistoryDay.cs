namespace ExposureSdk.Providers;

/// <summary>
/// A source's own record of one earlier day: its recommendations as they stood that day, with that
/// day's count-only results and compliance state, and, for a source that keeps per-asset results of
/// earlier days (for example a folder of scanner result files of different dates), that day's per-asset
/// assessments. Yielded by
/// <see cref="ExposureSourceProvider.GetHistoryAsync"/> to seed the score history of a new tenant, so
/// trends and score-drop events work on the first refresh.
/// </summary>
/// <remarks>
/// Assets, metrics and initiatives have no history. The pipeline scores each day with today's metric
/// and initiative definitions; a metric with a recommendation that is assessed per asset today but has
/// no per-asset assessment on that day, or that comes from a source without history, is marked stale on
/// the rebuilt card and never compared (domain rules §4: a member the day does not describe).
/// </remarks>
public sealed class SourceHistoryDay
{
    /// <summary>Creates a day.</summary>
    /// <param name="asOf">When the source recorded the day's data; stored in UTC.</param>
    /// <param name="recommendations">The recommendations as they stood that day (unique ids), with that day's results.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recommendations"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A recommendation id is repeated (the message names it and its position).</exception>
    public SourceHistoryDay(DateTimeOffset asOf, IEnumerable<Recommendation> recommendations)
        : this(asOf, recommendations, [])
    {
    }

    /// <summary>Creates a day with per-asset results.</summary>
    /// <param name="asOf">When the source recorded the day's data; stored in UTC.</param>
    /// <param name="recommendations">The recommendations as they stood that day (unique ids), with that day's results.</param>
    /// <param name="assessments">
    /// That day's per-asset results. Each names a recommendation of <paramref name="recommendations"/>;
    /// a recommendation with at least one of them is described per asset on that day.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="recommendations"/> or <paramref name="assessments"/> is <see langword="null"/>, or <paramref name="recommendations"/> holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A recommendation id is repeated, an assessment names a recommendation the day does not have, or
    /// an assessment repeats a (recommendation, asset) pair (the message names it and its position).
    /// </exception>
    public SourceHistoryDay(DateTimeOffset asOf, IEnumerable<Recommendation> recommendations, IEnumerable<Assessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        ArgumentNullException.ThrowIfNull(recommendations);
        var list = recommendations.ToArray();
        var seen = new HashSet<RecommendationId>();
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(nameof(recommendations), $"recommendations[{i}] is null.");
            }

            if (!seen.Add(list[i].Id))
            {
                throw new ArgumentException($"recommendations[{i}] repeats the id '{list[i].Id}' on the day of {asOf.ToUniversalTime():O}.", nameof(recommendations));
            }
        }

        var results = assessments.ToArray();
        var pairs = new HashSet<(RecommendationId, AssetId)>();
        for (var i = 0; i < results.Length; i++)
        {
            if (!seen.Contains(results[i].RecommendationId))
            {
                throw new ArgumentException($"assessments[{i}] names the recommendation '{results[i].RecommendationId}', which the day of {asOf.ToUniversalTime():O} does not have.", nameof(assessments));
            }

            if (!pairs.Add((results[i].RecommendationId, results[i].AssetId)))
            {
                throw new ArgumentException($"assessments[{i}] repeats the pair ('{results[i].RecommendationId}', '{results[i].AssetId}') on the day of {asOf.ToUniversalTime():O}.", nameof(assessments));
            }
        }

        AsOf = asOf.ToUniversalTime();
        Recommendations = list.AsReadOnly();
        Assessments = results.AsReadOnly();
    }

    /// <summary>When the source recorded the day's data, in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The recommendations as they stood that day, in the order given.</summary>
    public IReadOnlyList<Recommendation> Recommendations { get; }

    /// <summary>That day's per-asset results, in the order given; empty for a source that keeps only counts.</summary>
    public IReadOnlyList<Assessment> Assessments { get; }
}
