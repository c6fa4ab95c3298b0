using Toneline.Core.Scoring;

namespace Toneline.Core.Conversations;

/// <summary>
/// Finds the phrases that tell whether a customer's issue was resolved ("works now", "I'm not able
/// to", "still not working"), from the embedded data file <c>Conversations/Data/resolution.tsv</c>.
/// </summary>
/// <remarks>
/// Words are compared lower-cased with apostrophes dropped, so "it's", "its" and "it’s" match alike.
/// A fixed or answered phrase right after a negator ("hasn't been fixed", "not all set") counts as
/// open, and neither counts inside a question ("is it working now?"). Immutable and thread-safe.
/// </remarks>
internal sealed class ResolutionCues
{
    public const string FileName = "resolution.tsv";

    private const int NegationReach = 2;
    private const int FutureReach = 4;

    /// <summary>Words before a fix that make it a promise or a condition: "will be fixed", "once it's working".</summary>
    private static readonly HashSet<ulong> FutureWords = Hashes(
    [
        "will", "should", "shall", "gonna", "going", "hope", "hopefully", "might", "may", "could", "would",
        "once", "if", "when", "until", "unless", "expected", "itll", "youll", "theyll", "thatll",
    ]);

    private const int MaxSkipped = 3;

    /// <summary>Adverbs a phrase may have between its words: "I've just issued", "has been fully refunded".</summary>
    private static readonly HashSet<ulong> Skippable = Hashes(
    [
        "just", "already", "also", "now", "actually", "successfully", "manually", "personally", "fully",
        "completely", "officially", "gone", "went", "ahead", "and",
    ]);

    /// <summary>Words a turn may open with before its answer: "oh no, that's all".</summary>
    private static readonly HashSet<ulong> Fillers = Hashes(["oh", "um", "uh", "uhm", "erm", "hmm", "okay", "ok"]);

    /// <summary>Words right after a fix that put it in the future: "fixed soon", "resolved within 72 hours".</summary>
    private static readonly HashSet<ulong> LaterWords = Hashes(
    [
        "soon", "shortly", "within", "later", "tomorrow", "eventually",
    ]);

    private static readonly HashSet<ulong> Negators = Hashes(
    [
        "not", "never", "isnt", "wasnt", "hasnt", "havent", "hadnt", "dont", "doesnt", "didnt",
        "wont", "cant", "cannot", "arent", "werent", "shouldnt", "wouldnt", "couldnt",
    ]);

    private readonly Dictionary<ulong, List<Entry>> _byFirstWord;

    private ResolutionCues(Dictionary<ulong, List<Entry>> byFirstWord, string version)
    {
        _byFirstWord = byFirstWord;
        Version = version;
    }

    /// <summary>The first eight hex digits of the SHA-256 of the file's text.</summary>
    public string Version { get; }

    /// <summary>The cues of the embedded data file.</summary>
    public static ResolutionCues Default { get; } = Load(EmbeddedText.Read("Toneline.Conversations." + FileName), FileName);

    /// <summary>Reads cues from the text of a resolution TSV file.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names the file and line.</exception>
    public static ResolutionCues Load(string tsv, string fileName)
    {
        var byFirstWord = new Dictionary<ulong, List<Entry>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string rawLine in tsv.Split('\n'))
        {
            lineNumber++;
            string line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length != 3)
            {
                throw new FormatException($"{fileName}:{lineNumber}: expected phrase<TAB>kind<TAB>speaker, got {columns.Length} column(s).");
            }

            var words = new List<WordAt>();
            ReadWords(columns[0], words);
            var hashes = words.Select(w => w.Hash).ToArray();
            if (hashes.Length == 0)
            {
                throw new FormatException($"{fileName}:{lineNumber}: the phrase has no words.");
            }

