namespace Toneline.Storage.Queries;

/// <summary>A page of search results and the cursor of the next page (<c>null</c> on the last page).</summary>
public sealed record SearchPage(IReadOnlyList<ConversationSummary> Items, string? Next);
