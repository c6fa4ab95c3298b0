namespace Toneline.Core.Conversations;

/// <summary>Maps -100..+100 scores to <see cref="ScoreBand"/> and back to words.</summary>
public static class ScoreBands
{
    /// <summary>The band of an integer score; see <see cref="ScoreBand"/> for the boundary rule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside -100..+100.</exception>
    public static ScoreBand Of(int score)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, -100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 100);
        return score switch
        {
            < -60 => ScoreBand.VeryNegative,
            < -20 => ScoreBand.Negative,
            <= 20 => ScoreBand.Neutral,
            <= 60 => ScoreBand.Positive,
            _ => ScoreBand.VeryPositive,
        };
    }

    /// <summary>The band's name as a supervisor reads it: "Very Negative", "Neutral"...</summary>
    public static string DisplayName(this ScoreBand band) => band switch
    {
        ScoreBand.VeryNegative => "Very Negative",
        ScoreBand.Negative => "Negative",
        ScoreBand.Neutral => "Neutral",
        ScoreBand.Positive => "Positive",
        ScoreBand.VeryPositive => "Very Positive",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown score band."),
    };

    /// <summary>Converts a [-1, 1] sentiment to the -100..+100 scale, rounding half away from zero.</summary>
    public static int ToHundred(double score) =>
        (int)Math.Round(Math.Clamp(score, -1, 1) * 100, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Converts a -100..+100 score to Amazon Contact Lens's -5..+5 scale, rounding half away from zero.
    /// </summary>
    public static int ToContactLens(int score) =>
        (int)Math.Round(Math.Clamp(score, -100, 100) / 20.0, MidpointRounding.AwayFromZero);
}
