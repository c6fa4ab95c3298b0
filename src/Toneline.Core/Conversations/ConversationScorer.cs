using Toneline.Core.Scoring;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Core.Conversations;

/// <summary>The built-in conversation scorer: scores each turn, then aggregates into call-level scores.</summary>
/// <remarks>
/// Aggregation, on turn scores in [-1, 1] weighted by how much sentiment each turn carries:
/// the customer score is <see cref="ConversationScorerOptions.CustomerEndWeight"/> × the customer's
/// end state (the last third of the conversation) plus the rest × the customer's mean, moved by
/// <see cref="ConversationScorerOptions.ResolutionWeight"/> when the issue reads as resolved or not; the agent score is
/// the agent's mean; the overall score mixes the two, mostly customer. Deterministic and thread-safe.
/// </remarks>
public sealed partial class ConversationScorer : IConversationScorer
{
    /// <summary>
    /// The version of the aggregation rules and of the resolution cues they read (a hash of
    /// <c>resolution.tsv</c>, so editing the cues changes it); part of <see cref="Method"/>.
    /// </summary>
    public static string AggregationVersion { get; } = "agg2." + ResolutionCues.Default.Version;

    /// <summary>The weight of a turn without sentiment in a mean: it dilutes, a little.</summary>
    private const double NeutralTurnWeight = 0.25;

    /// <summary>The smallest |weight| of a lexicon cue shown as a highlight.</summary>
    private const double HighlightThreshold = 0.3;

    /// <summary>The smallest |weight| (logits) of a learned-only word shown as a highlight.</summary>
    private const double LearnedHighlightThreshold = 1.0;

    private readonly BuiltInEngine _engine;
    private readonly ConversationScorerOptions _options;

