namespace ExposureSdk.Internal;

/// <summary>Structural equality for the list members of the model's records: equal items in the same order.</summary>
internal static class ListEquality
{
    public static bool Equal<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Count; i++)
        {
            if (!comparer.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static void AddTo<T>(ref HashCode hash, IReadOnlyList<T> items)
    {
        hash.Add(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            hash.Add(items[i]);
        }
    }
}
