using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Toneline.Core.Conversations;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>The built-in sentence and turn scorer: fast, deterministic, explainable, no network.</summary>
/// <remarks>
/// Scores are in [-1, 1]. The engine is immutable and thread-safe; share one instance (see
/// <see cref="Default"/>). <see cref="Summarize"/> allocates nothing; <see cref="Analyze"/> also
/// returns the evidence and emotions.
/// </remarks>
public sealed class BuiltInEngine
{
    /// <summary>The engine name stamped on scores.</summary>
    public const string EngineName = "toneline-builtin";

    /// <summary>The code version; the data version is appended from the embedded files' hash.</summary>
    public const string CodeVersion = "1.0";

    private static readonly Lazy<BuiltInEngine> DefaultEngine = new(() => new BuiltInEngine(new BuiltInEngineOptions()));

    private readonly RuleScorer _rules;
    private readonly BuiltInEngineOptions _options;

    /// <summary>Creates an engine with the embedded lexicon.</summary>
    public BuiltInEngine(BuiltInEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.LabelThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.LabelThreshold, 1);
        _options = options;
        _rules = new RuleScorer(LexiconLoader.LoadEmbedded());
        Method = new ScoringMethod(EngineName, $"{CodeVersion}+{DataVersion()}", OptionsHash(options));
    }

    /// <summary>The shared engine with default options, loaded on first use.</summary>
    public static BuiltInEngine Default => DefaultEngine.Value;

    /// <summary>The engine, version and options hash stamped on results.</summary>
    public ScoringMethod Method { get; }

    /// <summary>The options in effect.</summary>
    public BuiltInEngineOptions Options => _options;

    /// <summary>Scores a text without collecting evidence; allocates nothing.</summary>
    /// <param name="text">The sentence or turn.</param>
    /// <param name="role">Who said it: agent apologies count as courtesy, not negativity.</param>
    public SentimentSummary Summarize(ReadOnlySpan<char> text, SpeakerRole role = SpeakerRole.Customer)
    {
        var sink = default(NoCueSink);
        double score = _rules.Score(text, role, ref sink);
        return Summary(score);
    }

    /// <summary>Scores a text and returns its evidence and emotions.</summary>
    /// <param name="text">The sentence or turn.</param>
    /// <param name="role">Who said it: agent apologies count as courtesy, not negativity.</param>
    public TextSentiment Analyze(string text, SpeakerRole role = SpeakerRole.Customer)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cues = new CueList();
        double score = _rules.Score(text, role, ref cues);
        var summary = Summary(score);
        return new TextSentiment
        {
            Score = summary.Score,
            Label = summary.Label,
            Confidence = summary.Confidence,
            Emotions = EmotionsOf(cues.Items),
            Evidence = EvidenceOf(text, cues.Items),
        };
    }

    private SentimentSummary Summary(double score)
    {
        double threshold = _options.LabelThreshold;
        double magnitude = Math.Abs(score);
        var label = magnitude < threshold ? SentimentLabel.Neutral : score > 0 ? SentimentLabel.Positive : SentimentLabel.Negative;

        // Confidence grows with the distance from the nearest label boundary.
        double confidence = label == SentimentLabel.Neutral
            ? 1 - (0.5 * magnitude / threshold)
            : 0.5 + (0.5 * Math.Min(1, (magnitude - threshold) / 0.5));
        return new SentimentSummary(score, label, Math.Round(confidence, 3));
    }

    private static List<Evidence> EvidenceOf(string text, ReadOnlySpan<Cue> cues)
    {
        var evidence = new List<Evidence>(cues.Length);
        foreach (ref readonly var cue in cues)
        {
            if (Math.Abs(cue.Weight) < 0.05)
            {
                continue;
            }

            evidence.Add(new Evidence(
                cue.Start,
                cue.End - cue.Start,
                text[cue.Start..cue.End],
                Math.Round(cue.Weight, 3),
                cue.Kind,
                cue.Emotion >= 0 ? (Emotion)cue.Emotion : null,
                NoteText(cue.Note)));
        }

        return evidence;
    }

    private static Dictionary<Emotion, double> EmotionsOf(ReadOnlySpan<Cue> cues)
    {
        Span<double> totals = stackalloc double[Enum.GetValues<Emotion>().Length];
        foreach (ref readonly var cue in cues)
        {
            if (cue.Emotion < 0)
            {
                continue;
            }

            var emotion = (Emotion)cue.Emotion;
            bool positiveEmotion = emotion is Emotion.Gratitude or Emotion.Satisfaction or Emotion.Relief;
            bool agrees = emotion == Emotion.Empathy || (positiveEmotion ? cue.Weight > 0 : cue.Weight < 0);
            if (agrees)
            {
                totals[cue.Emotion] += Math.Abs(cue.Weight);
            }
        }

        var emotions = new Dictionary<Emotion, double>();
        for (int i = 0; i < totals.Length; i++)
        {
            if (totals[i] > 0)
            {
                emotions[(Emotion)i] = Math.Round(1 - Math.Exp(-totals[i] / 2.5), 3);
            }
        }

        return emotions;
    }

    private static string? NoteText(CueNote note)
    {
        if (note == CueNote.None)
        {
            return null;
        }

        var parts = new List<string>(2);
        foreach (var (flag, words) in NoteWords)
        {
            if ((note & flag) != 0)
            {
                parts.Add(words);
            }
        }

        return string.Join(", ", parts);
    }

    private static readonly (CueNote Flag, string Words)[] NoteWords =
    [
        (CueNote.Negated, "negated"),
        (CueNote.Intensified, "intensified"),
        (CueNote.Softened, "softened"),
        (CueNote.BeforeContrast, "outweighed by a later 'but'"),
        (CueNote.Concession, "conceded"),
        (CueNote.Conditional, "hypothetical"),
        (CueNote.Question, "in a question"),
        (CueNote.Exclaimed, "exclaimed"),
        (CueNote.Capitals, "in capitals"),
        (CueNote.Persisting, "still/again"),
        (CueNote.Duration, "long duration"),
        (CueNote.Apology, "inside an apology"),
    ];

    private static string DataVersion()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { LexiconLoader.WordsFile, LexiconLoader.EmojiFile, LexiconLoader.PhrasesFile, LexiconLoader.EventsFile, LexiconLoader.ModifiersFile })
        {
            sha.AppendData(Encoding.UTF8.GetBytes(LexiconLoader.ReadResource(file)));
        }

        return "lex." + Convert.ToHexStringLower(sha.GetHashAndReset())[..8];
    }

    private static string OptionsHash(BuiltInEngineOptions options)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"threshold={options.LabelThreshold:R}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
    }
}
