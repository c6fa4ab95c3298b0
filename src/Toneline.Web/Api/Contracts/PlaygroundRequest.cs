namespace Toneline.Web.Api.Contracts;

/// <summary>Run a saved version (<see cref="Version"/>) or a draft on stored conversations.</summary>
internal sealed record PlaygroundRequest(int? Version, NewPromptVersion? Draft, IReadOnlyList<string>? ConversationIds);