            var kind = columns[1] switch
            {
                "fixed" => ResolutionCueKind.Fixed,
                "answered" => ResolutionCueKind.Answered,
                "open" => ResolutionCueKind.Open,
                "refused" => ResolutionCueKind.Refused,
                "offer" => ResolutionCueKind.Offer,
                "declined" => ResolutionCueKind.Declined,
                _ => throw new FormatException($"{fileName}:{lineNumber}: kind: expected fixed, answered, open, refused, offer or declined, got \"{columns[1]}\"."),
            };
            SpeakerRole? speaker = columns[2] switch
            {
                "any" => null,
                "customer" => SpeakerRole.Customer,
                "agent" => SpeakerRole.Agent,
                _ => throw new FormatException($"{fileName}:{lineNumber}: speaker: expected any, customer or agent, got \"{columns[2]}\"."),
            };
            if (!seen.Add(string.Join(' ', hashes)))
            {
                throw new FormatException($"{fileName}:{lineNumber}: \"{columns[0]}\" is listed twice.");
            }

            if (!byFirstWord.TryGetValue(hashes[0], out var entries))
            {
                byFirstWord.Add(hashes[0], entries = []);
            }

            entries.Add(new Entry(hashes, kind, speaker));
        }

        // Longest first: "that works for me" is tried before "that works".
        foreach (var entries in byFirstWord.Values)
        {
            entries.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tsv));
        return new ResolutionCues(byFirstWord, Convert.ToHexStringLower(hash)[..8]);
    }

    /// <summary>
    /// Adds the cues in one turn to <paramref name="found"/>: the phrases in its text, and the engine's
    /// evidence of relief ("that fixed it") as fixed, both read with the same checks.
    /// </summary>
    public void Find(string text, SpeakerRole role, int turn, IReadOnlyList<Evidence> evidence, List<ResolutionCue> found)
    {
        // One buffer per thread: a conversation's every turn is read, and a list per turn showed in
        // the throughput of `toneline score`.
        var words = _threadWords ??= [];
        ReadWords(text, words);
        int i = 0;
        while (i < words.Count)
        {
            if (!_byFirstWord.TryGetValue(words[i].Hash, out var entries) || Match(entries, words, i, role) is not var (entry, last))
            {
                i++;
                continue;
            }

            if (Read(words, i, last, entry.Kind) is { } kind)
            {
                found.Add(new ResolutionCue(turn, words[i].Start, words[last].Start + words[last].Length - words[i].Start, kind));
            }

            i = last + 1;
        }

        foreach (var e in evidence)
        {
            if (e.Kind == EvidenceKind.ServiceEvent && e.Weight > 0 && e.Emotion == Emotion.Relief
                && words.FindIndex(w => w.Start >= e.Start) is int first and >= 0
                && words.FindLastIndex(w => w.Start < e.Start + e.Length) is int last and >= 0
                && Read(words, first, Math.Max(first, last), ResolutionCueKind.Fixed) is { } kind)
            {
                found.Add(new ResolutionCue(turn, e.Start, e.Length, kind));
            }
        }
    }

    /// <summary>
    /// What a phrase over words <paramref name="first"/> to <paramref name="last"/> says in its
    /// sentence: a fix or an answer negated is an open problem; asked about, or promised for later
    /// ("will be fixed", "fixed soon"), it says nothing yet.
    /// </summary>
    private static ResolutionCueKind? Read(List<WordAt> words, int first, int last, ResolutionCueKind kind)
    {
        if (kind == ResolutionCueKind.Declined)
        {
            // Only as the turn's opening words: "no, that's it", not "no one called me back".
            return first == 0 || (first == 1 && Fillers.Contains(words[0].Hash)) ? kind : null;
        }

        if (kind is not (ResolutionCueKind.Fixed or ResolutionCueKind.Answered))
        {
            return kind;
        }

        if (words[first].InQuestion
            || Before(words, first, FutureReach, FutureWords)
            || (last + 1 < words.Count && words[last + 1].Sentence == words[last].Sentence && LaterWords.Contains(words[last + 1].Hash)))
        {
            return null;
        }

        return Before(words, first, NegationReach, Negators) ? ResolutionCueKind.Open : kind;
    }

    /// <summary>
    /// The index of the last text word the entry matches from <paramref name="at"/>, within one
    /// sentence; adverbs between its words are passed over ("I've just issued", "I've gone ahead and
    /// waived"), at most <see cref="MaxSkipped"/>.
    /// </summary>
    private static int? MatchEnd(Entry entry, List<WordAt> words, int at)
    {
        int j = at, skipped = 0;
        for (int k = 1; k < entry.Words.Length; k++)
        {
            j++;
            while (j < words.Count && words[j].Hash != entry.Words[k] && Skippable.Contains(words[j].Hash) && skipped < MaxSkipped)
            {
                j++;
                skipped++;
            }

            if (j >= words.Count || words[j].Hash != entry.Words[k] || words[j].Sentence != words[at].Sentence)
            {
                return null;
            }
        }

        return j;
    }

    private static bool Before(List<WordAt> words, int at, int reach, HashSet<ulong> set)
    {
        for (int k = Math.Max(0, at - reach); k < at; k++)
        {
            if (words[k].Sentence == words[at].Sentence && set.Contains(words[k].Hash))
            {
                return true;
            }
        }

        return false;
    }

    private static (Entry Entry, int Last)? Match(List<Entry> entries, List<WordAt> words, int at, SpeakerRole role)
    {
        foreach (var entry in entries)
        {
            if (entry.Speaker is { } speaker && speaker != role)
            {
                continue;
            }

            if (MatchEnd(entry, words, at) is int end)
            {
                return (entry, end);
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the text's words into <paramref name="words"/>: each hashed lower-cased without
    /// apostrophes, with its sentence number and whether that sentence is a question (ends with '?').
    /// </summary>
    private static void ReadWords(string text, List<WordAt> words)
    {
        words.Clear();
        int sentence = 0, sentenceFirstWord = 0, start = -1;
        ulong hash = HashSeed;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : '\n';
            if (IsWordChar(c) || (start >= 0 && c is '\'' or '\u2019' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                if (start < 0)
                {
                    start = i;
                    hash = HashSeed;
                }

                if (c is not ('\'' or '\u2019'))
                {
                    hash = (hash ^ (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c < 0x80 ? c : char.ToLowerInvariant(c))) * HashPrime;
                }

                continue;
            }

            if (start >= 0)
            {
                words.Add(new WordAt(hash, start, i - start, sentence, false));
                start = -1;
            }

            if (c is '.' or '!' or '?' or '\n')
            {
                if (c == '?')
                {
                    for (int k = sentenceFirstWord; k < words.Count; k++)
                    {
                        words[k] = words[k] with { InQuestion = true };
                    }
                }

                sentence++;
                sentenceFirstWord = words.Count;
            }
        }
    }

    private static bool IsWordChar(char c) => c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    // FNV-1a, 64-bit: enough to tell a few thousand words apart.
    private const ulong HashSeed = 14695981039346656037UL;
    private const ulong HashPrime = 1099511628211UL;

    [ThreadStatic]
    private static List<WordAt>? _threadWords;

    /// <summary>The hashes of single words, as <see cref="ReadWords"/> hashes them.</summary>
    private static HashSet<ulong> Hashes(string[] words)
    {
        var buffer = new List<WordAt>();
        var set = new HashSet<ulong>();
        foreach (string word in words)
        {
            ReadWords(word, buffer);
            set.Add(buffer.Single().Hash);
        }

        return set;
    }

    private sealed record Entry(ulong[] Words, ResolutionCueKind Kind, SpeakerRole? Speaker);

    private readonly record struct WordAt(ulong Hash, int Start, int Length, int Sentence, bool InQuestion);
}
