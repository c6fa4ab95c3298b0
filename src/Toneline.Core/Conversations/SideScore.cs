namespace Toneline.Core.Conversations;

/// <summary>A -100..+100 score with its band.</summary>
/// <param name="Score">The score, -100..+100.</param>
public readonly record struct SideScore(int Score)
{
    /// <summary>The band the score falls into.</summary>
    public ScoreBand Band => ScoreBands.Of(Score);
}
