namespace ExposureSdk.Providers;

/// <summary>
/// A source's own record of one earlier day: its recommendations as they stood that day, with that
/// day's count-only results and compliance state. Yielded by
/// <see cref="ExposureSourceProvider.GetHistoryAsync"/> to seed the score history of a new tenant, so
/// trends and score-drop events work on the first refresh.
/// </summary>
/// <remarks>
/// Only recommendations are kept per day: per-asset assessments, assets, metrics and initiatives have
/// no history. The pipeline scores each day with today's metric and initiative definitions; a metric
/// whose recommendations are assessed per asset today, or come from a source without history, is
/// marked stale on the rebuilt card and never compared.
/// </remarks>
public sealed class SourceHistoryDay
{
    /// <summary>Creates a day.</summary>
    /// <param name="asOf">When the source recorded the day's data; stored in UTC.</param>
    /// <param name="recommendations">The recommendations as they stood that day (unique ids), with that day's results.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recommendations"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A recommendation id is repeated (the message names it and its position).</exception>
    public SourceHistoryDay(DateTimeOffset asOf, IEnumerable<Recommendation> recommendations)
    {
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

        AsOf = asOf.ToUniversalTime();
        Recommendations = list.AsReadOnly();
    }

    /// <summary>When the source recorded the day's data, in UTC.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The recommendations as they stood that day, in the order given.</summary>
    public IReadOnlyList<Recommendation> Recommendations { get; }
}
