using Toneline.Core.Conversations;

namespace Toneline.Core.Scoring.BuiltIn;

/// <content>
/// Long texts: the learned layer was trained on sentences and short messages, and its word weights add
/// up, so a long turn is scored in segments of a few sentences and the segment scores are averaged,
/// weighted by how much sentiment each carries. A long turn therefore does not drift to ±1.
/// </content>
public sealed partial class BuiltInEngine
{
    /// <summary>A segment is cut at the first sentence end after this many characters.</summary>
    internal const int SegmentChars = 280;

    /// <summary>The weight of a segment without sentiment in the mean: it dilutes, a little.</summary>
    private const double NeutralSegmentWeight = 0.25;

    /// <summary>A long text's averaged score needs at least this magnitude for a polar label.</summary>
    private const double SegmentLabelThreshold = 0.2;

    private SentimentSummary SummarizeSegments(ReadOnlySpan<char> text, SpeakerRole role)
    {
        double sum = 0, weights = 0, confidence = 0;
        for (int start = 0; start < text.Length;)
        {
            int end = SegmentEnd(text, start);
            var segment = SummarizeOne(text[start..end], role);
            double weight = Math.Abs(segment.Score) + NeutralSegmentWeight;
            sum += segment.Score * weight;
            confidence += segment.Confidence * weight;
            weights += weight;
            start = end;
        }

        return Combined(sum, confidence, weights);
    }

    private TextSentiment AnalyzeSegments(string text, SpeakerRole role)
    {
        double sum = 0, weights = 0, confidence = 0;
        var evidence = new List<Evidence>();
        var emotions = new Dictionary<Emotion, double>();
        for (int start = 0; start < text.Length;)
        {
            int end = SegmentEnd(text, start);
            var segment = AnalyzeOne(text[start..end], role);
            double weight = Math.Abs(segment.Score) + NeutralSegmentWeight;
            sum += segment.Score * weight;
            confidence += segment.Confidence * weight;
            weights += weight;
            foreach (var item in segment.Evidence)
            {
                evidence.Add(item with { Start = item.Start + start });
            }

            foreach (var (emotion, intensity) in segment.Emotions)
            {
                emotions[emotion] = Math.Max(intensity, emotions.GetValueOrDefault(emotion));
            }

            start = end;
        }

        var summary = Combined(sum, confidence, weights);
        return new TextSentiment
        {
            Score = summary.Score,
            Label = summary.Label,
            Confidence = summary.Confidence,
            Emotions = emotions,
            Evidence = evidence,
        };
    }

    private static SentimentSummary Combined(double sum, double confidence, double weights)
    {
        double score = weights > 0 ? sum / weights : 0;
        var label = score >= SegmentLabelThreshold ? SentimentLabel.Positive
            : score <= -SegmentLabelThreshold ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
        return new SentimentSummary(InBandOf(label, score), label, Math.Round(weights > 0 ? confidence / weights : 1, 3));
    }

    /// <summary>The end of the segment starting at <paramref name="start"/>: after a sentence end past <see cref="SegmentChars"/>.</summary>
    private static int SegmentEnd(ReadOnlySpan<char> text, int start)
    {
        int target = start + SegmentChars;
        if (target + SegmentChars / 2 >= text.Length)
        {
            return text.Length;
        }

        int limit = Math.Min(text.Length, target + SegmentChars);
        for (int i = target; i < limit; i++)
        {
            if (text[i] is '.' or '!' or '?' or '\n' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                return i + 1;
            }
        }

        // No sentence end nearby: cut at a space so no word is split.
        int space = text[target..limit].IndexOf(' ');
        return space >= 0 ? target + space + 1 : limit;
    }
}
