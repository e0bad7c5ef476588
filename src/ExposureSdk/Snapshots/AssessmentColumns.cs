using System.Collections;
using System.Numerics;

namespace ExposureSdk;

/// <summary>
/// The assessments a snapshot document reader collected, kept as three columns (recommendation entry,
/// asset entry, status: 9 bytes per assessment, no references for the garbage collector to trace)
/// over the reader's table of interned ids. Read-only; each <see cref="Assessment"/> is built when it
/// is read, with the shared id strings.
/// </summary>
/// <remarks>
/// The columns are chunks of <see cref="ChunkSize"/> values (the first one grows to that size), so
/// growing a large list never copies what was read and nothing is trimmed at the end.
/// </remarks>
internal sealed class AssessmentColumns : IReadOnlyList<Assessment>, IList<Assessment>
{
    private const int ChunkShift = 16;
    private const int ChunkSize = 1 << ChunkShift;
    private const int ChunkMask = ChunkSize - 1;

    private readonly int[][] _recommendations;
    private readonly int[][] _assets;
    private readonly byte[][] _statuses;
    private readonly string[] _ids;

    private AssessmentColumns(int[][] recommendations, int[][] assets, byte[][] statuses, int count, string[] ids)
    {
        _recommendations = recommendations;
        _assets = assets;
        _statuses = statuses;
        Count = count;
        _ids = ids;
    }

    public int Count { get; }

    public bool IsReadOnly => true;

