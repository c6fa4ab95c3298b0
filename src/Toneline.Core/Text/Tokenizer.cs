using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Toneline.Core.Text;

/// <summary>Splits text into words, numbers, emoji, emoticons, masked tokens and punctuation in one pass.</summary>
/// <remarks>
/// Allocation-free: the caller provides the token buffer, which must hold at least
/// <c>text.Length + 1</c> tokens (every token covers at least one character, and a line break may add
/// a sentence end). Emoticons are recognized with the help of <see cref="IEmoticonLookup"/> so the
/// lexicon decides what counts as one.
/// </remarks>
internal static class Tokenizer
{
    private const int MaxMaskedLength = 24;

    public static int Tokenize<TLookup>(ReadOnlySpan<char> text, Span<Token> tokens, TLookup emoticons)
        where TLookup : IEmoticonLookup =>
        Tokenize(text, tokens, emoticons, out _);

    /// <summary>Tokenizes and reports whether the text is shouted: at least three words, 70% of them in capitals.</summary>
    public static int Tokenize<TLookup>(ReadOnlySpan<char> text, Span<Token> tokens, TLookup emoticons, out bool shouting)
        where TLookup : IEmoticonLookup
    {
        int count = 0;
        int i = 0;
        int words = 0, capitals = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c <= ' ')
            {
                if (c == '\n' && count > 0 && tokens[count - 1].Kind != TokenKind.Punctuation)
                {
                    tokens[count++] = Punctuation(i, 1, TokenFlags.SentenceEnd | TokenFlags.ClauseEnd, 0);
                }

                i++;
                continue;
            }

            if (IsWordChar(c))
            {
                ref var word = ref tokens[count++];
                i = TryReadShortWord(text, i, ref word) ? word.End : ReadWord(text, i, ref word, TokenFlags.None);
                words += word.Kind == TokenKind.Word && word.Length > 1 ? 1 : 0;
                capitals += (int)(word.Flags & TokenFlags.AllCaps);
                continue;
            }

            bool atBoundary = i == 0 || IsSpace(text[i - 1]);
            if (atBoundary && emoticons.MayStartEmoticon(c) && TryReadEmoticon(text, i, emoticons, out var emoticon))
            {
                tokens[count++] = emoticon;
                i = emoticon.End;
                continue;
            }

            switch (c)
            {
                case '.' or '!' or '?':
                    i = ReadSentencePunctuation(text, i, ref tokens[count++]);
                    continue;
                case ',' or ';' or ':' or '(' or ')' or '\u2014' or '\u2013' or '\u2026':
                    tokens[count++] = Punctuation(i, 1, TokenFlags.ClauseEnd, 0);
                    i++;
                    continue;
                case '-' when atBoundary && (i + 1 == text.Length || IsSpace(text[i + 1])):
                    tokens[count++] = Punctuation(i, 1, TokenFlags.ClauseEnd, 0);
                    i++;
                    continue;
                case '#':
                    int before = count;
                    i = ReadHash(text, i, tokens, ref count);
                    if (count > before && tokens[before].Kind == TokenKind.Word)
                    {
                        words++;
                        capitals += (int)(tokens[before].Flags & TokenFlags.AllCaps);
                    }

                    continue;
                case '"' or '\u201C' or '\u201D':
                    tokens[count++] = new Token { Start = i, Length = 1, Kind = TokenKind.Quote };
                    i++;
                    continue;
                case '\'' or '\u2018' or '\u2019' when IsSingleQuote(text, i, atBoundary):
                    tokens[count++] = new Token { Start = i, Length = 1, Kind = TokenKind.Quote };
                    i++;
                    continue;
                case '@' when i + 1 < text.Length && IsWordChar(text[i + 1]):
                    // Mentions name the brand or person addressed; they carry no sentiment.
                    i = SkipWhile(text, i + 1, static ch => IsWordChar(ch) || ch == '_');
                    continue;
                case '&' when TryReadEntity(text, i, out int entityEnd):
                    // HTML-escaped text (social media APIs send "&amp;"): the entity is punctuation, not a word.
                    i = entityEnd;
                    continue;
                case '\\' when IsUnicodeEscape(text, i):
                    // Doubly escaped exports ("can\u2019t"): an escaped comma ends a clause, anything else separates.
                    if (text.Slice(i + 2, 4).Equals("002c", StringComparison.OrdinalIgnoreCase))
                    {
                        tokens[count++] = Punctuation(i, UnicodeEscapeLength, TokenFlags.ClauseEnd, 0);
                    }

                    i += UnicodeEscapeLength;
                    continue;
                case '[' or '<' or '{':
                    if (TryReadBracketMask(text, i, out int maskEnd))
                    {
                        tokens[count++] = new Token { Start = i, Length = maskEnd - i, Kind = TokenKind.Masked };
                        i = maskEnd;
                        continue;
                    }

                    i++;
                    continue;
                case '*':
                    int stars = SkipWhile(text, i, static ch => ch == '*');
                    if (stars - i >= 2)
                    {
                        tokens[count++] = new Token { Start = i, Length = stars - i, Kind = TokenKind.Masked };
                    }

                    i = stars;
                    continue;
            }

