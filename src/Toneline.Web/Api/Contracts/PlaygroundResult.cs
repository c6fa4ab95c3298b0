namespace Toneline.Web.Api.Contracts;

/// <summary>A playground run: the method run, one row per conversation, and what it cost.</summary>
internal sealed record PlaygroundResult(string Method, IReadOnlyList<PlaygroundRow> Rows, long PromptTokens, long CompletionTokens, decimal Cost);