    /// <summary>Creates a scorer over a built-in engine.</summary>
    public ConversationScorer(BuiltInEngine engine, ConversationScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPortions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ResolutionWeight);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ResolutionWeight, 1);
        _engine = engine;
        _options = options;
        var engineMethod = engine.Method;
        Method = new ScoringMethod(engineMethod.Engine, $"{engineMethod.Version}+{AggregationVersion}", engineMethod.OptionsHash + OptionsSuffix(options));
    }

    /// <inheritdoc />
    public ScoringMethod Method { get; }

    /// <summary>A scorer with the default engine and options.</summary>
    public static ConversationScorer CreateDefault() => new(BuiltInEngine.Default, new ConversationScorerOptions());

    /// <inheritdoc />
    public ValueTask<ConversationScore> ScoreAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Score(conversation));
    }

    /// <summary>Scores one conversation.</summary>
    public ConversationScore Score(Conversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var turns = new TurnScore[conversation.Turns.Count];
        for (int i = 0; i < turns.Length; i++)
        {
            var turn = conversation.Turns[i];
            turns[i] = new TurnScore(i, turn.Role, _engine.Analyze(turn.Text, turn.Role));
        }

        int endStart = (int)Math.Floor(turns.Length * (1 - _options.EndShare));
        double? customerMean = Mean(turns, SpeakerRole.Customer, 0, turns.Length);
        double? customerEnd = Mean(turns, SpeakerRole.Customer, endStart, turns.Length) ?? LastOf(turns, SpeakerRole.Customer);
        double? agentMean = Mean(turns, SpeakerRole.Agent, 0, turns.Length);

        var (resolved, resolutionCue) = ReadResolution(conversation, turns, endStart, customerEnd);
        double? customer = customerMean is { } mean
            ? Math.Clamp(
                (_options.CustomerEndWeight * customerEnd!.Value) + ((1 - _options.CustomerEndWeight) * mean) + ResolutionShift(resolved),
                -1,
                1)
            : null;
        double overall = (customer, agentMean) switch
        {
            ({ } c, { } a) => (_options.CustomerShareOfOverall * c) + ((1 - _options.CustomerShareOfOverall) * a),
            ({ } c, null) => c,
            (null, { } a) => a,
            _ => Mean(turns, SpeakerRole.Other, 0, turns.Length) ?? 0,
        };

        var trend = Trend(turns);
        var (shift, start, end) = ShiftOf(turns);
        int? turningPoint = TurningPoint(turns, shift, end);
        var highlights = Highlights(turns);
        var customerEmotions = CustomerEmotions(turns);

        var score = new ConversationScore
        {
            ConversationId = conversation.Id,
            Overall = new SideScore(ScoreBands.ToHundred(overall)),
            Agent = agentMean is { } agent ? new SideScore(ScoreBands.ToHundred(agent)) : null,
            Customer = customer is { } c2 ? new SideScore(ScoreBands.ToHundred(c2)) : null,
            Shift = shift,
            TurningPointTurn = turningPoint,
            Resolved = resolved,
            Explanation = "",
            Trend = trend,
            Turns = turns,
            Highlights = highlights,
            CustomerEmotions = customerEmotions,
            RoleSource = conversation.RoleSource,
            Method = Method,
        };
        return score with { Explanation = ExplanationWriter.Write(conversation, score, start, end, resolutionCue) };
    }

    /// <summary>What resolution adds to the customer score: + the weight when resolved, − when not.</summary>
    private double ResolutionShift(bool? resolved) => resolved switch
    {
        true => _options.ResolutionWeight,
        false => -_options.ResolutionWeight,
        null => 0,
    };

    private static string OptionsSuffix(ConversationScorerOptions options) =>
        options == new ConversationScorerOptions() ? "" : "-" + Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(options.ToString())))[..6];

    /// <summary>The sentiment-weighted mean of one side's turns in [from, to), or null if it has none there.</summary>
    internal static double? Mean(IReadOnlyList<TurnScore> turns, SpeakerRole role, int from, int to)
    {
        double sum = 0, weights = 0;
        for (int i = from; i < to; i++)
        {
            if (turns[i].Role != role)
            {
                continue;
            }

            double score = turns[i].Sentiment.Score;
            double weight = Math.Abs(score) + NeutralTurnWeight;
            sum += score * weight;
            weights += weight;
        }

        return weights > 0 ? sum / weights : null;
    }

    private static double? LastOf(IReadOnlyList<TurnScore> turns, SpeakerRole role)
    {
        for (int i = turns.Count - 1; i >= 0; i--)
        {
            if (turns[i].Role == role)
            {
                return turns[i].Sentiment.Score;
            }
        }

        return null;
    }

    private static List<Highlight> Highlights(IReadOnlyList<TurnScore> turns)
    {
        var highlights = new List<Highlight>();
        foreach (var turn in turns)
        {
            foreach (var evidence in turn.Sentiment.Evidence)
            {
                // Learned-only words are highlighted when they weigh clearly; weaker ones stay in the turn's
                // evidence, where a reader asking "why this score" looks, rather than in the transcript.
                double threshold = evidence.Kind == EvidenceKind.Learned ? LearnedHighlightThreshold : HighlightThreshold;
                if (Math.Abs(evidence.Weight) >= threshold)
                {
                    highlights.Add(new Highlight(turn.TurnIndex, evidence.Start, evidence.Length, evidence.Text, evidence.Weight, evidence.Kind, evidence.Emotion));
                }
            }
        }

        highlights.Sort(static (a, b) =>
        {
            int byWeight = Math.Abs(b.Weight).CompareTo(Math.Abs(a.Weight));
            return byWeight != 0 ? byWeight : a.TurnIndex != b.TurnIndex ? a.TurnIndex.CompareTo(b.TurnIndex) : a.Start.CompareTo(b.Start);
        });
        return highlights;
    }

    private static Dictionary<Emotion, double> CustomerEmotions(IReadOnlyList<TurnScore> turns)
    {
        var emotions = new Dictionary<Emotion, double>();
        foreach (var turn in turns)
        {
            if (turn.Role != SpeakerRole.Customer)
            {
                continue;
            }

            foreach (var (emotion, intensity) in turn.Sentiment.Emotions)
            {
                emotions[emotion] = Math.Max(intensity, emotions.GetValueOrDefault(emotion));
            }
        }

        return emotions;
    }
}
