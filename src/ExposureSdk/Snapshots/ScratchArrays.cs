using System.Buffers;

namespace ExposureSdk;

/// <summary>
/// Working arrays of a read that the snapshot does not keep (id table slots and keys, per-entry roles, per-asset
/// runs), rented from <see cref="ArrayPool{T}.Shared"/> and returned when the reader is disposed, so reading
/// documents one after another does not make the garbage collector clear, fault in and collect them every time.
/// </summary>
/// <remarks>A rented array may be longer than asked for; callers that need an exact size keep it themselves.</remarks>
internal static class ScratchArrays
{
    /// <summary>A rented array of at least <paramref name="minimumLength"/> items, all cleared.</summary>
    public static T[] RentCleared<T>(int minimumLength)
    {
        var array = ArrayPool<T>.Shared.Rent(minimumLength);
        Array.Clear(array);
        return array;
    }

    /// <summary>Replaces <paramref name="array"/> (rented) by a rented one of at least <paramref name="minimumLength"/> items holding its first <paramref name="used"/> items; the rest is cleared when <paramref name="clear"/>.</summary>
    public static void Grow<T>(ref T[] array, int minimumLength, int used, bool clear)
    {
        var larger = ArrayPool<T>.Shared.Rent(minimumLength);
        array.AsSpan(0, used).CopyTo(larger);
        if (clear)
        {
            larger.AsSpan(used).Clear();
        }

        Return(ref array);
        array = larger;
    }

    /// <summary>Returns a rented array (once: the field is left empty).</summary>
    public static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = [];
    }
}
