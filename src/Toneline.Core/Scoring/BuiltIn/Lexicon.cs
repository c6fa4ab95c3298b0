using System.Runtime.CompilerServices;
using Toneline.Core.Text;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>An open-addressing table from normalized word and phrase hashes to lexicon entries.</summary>
/// <remarks>
/// Immutable after construction and safe to share across threads. Lookups take a precomputed hash,
/// so scoring never allocates a string to look a word up.
/// </remarks>
internal sealed class Lexicon : IEmoticonLookup
{
    // Key and entry side by side: one cache line per probe.
    private readonly Slot[] _slots;
    private readonly int _mask;

    public Lexicon(IReadOnlyDictionary<ulong, LexiconEntry> entries, int maxEmoticonLength)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int capacity = (int)ulong.Min(1UL << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)Math.Max(16, entries.Count * 3)));
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach (var (key, entry) in entries)
        {
            int slot = (int)(key & (ulong)_mask);
            while (_slots[slot].Key != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot].Key = key;
            _slots[slot].Entry = entry;
        }

        Count = entries.Count;
        MaxEmoticonLength = maxEmoticonLength;
    }

    public int Count { get; }

    public int MaxEmoticonLength { get; }

    /// <summary>Finds the entry for a hash; returns a reference to a zeroed entry when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly LexiconEntry Find(ulong hash, out bool found)
    {
        int slot = (int)(hash & (ulong)_mask);
        while (true)
        {
            ref var candidate = ref _slots[slot];
            ulong key = candidate.Key;
            if (key == hash)
            {
                found = true;
                return ref candidate.Entry;
            }

            if (key == 0)
            {
                found = false;
                return ref MissingEntry;
            }

            slot = (slot + 1) & _mask;
        }
    }

    public bool IsEmoticon(ulong hash)
    {
        ref readonly var entry = ref Find(hash, out bool found);
        return found && entry.IsEmoticon;
    }

    private static readonly LexiconEntry MissingEntry;

    private struct Slot
    {
        public ulong Key;
        public LexiconEntry Entry;
    }
}