    public Assessment this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "The index is outside the list.");
            }

            int chunk = index >> ChunkShift, offset = index & ChunkMask;
            return new Assessment(
                new RecommendationId(_ids[_recommendations[chunk][offset]]), new AssetId(_ids[_assets[chunk][offset]]), (AssessmentStatus)_statuses[chunk][offset]);
        }

        set => throw ReadOnly();
    }

    public IEnumerator<Assessment> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(Assessment item)
    {
        for (var i = 0; i < Count; i++)
        {
            if (this[i] == item)
            {
                return i;
            }
        }

        return -1;
    }

    public bool Contains(Assessment item) => IndexOf(item) >= 0;

    public void CopyTo(Assessment[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        if (array.Length - arrayIndex < Count)
        {
            throw new ArgumentException("The array is too small.", nameof(array));
        }

        for (var i = 0; i < Count; i++)
        {
            array[arrayIndex + i] = this[i];
        }
    }

    public void Add(Assessment item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    public void Insert(int index, Assessment item) => throw ReadOnly();

    public bool Remove(Assessment item) => throw ReadOnly();

    public void RemoveAt(int index) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The collection is read-only.");

    /// <summary>
    /// Appends assessments and finds a second assessment of the same asset against the same
    /// recommendation, cheaply in the usual orders of an export.
    /// </summary>
    /// <remarks>
    /// While the assessments of one asset come one after another (a per-device export), a small set of
    /// the current run's recommendations, which stays in the processor cache, is enough. An asset that
    /// comes back after other assets ("promoted") has all its pairs checked in a set of
    /// (recommendation, asset) pairs, its earlier run included. Either way each assessment costs one set
    /// operation, and any order is handled.
    /// </remarks>
    public sealed class Builder
    {
        private readonly List<int[]> _recommendations = [];
        private readonly List<int[]> _assets = [];
        private readonly List<byte[]> _statuses = [];

        // The chunk being filled, and the index of its first value.
        private int[] _recommendationChunk = [];
        private int[] _assetChunk = [];
        private byte[] _statusChunk = [];
        private int _chunkStart;

        // Per asset entry: 0 = not seen; start + 1 of its only run so far; -1 = promoted to the pair set.
        // (Rented: returned by Release.)
        private int[] _runStart = ScratchArrays.RentCleared<int>(1024);
        private int[] _runLength = ScratchArrays.RentCleared<int>(1024);

        private readonly RunSet _run = new();
        private PairSet? _pairs;
        private int _currentAsset = -1;
        private int _currentStart;
        private bool _currentPromoted;

        public int Count { get; private set; }

        public int RecommendationAt(int index) => _recommendations[index >> ChunkShift][index & ChunkMask];

        private int AssetAt(int index) => _assets[index >> ChunkShift][index & ChunkMask];

        /// <summary>Appends an assessment; returns false (and appends nothing) when the pair was assessed before.</summary>
        public bool TryAdd(int recommendation, int asset, AssessmentStatus status)
        {
            if (asset != _currentAsset)
            {
                StartRun(asset);
            }

            if (!(_currentPromoted ? _pairs!.Add(Pair(recommendation, asset)) : _run.Add(recommendation)))
            {
                return false;
            }

            var offset = Count - _chunkStart;
            if (offset == _recommendationChunk.Length)
            {
                NextChunk();
                offset = Count - _chunkStart;
            }

            _recommendationChunk[offset] = recommendation;
            _assetChunk[offset] = asset;
            _statusChunk[offset] = (byte)status;
            Count++;
            return true;
        }

        /// <summary>The first assessment of the pair (for the error message of a duplicate).</summary>
        public int IndexOf(int recommendation, int asset)
        {
            for (var i = 0; i < Count; i++)
            {
                if (RecommendationAt(i) == recommendation && AssetAt(i) == asset)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Returns the working arrays to the pool (after <see cref="Build"/> or a failed read).</summary>
        public void Release()
        {
            ScratchArrays.Return(ref _runStart);
            ScratchArrays.Return(ref _runLength);
        }

        public AssessmentColumns Build(string[] ids) => new([.. _recommendations], [.. _assets], [.. _statuses], Count, ids);

        /// <summary>Makes room for the next value: a new chunk, or (while the first chunk is not full size) a larger first chunk.</summary>
        private void NextChunk()
        {
            if (_recommendations.Count == 1 && _recommendationChunk.Length < ChunkSize)
            {
                // The first chunk starts small (small documents) and grows to a full chunk.
                var size = _recommendationChunk.Length * 2;
                _recommendationChunk = _recommendations[0] = Resized(_recommendationChunk, size);
                _assetChunk = _assets[0] = Resized(_assetChunk, size);
                _statusChunk = _statuses[0] = Resized(_statusChunk, size);
                return;
            }

            var length = _recommendations.Count == 0 ? 256 : ChunkSize;
            _chunkStart = Count;
            _recommendations.Add(_recommendationChunk = GC.AllocateUninitializedArray<int>(length));
            _assets.Add(_assetChunk = GC.AllocateUninitializedArray<int>(length));
            _statuses.Add(_statusChunk = GC.AllocateUninitializedArray<byte>(length));
        }

        /// <summary>A larger copy of a chunk; what follows the copied values is not cleared (only values below <see cref="Count"/> are ever read).</summary>
        private static T[] Resized<T>(T[] array, int size)
            where T : unmanaged
        {
            var larger = GC.AllocateUninitializedArray<T>(size);
            array.CopyTo(larger, 0);
            return larger;
        }

        private static long Pair(int recommendation, int asset) => ((long)recommendation << 32) | (uint)asset;

        private void StartRun(int asset)
        {
            if (_currentAsset >= 0 && !_currentPromoted)
            {
                _runLength[_currentAsset] = Count - _currentStart;
            }

            if (asset >= _runStart.Length)
            {
                var size = Math.Max(_runStart.Length * 2, asset + 1);
                ScratchArrays.Grow(ref _runStart, size, _runStart.Length, clear: true);
                ScratchArrays.Grow(ref _runLength, size, _runLength.Length, clear: true);
            }

            _currentAsset = asset;
            _currentStart = Count;
            var state = _runStart[asset];
            if (state == 0)
            {
                _runStart[asset] = Count + 1;
                _currentPromoted = false;
                _run.Clear();
                return;
            }

            if (state > 0)
            {
                // The asset comes back after others: its earlier run joins the pair set.
                _pairs ??= new PairSet();
                for (int i = state - 1, end = state - 1 + _runLength[asset]; i < end; i++)
                {
                    _pairs.Add(Pair(RecommendationAt(i), asset));
                }

                _runStart[asset] = -1;
            }

            _currentPromoted = true;
        }
    }

    /// <summary>A set of recommendation entries for the current run, cleared in O(1) by a generation stamp kept beside each key.</summary>
    private sealed class RunSet
    {
        private Slot[] _slots = new Slot[64];
        private int _stamp = 1;
        private int _count;

        public void Clear()
        {
            _count = 0;
            if (++_stamp == int.MaxValue)
            {
                Array.Clear(_slots);
                _stamp = 1;
            }
        }

        public bool Add(int key)
        {
            if (_count * 2 >= _slots.Length)
            {
                Grow();
            }

            var slots = _slots;
            var mask = slots.Length - 1;
            for (var i = Spread(key) & mask; ; i = (i + 1) & mask)
            {
                ref var slot = ref slots[i];
                if (slot.Stamp != _stamp)
                {
                    slot = new Slot(key, _stamp);
                    _count++;
                    return true;
                }

                if (slot.Key == key)
                {
                    return false;
                }
            }
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new Slot[old.Length * 2];
            var mask = _slots.Length - 1;
            foreach (var slot in old)
            {
                if (slot.Stamp == _stamp)
                {
                    var i = Spread(slot.Key) & mask;
                    while (_slots[i].Stamp == _stamp)
                    {
                        i = (i + 1) & mask;
                    }

                    _slots[i] = slot;
                }
            }
        }

        private static int Spread(int key)
        {
            var h = (uint)key * 0x9E3779B9u;
            return (int)(h ^ (h >> 15));
        }

        private readonly record struct Slot(int Key, int Stamp);
    }

    /// <summary>An open-addressing set of (recommendation, asset) pairs packed in a long, at most half full.</summary>
    private sealed class PairSet
    {
        private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

        private long[] _keys = NewKeys(1024);
        private int _count;

        public bool Add(long key)
        {
            if (_count * 2 >= _keys.Length)
            {
                Grow();
            }

            if (!Insert(_keys, key))
            {
                return false;
            }

            _count++;
            return true;
        }

        private static bool Insert(long[] keys, long key)
        {
            var mask = keys.Length - 1;
            for (var slot = Slot(key, mask); ; slot = (slot + 1) & mask)
            {
                if (keys[slot] == -1)
                {
                    keys[slot] = key;
                    return true;
                }

                if (keys[slot] == key)
                {
                    return false;
                }
            }
        }

        private void Grow()
        {
            var keys = NewKeys(_keys.Length * 2);
            foreach (var key in _keys)
            {
                if (key != -1)
                {
                    Insert(keys, key);
                }
            }

            _keys = keys;
        }

        private static long[] NewKeys(int length)
        {
            var keys = new long[length];
            Array.Fill(keys, -1L);
            return keys;
        }

        private static int Slot(long key, int mask)
        {
            var h = ((ulong)key ^ Seed) * 0x9E3779B97F4A7C15;
            return (int)BitOperations.RotateLeft(h, 32) & mask;
        }
    }
}
