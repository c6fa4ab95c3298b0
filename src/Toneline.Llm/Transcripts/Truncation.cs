namespace Toneline.Llm.Transcripts;

/// <summary>Which turns were left out of the prompt because the conversation was too long.</summary>
/// <param name="OmittedTurns">How many turns were left out.</param>
/// <param name="FirstOmittedTurn">Zero-based index of the first turn left out.</param>
/// <param name="LastOmittedTurn">Zero-based index of the last turn left out.</param>
/// <param name="EstimatedTokens">The whole transcript's estimated tokens, before truncation.</param>
/// <param name="BudgetTokens">The budget it had to fit.</param>
public sealed record Truncation(int OmittedTurns, int FirstOmittedTurn, int LastOmittedTurn, int EstimatedTokens, int BudgetTokens)
{
    /// <summary>The truncation in words, as shown in reports.</summary>
    public override string ToString() =>
        $"{OmittedTurns} turns omitted (turns {FirstOmittedTurn + 1}-{LastOmittedTurn + 1}): ~{EstimatedTokens} tokens over a {BudgetTokens}-token budget";
}
