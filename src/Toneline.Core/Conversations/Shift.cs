namespace Toneline.Core.Conversations;

/// <summary>How sentiment moved from the start of a conversation to its end.</summary>
public enum Shift
{
    /// <summary>Positive at the start and at the end.</summary>
    StablePositive,

    /// <summary>Neutral at the start and at the end.</summary>
    StableNeutral,

    /// <summary>Negative at the start and at the end.</summary>
    StableNegative,

    /// <summary>Started positive, ended negative.</summary>
    PositiveToNegative,

    /// <summary>Started positive, ended neutral.</summary>
    PositiveToNeutral,

    /// <summary>Started neutral, ended negative.</summary>
    NeutralToNegative,

    /// <summary>Started negative, ended positive.</summary>
    NegativeToPositive,

    /// <summary>Started negative, ended neutral.</summary>
    NegativeToNeutral,

    /// <summary>Started neutral, ended positive.</summary>
    NeutralToPositive,
}