            if (char.IsHighSurrogate(c) || c is '\u203C' or '\u2049' || (c >= '\u2190' && IsSymbol(c)))
            {
                i = ReadEmoji(text, i, tokens, ref count);
                continue;
            }

            i++;
        }

        shouting = words >= 3 && capitals * 10 >= words * 7;
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || (c > 0x7F && char.IsLetterOrDigit(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(char c) => c <= ' ' || c == '\u00A0';

    private static bool IsSymbol(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OtherSymbol
            or System.Globalization.UnicodeCategory.MathSymbol;

    private static Token Punctuation(int start, int length, TokenFlags flags, byte exclamations) =>
        new() { Start = start, Length = length, Kind = TokenKind.Punctuation, Flags = flags, Count = exclamations };

    private static int SkipWhile(ReadOnlySpan<char> text, int i, Func<char, bool> predicate)
    {
        while (i < text.Length && predicate(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Reads a word or number, hashing its normalized form as it goes.</summary>
    private static int ReadWord(ReadOnlySpan<char> text, int start, ref Token token, TokenFlags flags)
    {
        var hash = new WordHasher();
        int upper = 0, lower = 0, digits = 0;
        char previous = '\0';
        int run = 0;
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            char folded;
            if (c < 0x80)
            {
                if ((uint)(c - 'a') <= 'z' - 'a')
                {
                    lower++;
                    folded = c;
                }
                else if ((uint)(c - 'A') <= 'Z' - 'A')
                {
                    upper++;
                    folded = (char)(c | 0x20);
                }
                else if ((uint)(c - '0') <= 9)
                {
                    digits++;
                    folded = c;
                }
                else if ((c == '\'' || c == '-' || c == '.' || c == ',') && i + 1 < text.Length && JoinsWord(c, text[i + 1], previous))
                {
                    folded = c == ',' ? '.' : c;
                }
                else if (c == '\\' && IsEscapedApostrophe(text, i) && i + UnicodeEscapeLength < text.Length && JoinsWord('\'', text[i + UnicodeEscapeLength], previous))
                {
                    // "can\u2019t" from a doubly escaped export reads as "can't".
                    hash.Add('\'');
                    previous = '\'';
                    run = 1;
                    i += UnicodeEscapeLength;
                    continue;
                }
                else
                {
                    break;
                }
            }
            else if (c is '\u2019' or '\u2018' && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                folded = '\'';
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (char.IsUpper(c))
                {
                    upper++;
                }
                else
                {
                    lower++;
                }

                folded = char.ToLowerInvariant(c);
            }
            else
            {
                break;
            }

            // The run of one letter grows or restarts without a branch: double letters are common and
            // unpredictable, and a mispredicted branch per such word cost more than this arithmetic.
            int same = (int)((uint)(folded ^ previous) - 1) >> 31;
            run = (run & same) + 1;
            previous = folded;
            if (run >= 3 && char.IsLetter(folded))
            {
                flags |= TokenFlags.Elongated;
                i++;
                continue;
            }

            hash.Add(folded);
            i++;
        }

        if (upper >= 2 && lower == 0)
        {
            flags |= TokenFlags.AllCaps;
        }

        token = new Token
        {
            Start = start,
            Length = i - start,
            Hash = hash.Finish(),
            Stem = upper + lower > 0 ? hash.Stem() : 0,
            Kind = upper + lower == 0 && digits > 0 ? TokenKind.Number : TokenKind.Word,
            Flags = flags,
        };
        return i;
    }

    /// <summary>
    /// Reads a word of one to seven ASCII letters and digits from eight characters loaded at once, when
    /// nothing about it needs the general reader: no apostrophe, hyphen, decimal point, escape or
    /// non-ASCII character next to it and no run of three equal characters in it, capitals or not.
    /// </summary>
    /// <remarks>
    /// No loop over the characters, so no mispredicted loop exit at every word's end (the largest
    /// single cost of the character-at-a-time reader). Same token as <see cref="ReadWord"/>.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadShortWord(ReadOnlySpan<char> text, int start, ref Token token)
    {
        if (!Vector128.IsHardwareAccelerated || start + Vector128<ushort>.Count > text.Length)
        {
            return false;
        }

        var chars = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)start);
        int length = BitOperations.TrailingZeroCount(~Classify(chars, out var lower, out var upper));
        if (length == 8)
        {
            return TryReadLongWord(text, start, chars, lower, upper, ref token);
        }

        if (length == 0)
        {
            return false;
        }

        if (!EndsPlainly(text, start + length))
        {
            return false;
        }

        // Three equal characters in a row are squeezed by the general reader, compared lower-cased as it
        // compares them: "sooo", and "NOOo" or "Mmm" too.
        var folded = chars | (upper & Vector128.Create((ushort)0x20));
        var previous = Vector128.Shuffle(folded, Vector128.Create((ushort)0, 0, 1, 2, 3, 4, 5, 6));
        var beforePrevious = Vector128.Shuffle(folded, Vector128.Create((ushort)0, 0, 0, 1, 2, 3, 4, 5));
        uint inWord = (1u << length) - 1;
        uint triples = (Vector128.Equals(folded, previous) & Vector128.Equals(folded, beforePrevious)).ExtractMostSignificantBits();
        if ((triples & inWord & ~3u) != 0)
        {
            return false;
        }

        var blocks = (folded & Vector128.LessThan(Vector128.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7), Vector128.Create((ushort)length))).AsUInt64();
        uint upperBits = upper.ExtractMostSignificantBits() & inWord;
        bool hasLower = (lower.ExtractMostSignificantBits() & inWord) != 0;
        ulong hash = WordHash.OfBlock(blocks.GetElement(0), blocks.GetElement(1), length, out ulong stem);
        token = WordToken(start, length, hash, stem, upperBits, hasLower);
        return true;
    }

    /// <summary>
    /// Reads a word of eight to fifteen ASCII letters and digits as <see cref="TryReadShortWord"/> reads
    /// shorter ones, from its first eight characters (already loaded and classified) and the next eight.
    /// </summary>
    /// <remarks>One word in eight is this long in customer tweets; character at a time, each cost a loop and its mispredicted exit.</remarks>
    private static bool TryReadLongWord(ReadOnlySpan<char> text, int start, Vector128<ushort> chars, Vector128<ushort> lower, Vector128<ushort> upper, ref Token token)
    {
        if (start + (2 * Vector128<ushort>.Count) > text.Length)
        {
            return false;
        }

        var more = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text)), (nuint)(start + Vector128<ushort>.Count));
        int rest = BitOperations.TrailingZeroCount(~Classify(more, out var moreLower, out var moreUpper));
        if (rest == 8)
        {
            return false;
        }

        int length = Vector128<ushort>.Count + rest;
        if (!EndsPlainly(text, start + length))
        {
            return false;
        }

        // Runs of three equal characters, the second half's first two compared with the first half's last two.
        var folded = chars | (upper & Vector128.Create((ushort)0x20));
        var moreFolded = more | (moreUpper & Vector128.Create((ushort)0x20));
        var previous = Vector128.Shuffle(folded, Vector128.Create((ushort)0, 0, 1, 2, 3, 4, 5, 6));
        var beforePrevious = Vector128.Shuffle(folded, Vector128.Create((ushort)0, 0, 0, 1, 2, 3, 4, 5));
        var morePrevious = Vector128.Shuffle(moreFolded, Vector128.Create((ushort)0, 0, 1, 2, 3, 4, 5, 6)).WithElement(0, folded.GetElement(7));
        var moreBeforePrevious = Vector128.Shuffle(moreFolded, Vector128.Create((ushort)0, 0, 0, 1, 2, 3, 4, 5))
            .WithElement(0, folded.GetElement(6)).WithElement(1, folded.GetElement(7));
        uint inRest = (1u << rest) - 1;
        uint triples = (Vector128.Equals(folded, previous) & Vector128.Equals(folded, beforePrevious)).ExtractMostSignificantBits() & ~3u;
        uint moreTriples = (Vector128.Equals(moreFolded, morePrevious) & Vector128.Equals(moreFolded, moreBeforePrevious)).ExtractMostSignificantBits() & inRest;
        if ((triples | moreTriples) != 0)
        {
            return false;
        }

        var blocks = folded.AsUInt64();
        var moreBlocks = (moreFolded & Vector128.LessThan(Vector128.Create((ushort)0, 1, 2, 3, 4, 5, 6, 7), Vector128.Create((ushort)rest))).AsUInt64();
        uint upperBits = upper.ExtractMostSignificantBits() | ((moreUpper.ExtractMostSignificantBits() & inRest) << 8);
        bool hasLower = (lower.ExtractMostSignificantBits() | (moreLower.ExtractMostSignificantBits() & inRest)) != 0;
        ulong hash = WordHash.OfLongBlock(blocks.GetElement(0), blocks.GetElement(1), moreBlocks.GetElement(0), moreBlocks.GetElement(1), length, out ulong stem);
        token = WordToken(start, length, hash, stem, upperBits, hasLower);
        return true;
    }

    /// <summary>Marks eight characters' ASCII lower-case letters and capitals; returns a bit per letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Classify(Vector128<ushort> chars, out Vector128<ushort> lower, out Vector128<ushort> upper)
    {
        lower = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'a'), Vector128.Create((ushort)('z' - 'a')));
        upper = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'A'), Vector128.Create((ushort)('Z' - 'A')));
        var digit = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
        return (lower | upper | digit).ExtractMostSignificantBits();
    }

    /// <summary>
    /// Whether the word ending before <paramref name="end"/> ends there for the general reader too: no
    /// apostrophe, hyphen, escape or non-ASCII character next, and no decimal point after a digit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsPlainly(ReadOnlySpan<char> text, int end)
    {
        char next = text[end];
        return !(next is '\'' or '-' or '\\' || next >= 0x80 || (next is '.' or ',' && (uint)(text[end - 1] - '0') <= 9));
    }

    /// <summary>The token of a word read from vectors: a number when it has no letter, in capitals when two or more letters are and none is lower-case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Token WordToken(int start, int length, ulong hash, ulong stem, uint upperBits, bool hasLower) => new()
    {
        Start = start,
        Length = length,
        Hash = hash,
        Stem = upperBits != 0 || hasLower ? stem : 0,
        Kind = upperBits == 0 && !hasLower ? TokenKind.Number : TokenKind.Word,
        Flags = BitOperations.PopCount(upperBits) >= 2 && !hasLower ? TokenFlags.AllCaps : TokenFlags.None,
    };

    /// <summary>The length of a literal "\uXXXX" escape.</summary>
    internal const int UnicodeEscapeLength = 6;

    /// <summary>Whether a literal "\uXXXX" escape (left in text by a doubly escaped JSON export) starts at <paramref name="i"/>.</summary>
    internal static bool IsUnicodeEscape(ReadOnlySpan<char> text, int i) =>
        i + UnicodeEscapeLength <= text.Length && text[i] == '\\' && text[i + 1] == 'u'
        && char.IsAsciiHexDigit(text[i + 2]) && char.IsAsciiHexDigit(text[i + 3]) && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5]);

    /// <summary>Whether a literal "\u2019", "\u2018" or "\u0027" (an escaped apostrophe) starts at <paramref name="i"/>.</summary>
    internal static bool IsEscapedApostrophe(ReadOnlySpan<char> text, int i) =>
        IsUnicodeEscape(text, i) && (text.Slice(i + 2, 4) is "2019" or "2018" or "0027");

    /// <summary>Whether an HTML character reference ("&amp;amp;", "&amp;quot;", "&amp;#39;") starts at <paramref name="start"/>.</summary>
    private static bool TryReadEntity(ReadOnlySpan<char> text, int start, out int end)
    {
        int semicolon = text.Slice(start + 1, Math.Min(MaxEntityLength, text.Length - start - 1)).IndexOf(';');
        end = start + semicolon + 2;
        if (semicolon < 1)
        {
            return false;
        }

        var name = text.Slice(start + 1, semicolon);
        return name is "amp" or "lt" or "gt" or "quot" or "apos" or "nbsp"
            || (name[0] == '#' && name.Length > 1 && (name[1..].ContainsAnyExceptInRange('0', '9') is false || (name[1] is 'x' or 'X' && name.Length > 2)));
    }

    private const int MaxEntityLength = 8;

    /// <summary>
    /// Whether a single quote the word reader left alone opens a quotation ("'free' wifi": at a word's
    /// start) or closes one ("the 'upgrade'": after a word, before a space or punctuation).
    /// </summary>
    private static bool IsSingleQuote(ReadOnlySpan<char> text, int i, bool atBoundary)
    {
        bool opens = atBoundary && i + 1 < text.Length && IsWordChar(text[i + 1]);
        bool closes = i > 0 && IsWordChar(text[i - 1]) && (i + 1 == text.Length || !IsWordChar(text[i + 1]));
        return opens || closes;
    }

    /// <summary>Whether an apostrophe, hyphen or separator continues the word ("don't", "hassle-free", "3.5").</summary>
    private static bool JoinsWord(char c, char next, char previous) => c switch
    {
        '\'' or '-' => IsWordChar(next) && !char.IsDigit(next),
        _ => char.IsDigit(next) && char.IsDigit(previous),
    };

    private static int ReadSentencePunctuation(ReadOnlySpan<char> text, int start, ref Token token)
    {
        int i = start;
        int dots = 0, exclamations = 0, questions = 0;
        while (i < text.Length && text[i] is '.' or '!' or '?')
        {
            switch (text[i])
            {
                case '.': dots++; break;
                case '!': exclamations++; break;
                default: questions++; break;
            }

            i++;
        }

        // A trailing "..." in chat usually continues the thought, so it ends a clause, not a sentence.
        var flags = dots >= 2 && exclamations == 0 && questions == 0
            ? TokenFlags.ClauseEnd
            : TokenFlags.SentenceEnd | TokenFlags.ClauseEnd;
        if (exclamations > 0)
        {
            flags |= TokenFlags.Exclamation;
        }

        if (questions > 0)
        {
            flags |= TokenFlags.Question;
        }

        token = Punctuation(start, i - start, flags, (byte)Math.Min(exclamations, 255));
        return i;
    }

    /// <summary>Reads "#NAME#" (masked), "#fail" (hashtag word) or a lone '#'.</summary>
    private static int ReadHash(ReadOnlySpan<char> text, int start, Span<Token> tokens, ref int count)
    {
        int i = start + 1;
        while (i < text.Length && i - start <= MaxMaskedLength && (IsWordChar(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (i < text.Length && text[i] == '#' && i > start + 1)
        {
            tokens[count++] = new Token { Start = start, Length = i + 1 - start, Kind = TokenKind.Masked };
            return i + 1;
        }

        if (start + 1 < text.Length && IsWordChar(text[start + 1]))
        {
            int end = ReadWord(text, start + 1, ref tokens[count], TokenFlags.Hashtag);
            tokens[count].Start = start;
            tokens[count].Length = end - start;
            count++;
            return end;
        }

        return start + 1;
    }

    /// <summary>Whether "[redacted]", "&lt;NAME&gt;" or "{PII}" starts here: a short bracketed run of letters.</summary>
    private static bool TryReadBracketMask(ReadOnlySpan<char> text, int start, out int end)
    {
        char close = text[start] switch { '[' => ']', '<' => '>', _ => '}' };
        for (int i = start + 1; i < text.Length && i - start <= MaxMaskedLength; i++)
        {
            char c = text[i];
            if (c == close)
            {
                end = i + 1;
                return i > start + 1;
            }

            if (!(char.IsLetterOrDigit(c) || c is '_' or ' ' or '-'))
            {
                break;
            }
        }

        end = start;
        return false;
    }

    private static bool TryReadEmoticon<TLookup>(ReadOnlySpan<char> text, int start, TLookup emoticons, out Token token)
        where TLookup : IEmoticonLookup
    {
        int max = Math.Min(emoticons.MaxEmoticonLength, text.Length - start);
        for (int length = max; length >= 2; length--)
        {
            int end = start + length;
            if (end < text.Length && !IsSpace(text[end]) && !(text[end] is '.' or ',' or '!' or '?'))
            {
                continue;
            }

            ulong hash = TextHash.Seed;
            foreach (char c in text.Slice(start, length))
            {
                hash = TextHash.Add(hash, char.ToLowerInvariant(c));
            }

            hash = TextHash.Finish(hash);
            if (emoticons.IsEmoticon(hash))
            {
                token = new Token { Start = start, Length = length, Hash = hash, Kind = TokenKind.Emoticon };
                return true;
            }
        }

        token = default;
        return false;
    }

    /// <summary>Reads one emoji, dropping variation selectors, joiners and skin-tone modifiers from its hash.</summary>
    private static int ReadEmoji(ReadOnlySpan<char> text, int start, Span<Token> tokens, ref int count)
    {
        int i = start;
        int width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        ulong hash = TextHash.Seed;
        for (int k = 0; k < width; k++)
        {
            hash = TextHash.Add(hash, text[i + k]);
        }

        i += width;

        // Trailing modifiers belong to the emoji on screen but not to its meaning.
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '\uFE0F' or '\uFE0E' or '\u200D')
            {
                i++;
            }
            else if (c == '\uD83C' && i + 1 < text.Length && text[i + 1] is >= '\uDFFB' and <= '\uDFFF')
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        tokens[count++] = new Token { Start = start, Length = i - start, Hash = TextHash.Finish(hash), Kind = TokenKind.Emoji };
        return i;
    }
}
