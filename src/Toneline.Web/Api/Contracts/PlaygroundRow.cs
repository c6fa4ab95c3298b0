namespace Toneline.Web.Api.Contracts;

/// <summary>One conversation: its current stored score beside the LLM's, or why it could not be run.</summary>
internal sealed record PlaygroundRow(string Id, ScoreSummary? Current, LlmResultDetail? Llm, string? Error);
