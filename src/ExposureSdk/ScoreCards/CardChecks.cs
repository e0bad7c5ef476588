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

    /// <summary>Rejects the default (empty) value of a typed id.</summary>
    public static T Id<T>(T id, string name)
        where T : struct, IEquatable<T>
        => id.Equals(default) ? throw new ArgumentException("The identifier must not be the default (empty) value.", name) : id;

    /// <summary>The ids in ordinal order without repeats, at most <paramref name="limit"/> of them; a default (empty) id is rejected.</summary>
    public static T[] Ids<T>(IReadOnlyList<T>? ids, string name, int limit)
        where T : struct, IEquatable<T>, IComparable<T>
    {
        var list = ids ?? [];
        var set = new SortedSet<T>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Equals(default))
            {
                throw new ArgumentException($"{name}[{i}] is the default (empty) identifier.", name);
            }

            set.Add(list[i]);
        }

        return [.. set.Take(limit)];
    }
}
