namespace Toneline.Web.Api.Contracts;

/// <summary>Run a saved version or a draft on a labeled set (JSONL text) against the active prompt or the built-in engine.</summary>
internal sealed record RegressionRequest(int? Version, NewPromptVersion? Draft, string? Against, string? Set);
