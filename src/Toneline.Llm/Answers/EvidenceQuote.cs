namespace Toneline.Llm.Answers;

/// <summary>A quote the model gave as evidence.</summary>
/// <param name="Quote">The words, meant to be verbatim.</param>
/// <param name="Weight">+1 when it pushed the score up, -1 when down, 0 when the model did not say.</param>
internal sealed record EvidenceQuote(string Quote, double Weight);
