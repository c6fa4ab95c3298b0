using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Toneline.Core.Text;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>An open-addressing table from normalized word and phrase hashes to lexicon entries.</summary>
/// <remarks>
/// Immutable after construction and safe to share across threads. Lookups take a precomputed hash,
/// so scoring never allocates a string to look a word up.
/// </remarks>
internal sealed class Lexicon : IEmoticonLookup
{
    // Probing reads only the 32-bit fingerprints, a quarter of the memory of whole slots, so a miss
    // (most words) stays in the fastest cache; the entry is read once, on a hit. The low hash bits
    // pick the slot, the high bits are the fingerprint; construction refuses two keys it could not
    // tell apart. The fingerprint's low five bits say what a word needs first (the longest phrase
    // it starts, whether it has a role of its own), so the many words that only start phrases
    // ("the", "to") never read their entry. The entry after the last slot stays empty.
    private readonly uint[] _fingerprints;
    private readonly LexiconEntry[] _entries;
    private readonly int _mask;

    // One bit per 16 bits of a phrase key, set for every phrase and phrase prefix of two or more tokens
    // (8 KB, so it stays in the fastest cache): a word that starts some phrase is usually followed by
    // a word that continues none of them, and the filter says so without probing the table.
    private readonly ulong[] _phraseFilter = new ulong[PhraseFilterBits / 64];
    private const int PhraseFilterBits = 1 << 16;

    // Which ASCII characters start an emoticon, as two 64-bit halves: the tokenizer hashes candidate
    // emoticons only at those ("@", quotes and most punctuation never start one).
    private readonly ulong _emoticonStartsLow;
    private readonly ulong _emoticonStartsHigh;

    /// <param name="entries">Entries by the hash of their normalized text.</param>
    /// <param name="maxEmoticonLength">The longest emoticon in characters.</param>
    /// <param name="emoticonStarts">Bit c is set when an emoticon starts with the ASCII character c.</param>
    /// <param name="phraseKeys">The keys of every phrase and proper phrase prefix of two tokens or more.</param>
    public Lexicon(IReadOnlyDictionary<ulong, LexiconEntry> entries, int maxEmoticonLength, UInt128 emoticonStarts, IEnumerable<ulong> phraseKeys)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(phraseKeys);
        foreach (ulong key in phraseKeys)
        {
            _phraseFilter[PhraseFilterIndex(key) >> 6] |= 1UL << PhraseFilterIndex(key);
        }

        // Load factor at most one half: short probe runs, and a table small enough to stay in cache.
        int capacity = (int)ulong.Min(1UL << 30, BitOperations.RoundUpToPowerOf2((ulong)Math.Max(16, entries.Count * 2)));
        _fingerprints = new uint[capacity];
        _entries = new LexiconEntry[capacity + 1];
        _mask = capacity - 1;
        foreach (var (key, entry) in entries)
        {
            int slot = BucketOf(key);
            uint fingerprint = Fingerprint(key);
            while (_fingerprints[slot] != 0)
            {
                if ((_fingerprints[slot] & ~InfoMask) == fingerprint)
                {
                    throw new InvalidOperationException("Two lexicon terms share a hash fingerprint; rename one of them.");
                }

                slot = (slot + 1) & _mask;
            }

            _fingerprints[slot] = fingerprint | (uint)Math.Min((int)entry.LongestPhrase, (int)PhraseMask) | (HasRole(entry) ? RoleBit : 0);
            _entries[slot] = entry;
        }

