using System.Globalization;
using Toneline.Core.Text;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Builds the <see cref="Lexicon"/> from the TSV data files embedded in the assembly.</summary>
/// <remarks>
/// Terms are tokenized with the same <see cref="Tokenizer"/> that scores text, so a phrase key is
/// exactly the fold of the token hashes the engine will see. Later files override earlier ones:
/// words, then emoji, then phrases, then service events; modifiers add their role to any entry.
/// </remarks>
internal static class LexiconLoader
{
    public const string WordsFile = "words.tsv";
    public const string EmojiFile = "emoji.tsv";
    public const string PhrasesFile = "phrases.tsv";
    public const string EventsFile = "events.tsv";
    public const string ModifiersFile = "modifiers.tsv";

    public static Lexicon LoadEmbedded() => Load(
        ReadResource(WordsFile), ReadResource(EmojiFile), ReadResource(PhrasesFile), ReadResource(EventsFile), ReadResource(ModifiersFile));

    /// <summary>Builds a lexicon from the texts of the five data files.</summary>
    /// <exception cref="FormatException">A line is malformed, or two lines of one file match the same text; the message names file and line.</exception>
    public static Lexicon Load(string words, string emoji, string phrases, string events, string modifiers)
    {
        var builder = new Builder();
        builder.AddCues(words, WordsFile, EvidenceKind.Word);
        builder.AddCues(emoji, EmojiFile, EvidenceKind.Emoji);
        builder.AddCues(phrases, PhrasesFile, EvidenceKind.Phrase);
        builder.AddCues(events, EventsFile, EvidenceKind.ServiceEvent);
        builder.AddModifiers(modifiers, ModifiersFile);
        return builder.Build();
    }

    /// <summary>The text of an embedded data file.</summary>
    public static string ReadResource(string fileName) => EmbeddedText.Read("Toneline.Scoring." + fileName);

    /// <summary>Hashes a term into its lexicon key and token count, as the engine will see it in text.</summary>
    public static (ulong Key, ulong FirstToken, int Tokens) KeyOf(string term) => KeyOf(term, null);

    /// <summary>Like <see cref="KeyOf(string)"/>, also collecting the keys of the term's proper prefixes of two tokens or more.</summary>
    public static (ulong Key, ulong FirstToken, int Tokens) KeyOf(string term, List<ulong>? prefixes)
    {
        Span<Token> tokens = term.Length < 64 ? stackalloc Token[term.Length + 1] : new Token[term.Length + 1];
        int count = Tokenizer.Tokenize(term, tokens, default(NoEmoticons));
        int kept = 0;
        ulong key = 0, first = 0;
        for (int i = 0; i < count; i++)
        {
            if (tokens[i].Kind is TokenKind.Punctuation or TokenKind.Masked)
            {
                continue;
            }

            if (kept >= 2)
            {
                prefixes?.Add(TextHash.Finish(key));
            }

            key = kept == 0 ? tokens[i].Hash : TextHash.Combine(key, tokens[i].Hash);
            first = kept == 0 ? tokens[i].Hash : first;
            kept++;
        }

        return (TextHash.Finish(key), first, kept);
    }

    /// <summary>Hashes an ASCII emoticon as the tokenizer does: its characters lower-cased.</summary>
    public static ulong EmoticonKey(string term)
    {
        ulong hash = TextHash.Seed;
        foreach (char c in term)
        {
            hash = TextHash.Add(hash, char.ToLowerInvariant(c));
        }

        return TextHash.Finish(hash);
    }

    private static IEnumerable<(int Line, string[] Fields)> Rows(string text, string fileName, int minFields)
    {
        int lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < minFields || fields[0].Trim().Length == 0)
            {
                throw new FormatException($"{fileName}:{lineNumber}: expected at least {minFields} tab-separated fields, got '{line}'.");
            }

