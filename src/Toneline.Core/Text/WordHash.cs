using System.Runtime.CompilerServices;

namespace Toneline.Core.Text;

/// <summary>
/// The hash of a word's normalized characters, four characters (64 bits) per multiply: computed one
/// character at a time by <see cref="WordHasher"/> or eight at once by <see cref="OfBlock"/> from a
/// vector, with the same result.
/// </summary>
/// <remarks>
/// Characters are packed little-endian, 16 bits each, into 64-bit blocks; a last partial block is
/// zero-padded; the length is folded in at the end. Phrases combine word hashes with
/// <see cref="TextHash.Combine"/>.
/// </remarks>
internal static class WordHash
{
    private const ulong Multiplier = 0x9FB21C651E98DF25UL;
    private const ulong FinalMultiplier = 0xC2B2AE3D27D4EB4FUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong hash, ulong block) => (ulong.RotateLeft(hash, 27) ^ block) * Multiplier;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Final(ulong hash, int length)
    {
        hash = (hash ^ (ulong)length) * FinalMultiplier;
        return TextHash.Finish(hash ^ (hash >> 29));
    }

    /// <summary>
    /// The hash of a word of 1 to 8 characters given as two zero-padded blocks, and its stem: the hash
    /// of its first <see cref="StemLength"/> characters when it is longer, else 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong OfBlock(ulong first, ulong second, int length, out ulong stem)
    {
        ulong one = Mix(TextHash.Seed, first);
        ulong two = Mix(one, second);
        stem = length > StemLength ? Final(one, StemLength) : 0;
        return Final(length <= 4 ? one : two, length);
    }

    /// <summary>The hash of a word of 8 to 15 characters given as four zero-padded blocks, and its stem.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong OfLongBlock(ulong first, ulong second, ulong third, ulong fourth, int length, out ulong stem)
    {
        ulong one = Mix(TextHash.Seed, first);
        ulong two = Mix(one, second);
        ulong three = Mix(two, third);
        ulong four = Mix(three, fourth);
        stem = Final(one, StemLength);
        return Final(length == 8 ? two : length <= 12 ? three : four, length);
    }

    /// <summary>
    /// How many characters make a word's stem ("disappointing" → "disa"): one 64-bit block, so the
    /// stem's hash is the word hash's state after its first block.
    /// </summary>
    public const int StemLength = 4;

    /// <summary>Hashes a string as the tokenizer would hash it as one word (tests and tools).</summary>
    public static ulong Of(ReadOnlySpan<char> normalized)
    {
        var hasher = new WordHasher();
        foreach (char c in normalized)
        {
            hasher.Add(c);
        }

        return hasher.Finish();
    }
}

/// <summary>Computes <see cref="WordHash"/> one character at a time.</summary>
internal struct WordHasher
{
    private ulong _hash;
    private ulong _block;
    private ulong _stem;
    private int _length;

    public WordHasher() => _hash = TextHash.Seed;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(char c)
    {
        _block |= (ulong)c << ((_length & 3) * 16);
        _length++;
        if ((_length & 3) == 0)
        {
            _hash = WordHash.Mix(_hash, _block);
            _block = 0;
            _stem = _length == WordHash.StemLength ? _hash : _stem;
        }
    }

    public readonly ulong Finish() => WordHash.Final((_length & 3) != 0 ? WordHash.Mix(_hash, _block) : _hash, _length);

    /// <summary>The hash of the first <see cref="WordHash.StemLength"/> characters when more were added, else 0.</summary>
    public readonly ulong Stem() => _length > WordHash.StemLength ? WordHash.Final(_stem, WordHash.StemLength) : 0;
}
