using Toneline.Core.Conversations;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>The rule layer's findings as the learned layer's dense features, each roughly in [-1, 1].</summary>
internal static class DenseFeatures
{
    public const int Count = 12;

    public static readonly string[] Names =
    [
        "rule score", "positive cues", "negative cues", "cue count", "question share", "exclamations",
        "length", "agent", "agent x rule score", "shouting", "negators", "rule score squared",
    ];

    /// <summary>ln(1 + n) for the small counts texts have, from a table: a logarithm per text is not free.</summary>
    private static readonly float[] LogTable = Enumerable.Range(0, 1024).Select(n => (float)Math.Log(1 + n)).ToArray();

    private static float LogOnePlus(int n) => n < LogTable.Length ? LogTable[n] : MathF.Log(1 + n);

    public static void Fill(in RuleOutcome outcome, SpeakerRole role, Span<float> features)
    {
        double agent = role == SpeakerRole.Agent ? 1 : 0;
        double sentences = Math.Max(1, outcome.Sentences);
        features[0] = (float)outcome.Score;
        features[1] = (float)(outcome.Positive / (outcome.Positive + 2));
        features[2] = (float)(-outcome.Negative / (-outcome.Negative + 2));
        features[3] = LogOnePlus(outcome.Cues) / 3;
        features[4] = (float)(outcome.Questions / sentences);
        features[5] = Math.Min(3, outcome.Exclamations) / 3f;
        features[6] = LogOnePlus(outcome.Words) / 5;
        features[7] = (float)agent;
        features[8] = (float)(agent * outcome.Score);
        features[9] = outcome.Shouting ? 1 : 0;
        features[10] = Math.Min(3, outcome.Negators) / 3f;
        features[11] = (float)(outcome.Score * Math.Abs(outcome.Score));
    }
}