            yield return (lineNumber, fields);
        }
    }

    private static float ParseNumber(string value, string fileName, int line, string field) =>
        float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out float number)
            ? number
            : throw new FormatException($"{fileName}:{line}: {field}: expected a number, got '{value}'.");

    private readonly struct NoEmoticons : IEmoticonLookup
    {
        public int MaxEmoticonLength => 0;

        public bool MayStartEmoticon(char c) => false;

        public bool IsEmoticon(ulong hash) => false;
    }

    private sealed class Builder
    {
        private readonly Dictionary<ulong, LexiconEntry> _entries = [];
        private readonly List<ulong> _prefixes = [];
        private readonly HashSet<ulong> _phraseKeys = [];
        private int _maxEmoticonLength;
        private UInt128 _emoticonStarts;

        public void AddCues(string text, string fileName, EvidenceKind kind)
        {
            // Within one file a second line for the same key with another value would silently replace
            // the first; the normalization makes that easy to miss ("ughh" and "ughhh" are one key, as
            // letter runs squeeze to two). Spelling variants with the same value are fine (emoji with
            // and without skin tones).
            var seen = new Dictionary<ulong, (int Line, string Term, float Valence, sbyte Emotion)>();
            foreach (var (line, fields) in Rows(text, fileName, 2))
            {
                string term = fields[0].Trim();
                float valence = ParseNumber(fields[1].Trim(), fileName, line, "valence");
                if (valence is < -4 or > 4)
                {
                    throw new FormatException($"{fileName}:{line}: valence: expected -4..+4, got {valence.ToString(CultureInfo.InvariantCulture)}.");
                }

                sbyte emotion = -1;
                if (fields.Length > 2 && fields[2].Trim().Length > 0)
                {
                    emotion = Enum.TryParse<Emotion>(fields[2].Trim(), ignoreCase: true, out var parsed)
                        ? (sbyte)parsed
                        : throw new FormatException($"{fileName}:{line}: emotion: '{fields[2].Trim()}' is not one of {string.Join(", ", Enum.GetNames<Emotion>())}.");
                }

                ulong key;
                bool isEmoticon = false;
                int tokens;
                ulong firstToken;
                if (kind == EvidenceKind.Emoji && IsAsciiEmoticon(term))
                {
                    key = EmoticonKey(term);
                    firstToken = key;
                    tokens = 1;
                    isEmoticon = true;
                    _maxEmoticonLength = Math.Max(_maxEmoticonLength, term.Length);
                    _emoticonStarts |= UInt128.One << term[0];
                }
                else
                {
                    _prefixes.Clear();
                    (key, firstToken, tokens) = KeyOf(term, _prefixes);
                    if (tokens == 0)
                    {
                        throw new FormatException($"{fileName}:{line}: term '{term}' has no words to match.");
                    }
                }

                if (!seen.TryAdd(key, (line, term, valence, emotion)) && seen[key] is var first && (first.Valence != valence || first.Emotion != emotion))
                {
                    throw new FormatException($"{fileName}:{line}: '{term}' matches the same text as line {first.Line} ('{first.Term}') with another value; keep one of them.");
                }

                ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out _);
                entry.Valence = valence;
                entry.Emotion = emotion;
                entry.Kind = kind;
                entry.Tokens = (byte)Math.Min(tokens, 255);
                entry.IsEmoticon |= isEmoticon;
                NotePhrase(key, firstToken, tokens);
            }
        }

        public void AddModifiers(string text, string fileName)
        {
            foreach (var (line, fields) in Rows(text, fileName, 3))
            {
                string term = fields[0].Trim();
                if (!Enum.TryParse<ModifierKind>(fields[1].Trim(), ignoreCase: true, out var modifier) || modifier == ModifierKind.None)
                {
                    throw new FormatException($"{fileName}:{line}: kind: '{fields[1].Trim()}' is not a modifier kind.");
                }

                float value = ParseNumber(fields[2].Trim(), fileName, line, "value");
                _prefixes.Clear();
                var (key, firstToken, tokens) = KeyOf(term, _prefixes);
                ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, key, out bool existed);
                if (!existed)
                {
                    entry.Emotion = -1;
                }

                entry.Modifier = modifier;
                entry.ModifierValue = value;
                entry.Tokens = (byte)tokens;
                NotePhrase(key, firstToken, tokens);
            }
        }

        public Lexicon Build() => new(_entries, _maxEmoticonLength, _emoticonStarts, _phraseKeys);

        private void NotePhrase(ulong key, ulong firstToken, int tokens)
        {
            if (tokens > 1)
            {
                _phraseKeys.Add(key);
            }

            ref var first = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, firstToken, out bool existed);
            if (!existed)
            {
                first.Emotion = -1;
                first.Tokens = 1;
            }

            first.LongestPhrase = (byte)Math.Max(first.LongestPhrase, Math.Min(tokens, 8));

            // Every proper prefix is in the table too, so matching stops as soon as no phrase can continue.
            foreach (ulong prefix in _prefixes)
            {
                _phraseKeys.Add(prefix);
                ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_entries, prefix, out bool known);
                if (!known)
                {
                    entry.Emotion = -1;
                }
            }
        }

        private static bool IsAsciiEmoticon(string term)
        {
            foreach (char c in term)
            {
                if (c > 0x7F)
                {
                    return false;
                }
            }

            return !char.IsLetterOrDigit(term[0]);
        }
    }
}
