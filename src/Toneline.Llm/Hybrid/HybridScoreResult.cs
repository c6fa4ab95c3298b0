using Toneline.Core.Conversations;

namespace Toneline.Llm.Hybrid;

/// <summary>A hybrid score: the built-in one, and the LLM's when the built-in engine was unsure.</summary>
/// <param name="Score">The score kept: the LLM's when it was asked and answered, else the built-in one.</param>
/// <param name="BuiltIn">The built-in engine's score.</param>
/// <param name="Uncertainty">Why the LLM was asked, or <see cref="Uncertainty.None"/>.</param>
/// <param name="Llm">The LLM's result when it was asked.</param>
public sealed record HybridScoreResult(ConversationScore Score, ConversationScore BuiltIn, Uncertainty Uncertainty, LlmScoreResult? Llm);
