using Toneline.Core.Conversations;

namespace Toneline.Llm.Regression;

/// <summary>Normalizes human labels and maps scores to the same classes.</summary>
/// <remarks>
/// "negative" names both a band and a three-way class, so a set is judged on five bands when any
/// of its labels names a "very" band, and on three classes otherwise.
/// </remarks>
public static class Labels
{
    /// <summary>The five band classes, most negative first.</summary>
    public static IReadOnlyList<string> Bands { get; } = ["very negative", "negative", "neutral", "positive", "very positive"];

    /// <summary>The three-way classes.</summary>
    public static IReadOnlyList<string> ThreeWay { get; } = ["negative", "neutral", "positive"];

    /// <summary>A label in canonical form ("Very_Negative" → "very negative"), or <c>null</c> when it is not one.</summary>
    public static string? Normalize(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var text = label.Trim().Replace('_', ' ').Replace('-', ' ').ToLowerInvariant();
        text = text switch
        {
            "verynegative" => "very negative",
            "verypositive" => "very positive",
            _ => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        };
        return Bands.Contains(text) ? text : null;
    }

    /// <summary>The scale a set of canonical labels is judged at.</summary>
    public static LabelScale ScaleOf(IEnumerable<string> canonicalLabels) =>
        canonicalLabels.Any(l => l.StartsWith("very", StringComparison.Ordinal)) ? LabelScale.FiveBands : LabelScale.ThreeWay;

    /// <summary>The class of a score at a scale.</summary>
    public static string ClassOf(int score, LabelScale scale) => ClassOf(ScoreBands.Of(score), scale);

    /// <summary>The class of a band at a scale.</summary>
    public static string ClassOf(ScoreBand band, LabelScale scale) => scale == LabelScale.FiveBands
        ? Bands[(int)band + 2]
        : ThreeWay[Math.Sign((int)band) + 1];

    /// <summary>A canonical label at a scale (a band label collapses to three-way).</summary>
    public static string AtScale(string canonicalLabel, LabelScale scale) =>
        scale == LabelScale.FiveBands ? canonicalLabel : canonicalLabel.Replace("very ", string.Empty, StringComparison.Ordinal);
}
