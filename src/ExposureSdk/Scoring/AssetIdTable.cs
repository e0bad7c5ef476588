using System.Numerics;

namespace ExposureSdk.Scoring;

/// <summary>
/// Finds an asset's index by its id: an open-addressing table (linear probing, at most half full) of asset
/// index + 1 by the id's hash, 0 for an empty slot; 4 to 8 bytes per asset besides the id strings.
/// </summary>
internal sealed class AssetIdTable
{
    private readonly string[] _ids;
    private readonly int[] _slots;

    /// <summary>Builds the table over <paramref name="ids"/> (distinct; an asset's index is its position).</summary>
    public AssetIdTable(string[] ids)
    {
        _ids = ids;
        var size = (int)Math.Max(16, BitOperations.RoundUpToPowerOf2((uint)ids.Length * 2));
        var table = new int[size];
        var mask = size - 1;
        for (var a = 0; a < ids.Length; a++)
        {
            var slot = ids[a].GetHashCode() & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = a + 1;
        }

        _slots = table;
    }

    /// <summary>The bytes of the table (the id strings not included).</summary>
    public long Bytes => _slots.LongLength * sizeof(int);

    /// <summary>The index of an asset id, or -1. The table is at most half full, so a probe sequence ends at an empty slot.</summary>
    public int IndexOf(string? id)
    {
        if (id is null)
        {
            return -1;
        }

        var table = _slots;
        var mask = table.Length - 1;
        for (var slot = id.GetHashCode() & mask; ; slot = (slot + 1) & mask)
        {
            var entry = table[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (string.Equals(_ids[entry - 1], id, StringComparison.Ordinal))
            {
                return entry - 1;
            }
        }
    }
}
