namespace Toneline.Core.Conversations;

/// <summary>The five bands a -100..+100 conversation score falls into.</summary>
/// <remarks>
/// Boundaries, on the integer score: Very Negative &lt; -60 ≤ Negative &lt; -20 ≤ Neutral ≤ +20 &lt;
/// Positive ≤ +60 &lt; Very Positive. So -60 is Negative, -20 and +20 are Neutral, +60 is Positive.
/// </remarks>
public enum ScoreBand
{
    /// <summary>Below -60.</summary>
    VeryNegative = -2,

    /// <summary>-60 up to (not including) -20.</summary>
    Negative = -1,

    /// <summary>-20 to +20, both included.</summary>
    Neutral = 0,

    /// <summary>Above +20 up to +60 included.</summary>
    Positive = 1,

    /// <summary>Above +60.</summary>
    VeryPositive = 2,
}
