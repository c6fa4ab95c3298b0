namespace Toneline.Llm.Answers;

/// <summary>A model's answer after it parsed and every score was in range.</summary>
internal sealed record LlmAnswer(
    int Overall,
    int Agent,
    int Customer,
    int CustomerStart,
    int CustomerEnd,
    bool Resolved,
    string Explanation,
    IReadOnlyList<EvidenceQuote> AgentEvidence,
    IReadOnlyList<EvidenceQuote> CustomerEvidence);
