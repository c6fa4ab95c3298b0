namespace Toneline.Llm.Regression;

/// <summary>One labeled conversation as the candidate and the active method scored it.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Label">The human label, at the report's scale.</param>
/// <param name="CandidateScore">The candidate's overall score.</param>
/// <param name="Candidate">The candidate's class.</param>
/// <param name="ActiveScore">The active method's overall score.</param>
/// <param name="Active">The active method's class.</param>
/// <param name="Note">A fallback reason or other remark on the candidate's score, or <c>null</c>.</param>
public sealed record RegressionRow(string ConversationId, string Label, int CandidateScore, string Candidate, int ActiveScore, string Active, string? Note)
{
    /// <summary>Whether the candidate's class differs from the active method's.</summary>
    public bool Flipped => !string.Equals(Candidate, Active, StringComparison.Ordinal);

    /// <summary>Whether the flip made the conversation right.</summary>
    public bool Fixed => Flipped && string.Equals(Candidate, Label, StringComparison.Ordinal);

    /// <summary>Whether the flip made a right conversation wrong.</summary>
    public bool Broke => Flipped && string.Equals(Active, Label, StringComparison.Ordinal);
}
