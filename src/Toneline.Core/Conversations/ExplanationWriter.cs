using System.Globalization;
using System.Text;
using Toneline.Core.Scoring;

namespace Toneline.Core.Conversations;

/// <summary>Writes the plain-words explanation of a conversation score from its evidence.</summary>
/// <remarks>
/// Example: "Customer frustrated ('on hold for 40 minutes'); issue resolved at the end ('that fixed
/// it'). Agent apologized and showed empathy. Sentiment went from negative to positive at turn 9."
/// Turn numbers are 1-based, as a person counts them.
/// </remarks>
internal static class ExplanationWriter
{
    private const int QuoteExtraWords = 4;
    private const int QuotesPerPoint = 2;

    public static string Write(Conversation conversation, ConversationScore score, double start, double end, ResolutionCue? resolutionCue)
    {
        var turns = score.Turns;
        int n = turns.Count;
        int endStart = Math.Min(n - 1, Math.Max(0, (int)Math.Floor(n * 0.66)));
        var text = new StringBuilder();

        var earlyNegative = Strongest(conversation, turns, SpeakerRole.Customer, 0, endStart, negative: true);
        var earlyPositive = Strongest(conversation, turns, SpeakerRole.Customer, 0, endStart, negative: false);
        bool customerSpoke = score.Customer is not null;

        if (!customerSpoke)
        {
            text.Append("No customer turns to score");
        }
        else if (earlyNegative.Count > 0)
        {
            text.Append("Customer ").Append(Feeling(earlyNegative, negative: true)).Append(Quotes(earlyNegative));
        }
        else if (earlyPositive.Count > 0)
        {
            text.Append("Customer ").Append(Feeling(earlyPositive, negative: false)).Append(Quotes(earlyPositive));
        }
        else
        {
            text.Append("Customer neutral at the start");
        }

        if (customerSpoke)
        {
            var lateNegative = Strongest(conversation, turns, SpeakerRole.Customer, endStart, n, negative: true);
            var latePositive = Strongest(conversation, turns, null, endStart, n, negative: false);
            text.Append("; ");
            if (score.Resolved == true && resolutionCue is { } fixedCue)
            {
                string what = fixedCue.Kind switch
                {
                    ResolutionCueKind.Answered => "question answered",
                    ResolutionCueKind.Declined => "customer needed nothing more",
                    _ => "issue resolved",
                };
                text.Append(what).Append(CueQuote(conversation, fixedCue));
            }
            else if (score.Resolved == true)
            {
                var resolution = latePositive.Where(e => e.Evidence.Emotion == Emotion.Relief).ToList();
                text.Append("issue resolved at the end").Append(Quotes(resolution.Count > 0 ? resolution : latePositive));
            }
            else if (score.Resolved == false && resolutionCue is { } againstCue)
            {
                text.Append(againstCue.Kind == ResolutionCueKind.Refused ? "agent could not do what was asked" : "issue still open at the end")
                    .Append(CueQuote(conversation, againstCue));
            }
            else if (score.Resolved == false)
            {
                text.Append("still upset at the end").Append(Quotes(lateNegative));
            }
            else if (LabelAt(end) == SentimentLabel.Positive)
            {
                text.Append("ended positive").Append(Quotes(latePositive));
            }
            else
            {
                text.Append("ended neutral");
            }
        }

        text.Append(". ");
        AppendAgent(text, conversation, score);

        if (score.TurningPointTurn is { } turningPoint)
        {
            text.Append(CultureInfo.InvariantCulture, $"Sentiment went from {Word(LabelAt(start))} to {Word(LabelAt(end))} at turn {turningPoint + 1}.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Sentiment {Word(LabelAt(end))} throughout.");
        }

        return text.ToString().Trim();
    }

    private static void AppendAgent(StringBuilder text, Conversation conversation, ConversationScore score)
    {
        if (score.Agent is not { } agent)
        {
            return;
        }

        var turns = score.Turns;
        if (agent.Score < -20)
        {
            var negative = Strongest(conversation, turns, SpeakerRole.Agent, 0, turns.Count, negative: true);
            text.Append("Agent came across negatively").Append(Quotes(negative)).Append(". ");
            return;
        }

        bool empathy = turns.Any(t => t.Role == SpeakerRole.Agent && t.Sentiment.Evidence.Any(e => e.Kind == EvidenceKind.Courtesy));
        if (empathy)
        {
            text.Append("Agent apologized or showed empathy. ");
        }
        else if (agent.Score > 20)
        {
            text.Append("Agent positive").Append(Quotes(Strongest(conversation, turns, SpeakerRole.Agent, 0, turns.Count, negative: false))).Append(". ");
        }
    }

