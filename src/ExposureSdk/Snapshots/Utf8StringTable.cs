using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace ExposureSdk;

/// <summary>
/// A per-read intern table keyed on the UTF-8 bytes of a JSON string value (unescaped): each distinct
/// text is decoded and allocated once, and gets a dense entry number (0, 1, 2, ...) that the reader uses
/// as an integer id (duplicate checks, references, the assessment columns).
/// </summary>
/// <remarks>
/// Open addressing with linear probing over a power-of-two slot array (at most half full); the keys
/// live in one growing byte arena. The hash is seeded with a random value per process, so a document
/// cannot be crafted to make the keys collide (the same defence as the runtime's string hashing).
/// </remarks>
internal sealed class Utf8StringTable
{
    private const ulong K1 = 0x9E3779B97F4A7C15;
    private const ulong K2 = 0xC2B2AE3D27D4EB4F;

    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64();

    // Slots, entries and keys are rented (ScratchArrays) and returned by Release; only the texts stay with the snapshot.
    private int[] _slots = ScratchArrays.RentCleared<int>(1024);
    private int _slotMask = 1024 - 1;
    private Entry[] _entries = ScratchArrays.RentCleared<Entry>(512);
    private string[] _values = new string[512];
    private byte[] _keys = ScratchArrays.RentCleared<byte>(8 * 1024);
    private int _keysLength;

    /// <summary>The number of distinct texts.</summary>
    public int Count { get; private set; }

    /// <summary>The text of an entry.</summary>
    public string this[int entry] => _values[entry];

    /// <summary>The texts by entry number, for the lifetime of the snapshot (the array may be longer than <see cref="Count"/>).</summary>
    public string[] Values => _values;

    /// <summary>The UTF-8 bytes of an entry's text (valid until the next <see cref="Add"/>).</summary>
    public ReadOnlySpan<byte> KeyOf(int entry)
    {
        var e = _entries[entry];
        return _keys.AsSpan(e.Offset, e.Length);
    }

    /// <summary>The seeded hash of a key.</summary>
    public static int Hash(ReadOnlySpan<byte> key)
    {
        var h = Seed ^ ((ulong)key.Length * K1);
        while (key.Length >= 8)
        {
            h = Mix(h ^ BinaryPrimitives.ReadUInt64LittleEndian(key));
            key = key[8..];
        }

        if (key.Length >= 4)
        {
            // 4 to 7 bytes: two overlapping reads (the length is already in the hash).
            h = Mix(h ^ (((ulong)BinaryPrimitives.ReadUInt32LittleEndian(key) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(key[^4..])));
        }
        else if (key.Length > 0)
        {
            h = Mix(h ^ (key[0] | ((ulong)key[key.Length >> 1] << 8) | ((ulong)key[^1] << 16)));
        }

        h ^= h >> 33;
        h *= K2;
        h ^= h >> 29;
        return (int)h;
    }

    /// <summary>The entry of <paramref name="key"/>, or -1 when the table does not hold it.</summary>
    public int Find(ReadOnlySpan<byte> key, int hash)
    {
        var mask = _slotMask;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                return -1;
            }

            ref var e = ref _entries[entry];
            if (e.Hash == hash && key.SequenceEqual(_keys.AsSpan(e.Offset, e.Length)))
            {
                return entry;
            }
        }
    }

    /// <summary>The entry of a text already decoded (for checks after the read); -1 when absent.</summary>
    public int Find(string text)
    {
        var key = Encoding.UTF8.GetBytes(text);
        return Find(key, Hash(key));
    }

    /// <summary>Adds a key that <see cref="Find(ReadOnlySpan{byte}, int)"/> did not find, with its decoded text; returns its entry.</summary>
    public int Add(ReadOnlySpan<byte> key, int hash, string value)
    {
        var entry = Count;
        if (entry == _entries.Length)
        {
            ScratchArrays.Grow(ref _entries, entry * 2, entry, clear: false);
        }

        if (entry == _values.Length)
        {
            Array.Resize(ref _values, entry * 2);
        }

        if (_keys.Length - _keysLength < key.Length)
        {
            ScratchArrays.Grow(ref _keys, (int)Math.Min(Array.MaxLength, Math.Max((long)_keys.Length * 2, (long)_keysLength + key.Length)), _keysLength, clear: false);
        }

        key.CopyTo(_keys.AsSpan(_keysLength));
        _entries[entry] = new Entry(hash, _keysLength, key.Length);
        _values[entry] = value;
        _keysLength += key.Length;
        Count = entry + 1;

        if (Count * 2 > _slotMask + 1)
        {
            Grow();
        }
        else
        {
            Place(_slots, _slotMask, hash, entry);
        }

        return entry;
    }

    /// <summary>Returns the working arrays to the pool; only <see cref="Values"/> may be used afterwards.</summary>
    public void Release()
    {
        ScratchArrays.Return(ref _slots);
        ScratchArrays.Return(ref _entries);
        ScratchArrays.Return(ref _keys);
        _slotMask = -1;
    }

    private void Grow()
    {
        var mask = (_slotMask * 2) + 1;
        var slots = ScratchArrays.RentCleared<int>(mask + 1);
        for (var entry = 0; entry < Count; entry++)
        {
            Place(slots, mask, _entries[entry].Hash, entry);
        }

        ScratchArrays.Return(ref _slots);
        _slots = slots;
        _slotMask = mask;
    }

    private static void Place(int[] slots, int mask, int hash, int entry)
    {
        var slot = hash & mask;
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        slots[slot] = entry + 1;
    }

    private static ulong Mix(ulong x) => BitOperations.RotateLeft(x * K1, 31) * K2;

    private readonly record struct Entry(int Hash, int Offset, int Length);
}