        Count = entries.Count;
        MaxEmoticonLength = maxEmoticonLength;
        _emoticonStartsLow = (ulong)emoticonStarts;
        _emoticonStartsHigh = (ulong)(emoticonStarts >> 64);
    }

    public int Count { get; }

    public int MaxEmoticonLength { get; }

    /// <summary>Finds the entry for a hash; returns a reference to a zeroed entry when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly LexiconEntry Find(ulong hash, out bool found)
    {
        int slot = Probe(hash, out uint key);
        found = key != 0;
        return ref _entries[found ? slot : _entries.Length - 1];
    }

    /// <summary>
    /// Finds a single word: the entry when it has a role of its own (cue, modifier, emoticon), else the
    /// empty entry; <paramref name="longestPhrase"/> is the token count of the longest phrase it starts
    /// (1 for a word that starts none, 0 when absent).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly LexiconEntry FindWord(ulong hash, out int longestPhrase)
    {
        // Without a branch once probed (an absent word's key is 0: no phrase, no role), since whether a
        // word is known, and whether a known word has a role, is a coin toss the processor cannot predict.
        int slot = Probe(hash, out uint key);
        longestPhrase = (int)(key & PhraseMask);
        return ref _entries[(key & RoleBit) != 0 ? slot : _entries.Length - 1];
    }

    /// <summary>The slot holding <paramref name="hash"/> and its fingerprint with the info bits; when absent, key 0 and any slot.</summary>
    /// <remarks>
    /// Compares a bucket of four fingerprints at once. A key sits in its bucket or, when that was full,
    /// in the first free slot after it, so a bucket with a free slot ends the search. At a load factor
    /// of at most one half, the first bucket nearly always decides, hit or miss alike: the one branch
    /// is predictable, where comparing slot by slot branched on whether the word is known.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Probe(ulong hash, out uint key)
    {
        ref uint fingerprints = ref MemoryMarshal.GetArrayDataReference(_fingerprints);
        var wanted = Vector128.Create(Fingerprint(hash));
        int bucket = BucketOf(hash);
        while (true)
        {
            // In range: buckets are aligned to four slots, and the table holds a multiple of four.
            var slots = Vector128.LoadUnsafe(ref fingerprints, (nuint)bucket);
            uint hits = Vector128.Equals(slots & Vector128.Create(~InfoMask), wanted).ExtractMostSignificantBits();
            uint free = Vector128.Equals(slots, Vector128<uint>.Zero).ExtractMostSignificantBits();
            if ((hits | free) != 0)
            {
                int slot = bucket + (BitOperations.TrailingZeroCount(hits) & (BucketSlots - 1));
                key = Unsafe.Add(ref fingerprints, slot) & (uint)-(hits != 0 ? 1 : 0);
                return slot;
            }

            bucket = (bucket + BucketSlots) & _mask;
        }
    }

    private const int BucketSlots = 4;

    /// <summary>The first slot of the bucket a key belongs to.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int BucketOf(ulong hash) => (int)(hash & (ulong)_mask) & ~(BucketSlots - 1);

    /// <summary>Whether a phrase or phrase prefix of two tokens or more may have this key; never false when one does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayBePhrase(ulong key)
    {
        int index = PhraseFilterIndex(key);
        return (_phraseFilter[index >> 6] & (1UL << index)) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PhraseFilterIndex(ulong key) => (int)(key >> 16) & (PhraseFilterBits - 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayStartEmoticon(char c) =>
        c < 64 ? ((_emoticonStartsLow >> c) & 1) != 0 : c < 128 && ((_emoticonStartsHigh >> (c - 64)) & 1) != 0;

    public bool IsEmoticon(ulong hash)
    {
        ref readonly var entry = ref Find(hash, out bool found);
        return found && entry.IsEmoticon;
    }

    /// <summary>The zeroed entry <see cref="Find"/> returns for a missing hash: the one after the last slot.</summary>
    public ref readonly LexiconEntry Missing => ref _entries[^1];

    private const uint InfoMask = 0x1F;
    private const uint PhraseMask = 0x0F;
    private const uint RoleBit = 0x10;

    // Never zero (bit 5 is set), the empty slot's mark.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fingerprint(ulong hash) => ((uint)(hash >> 32) & ~InfoMask) | (InfoMask + 1);

    private static bool HasRole(in LexiconEntry entry) =>
        entry.IsCue || entry.Modifier != ModifierKind.None || entry.IsEmoticon || entry.Tokens > 1;
}
