using System.Globalization;
using System.Runtime.CompilerServices;
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
public sealed partial class BuiltInEngine
{
    /// <summary>The engine name stamped on scores.</summary>
    public const string EngineName = "toneline-builtin";

    /// <summary>The code version; the data version is appended from the embedded files' hash.</summary>
    public const string CodeVersion = "1.0";

    private static readonly Lazy<BuiltInEngine> DefaultEngine = new(() => new BuiltInEngine(new BuiltInEngineOptions()));

    private readonly RuleScorer _rules;
    private readonly LinearModel? _model;
    private readonly BuiltInEngineOptions _options;

    /// <summary>Creates an engine with the embedded lexicon.</summary>
    public BuiltInEngine(BuiltInEngineOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates an engine with a given learned model instead of the embedded one (training and tests).</summary>
    internal BuiltInEngine(BuiltInEngineOptions options, LinearModel? model)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.LabelThreshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(options.LabelThreshold, 1);
        _options = options;
        _rules = new RuleScorer(LexiconLoader.LoadEmbedded());
        _model = options.UseLearnedModel ? model ?? LinearModel.LoadEmbedded() : null;
        Method = new ScoringMethod(EngineName, $"{CodeVersion}+{DataVersion()}", OptionsHash(options));
    }

    /// <summary>The shared engine with default options, loaded on first use.</summary>
    public static BuiltInEngine Default => DefaultEngine.Value;

    /// <summary>The engine, version and options hash stamped on results.</summary>
    public ScoringMethod Method { get; }

    /// <summary>The options in effect.</summary>
    public BuiltInEngineOptions Options => _options;

    /// <summary>Whether a learned model is loaded on top of the rules.</summary>
    public bool HasLearnedModel => _model is not null;

    /// <summary>File names of the labeled sources the learned model was trained on (their held-out fold excepted).</summary>
    public IReadOnlyList<string> TrainedOn => _model?.TrainedOn ?? [];

    /// <summary>How the learned model was trained, in words; empty without a model.</summary>
    public string ModelDescription => _model?.Description ?? "";

    internal RuleScorer Rules => _rules;

    /// <summary>Scores a text without collecting evidence; allocates nothing.</summary>
    /// <param name="text">The sentence or turn.</param>
    /// <param name="role">Who said it: agent apologies count as courtesy, not negativity.</param>
    public SentimentSummary Summarize(ReadOnlySpan<char> text, SpeakerRole role = SpeakerRole.Customer) =>
        _model is not null && text.Length > 2 * SegmentChars ? SummarizeSegments(text, role) : SummarizeOne(text, role);

    private SentimentSummary SummarizeOne(ReadOnlySpan<char> text, SpeakerRole role)
    {
        var cues = default(NoCueSink);
        if (_model is null)
        {
            var none = default(NoFeatureSink);
            return Summary(_rules.Score(text, role, ref cues, ref none).Score);
        }

        var logits = new LogitSink(_model);
        var outcome = _rules.Score(text, role, ref cues, ref logits);
        return Learned(logits.Negative, logits.Positive, outcome, role);
    }