    private static List<(int Turn, Evidence Evidence)> Strongest(
        Conversation conversation, IReadOnlyList<TurnScore> turns, SpeakerRole? role, int from, int to, bool negative)
    {
        var found = new List<(int, Evidence)>();
        for (int i = from; i < to && i < turns.Count; i++)
        {
            if (role is { } r && turns[i].Role != r)
            {
                continue;
            }

            // Only turns that read that way speak for it: a neutral question's faint learned word
            // ("when my order will arrive") is no complaint.
            if (turns[i].Sentiment.Label != (negative ? SentimentLabel.Negative : SentimentLabel.Positive))
            {
                continue;
            }

            foreach (var evidence in turns[i].Sentiment.Evidence)
            {
                if (evidence.Kind != EvidenceKind.Courtesy && (negative ? evidence.Weight <= -0.5 : evidence.Weight >= 0.5))
                {
                    found.Add((i, evidence with { Text = Quote(conversation.Turns[i].Text, evidence) }));
                }
            }
        }

        // What happened ("on hold for 40 minutes") explains more than how it felt ("frustrated").
        found.Sort(static (a, b) => Salience(b.Item2).CompareTo(Salience(a.Item2)));
        return found;
    }

    private static double Salience(Evidence evidence) =>
        Math.Abs(evidence.Weight) * (evidence.Kind == EvidenceKind.ServiceEvent ? 1.5 : 1);

    /// <summary>
    /// The cue and what completes it ("on hold" → "on hold for 40 minutes"): up to four more words,
    /// stopping at clause punctuation or a conjunction.
    /// </summary>
    private static string Quote(string text, Evidence evidence)
    {
        int end = evidence.Start + evidence.Length;
        // Where the quote may end: after the cue, or after a word that does not leave it hanging.
        int complete = end;
        for (int words = 0; words < QuoteExtraWords && end < text.Length && text[end] == ' '; words++)
        {
            int next = end + 1;
            while (next < text.Length && !char.IsWhiteSpace(text[next]) && text[next] is not (',' or '.' or '!' or '?' or ';' or ':'))
            {
                next++;
            }

            var word = text.AsSpan(end + 1, next - end - 1).ToString().ToLowerInvariant();
            if (word.Length == 0 || StopWords.Contains(word))
            {
                break;
            }

            end = next;
            if (!HangingWords.Contains(word))
            {
                complete = end;
            }
        }

        // "charged twice for my subscription", not "… subscription this" cut before "month".
        return text[evidence.Start..complete].Trim();
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal) { "and", "but", "so", "because", "or", "then", "which", "while" };

    /// <summary>Words a quote must not end on: it would stop in the middle of what they begin.</summary>
    private static readonly HashSet<string> HangingWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "that", "these", "those",
        "for", "to", "of", "on", "in", "at", "with", "from", "by", "about", "into", "over", "after", "before",
        "i", "we", "you", "it", "is", "was", "be", "been", "have", "has", "had", "very", "too",
    };

    /// <summary>A resolution cue quoted with what completes it: " ('not able to refund the fee')".</summary>
    /// <remarks>A customer's short reply to "anything else?" is quoted whole: "no that was it", not "no".</remarks>
    private static string CueQuote(Conversation conversation, ResolutionCue cue)
    {
        string text = conversation.Turns[cue.Turn].Text;
        string quote = cue.Kind == ResolutionCueKind.Declined && text.Trim().Length <= ShortReplyLength
            ? text.Trim()
            : Quote(text, new Evidence(cue.Start, cue.Length, "", 0, EvidenceKind.Phrase));
        return " ('" + quote + "')";
    }

    private const int ShortReplyLength = 40;

    private static string Quotes(IReadOnlyList<(int Turn, Evidence Evidence)> evidence)
    {
        var quotes = evidence.Select(e => e.Evidence.Text).Distinct(StringComparer.OrdinalIgnoreCase).Take(QuotesPerPoint).ToList();
        return quotes.Count == 0 ? "" : " (" + string.Join(", ", quotes.Select(q => "'" + q + "'")) + ")";
    }

    private static string Feeling(IReadOnlyList<(int Turn, Evidence Evidence)> evidence, bool negative)
    {
        var emotion = evidence
            .Where(e => e.Evidence.Emotion is not null and not Emotion.Empathy)
            .GroupBy(e => e.Evidence.Emotion!.Value)
            .OrderByDescending(g => g.Sum(e => Math.Abs(e.Evidence.Weight)))
            .Select(g => (Emotion?)g.Key)
            .FirstOrDefault();
        return emotion switch
        {
            Emotion.Frustration => "frustrated",
            Emotion.Anger => "angry",
            Emotion.Disappointment => "disappointed",
            Emotion.Confusion => "confused",
            Emotion.Anxiety => "worried",
            Emotion.Gratitude => "grateful",
            Emotion.Satisfaction => "satisfied",
            Emotion.Relief => "relieved",
            _ => negative ? "unhappy" : "pleased",
        };
    }

    private static SentimentLabel LabelAt(double score) => ConversationScorer.LabelOf(score);

    private static string Word(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "positive",
        SentimentLabel.Negative => "negative",
        _ => "neutral",
    };
}
