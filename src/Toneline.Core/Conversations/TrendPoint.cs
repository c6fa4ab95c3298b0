namespace Toneline.Core.Conversations;

/// <summary>The sentiment of one portion of a conversation, a point on its trend line.</summary>
/// <param name="Portion">Zero-based portion number.</param>
/// <param name="FirstTurn">Index of the portion's first turn.</param>
/// <param name="LastTurn">Index of the portion's last turn (inclusive).</param>
/// <param name="Score">The portion's score on -100..+100, all speakers.</param>
/// <param name="CustomerScore">The customer's turns only, -100..+100, or <c>null</c> if none.</param>
/// <param name="AgentScore">The agent's turns only, -100..+100, or <c>null</c> if none.</param>
public sealed record TrendPoint(int Portion, int FirstTurn, int LastTurn, int Score, int? CustomerScore, int? AgentScore)
{
    /// <summary>The score on Amazon Contact Lens's -5..+5 scale.</summary>
    public int ContactLensScore => ScoreBands.ToContactLens(Score);
}
