namespace ExposureSdk.ScoreCards;

internal static class CardChecks
{
    public static double? Score(double? value, string name) =>
        value is { } v && (double.IsNaN(v) || v < 0 || v > 100)
            ? throw new ArgumentOutOfRangeException(name, value, "A score must be between 0 and 100.")
            : value;

    public static ScoreAvailability Availability(ScoreAvailability value) =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined ScoreAvailability.");

    public static IEnumerable<T> NoNulls<T>(IReadOnlyList<T>? items, string name)
        where T : class
    {
        var list = items ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentNullException(name, $"{name}[{i}] is null.");
            }
        }

        return list;
    }

    public static string[] Ids(IReadOnlyList<string>? ids, string name, int limit)
    {
        var list = ids ?? [];
        var set = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(list[i]))
            {
                throw new ArgumentException($"{name}[{i}] is null or empty.", name);
            }

            set.Add(list[i]);
        }

        return [.. set.Take(limit)];
    }
}
