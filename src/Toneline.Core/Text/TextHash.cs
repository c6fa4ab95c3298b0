using System.Runtime.CompilerServices;

namespace Toneline.Core.Text;

/// <summary>
/// The 64-bit hashes that key the lexicon: FNV-1a per emoticon and emoji, <see cref="WordHash"/> per
/// word, a mixing fold per phrase.
/// </summary>
internal static class TextHash
{
    public const ulong Seed = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    /// <summary>Folds the next token's hash into a phrase hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong phrase, ulong next) =>
        (ulong.RotateLeft(phrase, 23) ^ next) * 0x9E3779B97F4A7C15UL;

    /// <summary>Never zero: zero marks an empty slot in the lexicon table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong hash) => hash == 0 ? 1 : hash;

    /// <summary>
    /// Hashes a word lower-cased with letter runs squeezed to one: the fallback for elongated words
    /// ("sooo") when the tokenizer's squeeze to two finds nothing.
    /// </summary>
    public static ulong HashSqueezed(ReadOnlySpan<char> word)
    {
        var hash = new WordHasher();
        char previous = '\0';
        for (int i = 0; i < word.Length; i++)
        {
            char raw = word[i];
            if (raw == '\\' && Tokenizer.IsEscapedApostrophe(word, i))
            {
                // As the tokenizer reads "can\u2019t".
                raw = '\'';
                i += Tokenizer.UnicodeEscapeLength - 1;
            }

            char c = raw is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(raw);
            if (c == '#' || (c == previous && char.IsLetter(c)))
            {
                continue;
            }

            previous = c;
            hash.Add(c);
        }

        return hash.Finish();
    }
}