    /// <summary>Scores a text and returns its evidence and emotions.</summary>
    /// <param name="text">The sentence or turn.</param>
    /// <param name="role">Who said it: agent apologies count as courtesy, not negativity.</param>
    /// <remarks>
    /// Evidence holds the lexicon cues with their rule weights and, with a learned model, the words whose
    /// learned weights moved the score (kind <see cref="EvidenceKind.Learned"/>, weight in logit units).
    /// </remarks>
    public TextSentiment Analyze(string text, SpeakerRole role = SpeakerRole.Customer)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _model is not null && text.Length > 2 * SegmentChars ? AnalyzeSegments(text, role) : AnalyzeOne(text, role);
    }

    private TextSentiment AnalyzeOne(string text, SpeakerRole role)
    {
        var cues = new CueList();
        SentimentSummary summary;
        RecordingLogitSink? recording = null;
        float scale = 1;
        if (_model is null)
        {
            var none = default(NoFeatureSink);
            summary = Summary(_rules.Score(text, role, ref cues, ref none).Score);
        }
        else
        {
            recording = new RecordingLogitSink(_model);
            var outcome = _rules.Score(text, role, ref cues, ref recording);
            summary = Learned(recording.Negative, recording.Positive, outcome, role);
            scale = LinearModel.SparseScale(outcome.Words, outcome.Sentences);
        }

        var evidence = EvidenceOf(text, cues.Items);
        if (recording is not null)
        {
            AddLearnedEvidence(text, evidence, recording.Contributions, scale);
        }

        return new TextSentiment
        {
            Score = summary.Score,
            Label = summary.Label,
            Confidence = summary.Confidence,
            Emotions = EmotionsOf(cues.Items),
            Evidence = evidence,
        };
    }

    private SentimentSummary Learned(float negative, float positive, in RuleOutcome outcome, SpeakerRole role)
    {
        if (outcome.Words == 0)
        {
            // Nothing to read (empty, masked-only): neutral, whatever the model's bias.
            return new SentimentSummary(0, SentimentLabel.Neutral, 1);
        }

        var model = _model!;
        Span<float> dense = stackalloc float[DenseFeatures.Count];
        DenseFeatures.Fill(outcome, role, dense);
        float scale = LinearModel.SparseScale(outcome.Words, outcome.Sentences);
        float zNegative = model.Bias[0] + (scale * negative), zPositive = model.Bias[1] + (scale * positive);
        for (int j = 0; j < dense.Length; j++)
        {
            zNegative += dense[j] * model.Dense[2 * j];
            zPositive += dense[j] * model.Dense[(2 * j) + 1];
        }

        return FromLogits(zNegative, zPositive, outcome);
    }

    // Apart from the sums above: a logit live across the exponential's call would be kept in memory,
    // and the JIT then stored it at every step of the loop.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SentimentSummary FromLogits(float zNegative, float zPositive, in RuleOutcome outcome)
    {
        // Softmax over (negative, neutral = 0, positive) relative to neutral: two exponentials.
        double eNegative = MathF.Exp(Math.Clamp(zNegative, -60f, 60f)), ePositive = MathF.Exp(Math.Clamp(zPositive, -60f, 60f));
        double total = 1 + eNegative + ePositive;
        double pNegative = eNegative / total, pNeutral = 1 / total, pPositive = ePositive / total;

        // The most probable class, unless the balance of positive and negative is too slight to call.
        double score = pPositive - pNegative;
        var label = pNegative > pNeutral && pNegative >= pPositive && score <= -LearnedMargin ? SentimentLabel.Negative
            : pPositive > pNeutral && pPositive > pNegative && score >= LearnedMargin ? SentimentLabel.Positive
            : SentimentLabel.Neutral;
        if (label == SentimentLabel.Positive && outcome.Positive > 0 && outcome.Hypothetical >= outcome.Positive - outcome.Negative)
        {
            // All the praise is supposed ("if it worked I'd be happy"): the rules say so, whatever the
            // words would mean on their own. It counts a quarter, and never beyond the neutral band.
            label = SentimentLabel.Neutral;
            score *= HypotheticalPraiseShare;
        }

        double confidence = Math.Max(pNeutral, Math.Max(pNegative, pPositive));
        return new SentimentSummary(InBandOf(label, score), label, Math.Round(confidence, 3));
    }

    /// <summary>
    /// Keeps a score in its label's band (Negative &lt; -20 &lt;= Neutral &lt;= +20 &lt; Positive): a turn
    /// labeled neutral that read -31 counted as a negative turn in every mean, so a plain question and
    /// answer could average out as a negative call.
    /// </summary>
    private static double InBandOf(SentimentLabel label, double score) => label switch
    {
        SentimentLabel.Neutral => Math.Clamp(score, -NeutralBandCeiling, NeutralBandCeiling),
        SentimentLabel.Negative => Math.Min(score, -PolarBandFloor),
        _ => Math.Max(score, PolarBandFloor),
    };

    /// <summary>Adds the words whose learned weights moved the balance enough, as they counted: times the text's <paramref name="scale"/> (long texts count each word less).</summary>
    private static void AddLearnedEvidence(string text, List<Evidence> evidence, IReadOnlyList<(int Start, int End, float Contribution)> contributions, float scale)
    {
        int ruleCues = evidence.Count;
        foreach (var (start, end, weight) in contributions)
        {
            float contribution = weight * scale;
            if (Math.Abs(contribution) < LearnedEvidenceThreshold || end > text.Length)
            {
                continue;
            }

            bool covered = false;
            for (int i = 0; i < ruleCues && !covered; i++)
            {
                covered = start < evidence[i].Start + evidence[i].Length && evidence[i].Start < end;
            }

            if (!covered)
            {
                evidence.Add(new Evidence(start, end - start, text[start..end], Math.Round(contribution, 3), EvidenceKind.Learned));
            }
        }

        evidence.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>The smallest positive-minus-negative probability that still earns a polar label.</summary>
    private const double LearnedMargin = 0.05;

    /// <summary>How much of the learned score stays when all of a text's praise sits in "if" clauses.</summary>
    private const double HypotheticalPraiseShare = 0.25;

    /// <summary>The highest score of the neutral band (+20 on the -100..+100 scale).</summary>
    private const double NeutralBandCeiling = 0.2;

    /// <summary>The weakest score a polar label keeps: +21 on the -100..+100 scale, the positive band's first point.</summary>
    private const double PolarBandFloor = 0.21;

    /// <summary>A learned word shows as evidence when it moves the balance by at least this much (logits).</summary>
    private const double LearnedEvidenceThreshold = 0.5;

    private SentimentSummary Summary(double score)
    {
        double threshold = _options.LabelThreshold;
        double magnitude = Math.Abs(score);
        var label = magnitude < threshold ? SentimentLabel.Neutral : score > 0 ? SentimentLabel.Positive : SentimentLabel.Negative;

        // Confidence grows with the distance from the nearest label boundary.
        double confidence = label == SentimentLabel.Neutral
            ? 1 - (0.5 * magnitude / threshold)
            : 0.5 + (0.5 * Math.Min(1, (magnitude - threshold) / 0.5));
        return new SentimentSummary(InBandOf(label, score), label, Math.Round(confidence, 3));
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
        (CueNote.Ironic, "ironic"),
        (CueNote.OwnFault, "the customer's own mistake"),
    ];

    private static string DataVersion()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { LexiconLoader.WordsFile, LexiconLoader.EmojiFile, LexiconLoader.PhrasesFile, LexiconLoader.EventsFile, LexiconLoader.ModifiersFile })
        {
            sha.AppendData(Encoding.UTF8.GetBytes(LexiconLoader.ReadResource(file)));
        }

        using (var model = typeof(BuiltInEngine).Assembly.GetManifestResourceStream("Toneline.Scoring." + LinearModel.ResourceName))
        {
            if (model is not null)
            {
                using var copy = new MemoryStream();
                model.CopyTo(copy);
                sha.AppendData(copy.ToArray());
            }
        }

        return "lex." + Convert.ToHexStringLower(sha.GetHashAndReset())[..8];
    }

    private static string OptionsHash(BuiltInEngineOptions options)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"threshold={options.LabelThreshold:R};learned={options.UseLearnedModel}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
    }
}
