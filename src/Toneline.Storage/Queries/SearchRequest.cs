namespace Toneline.Storage.Queries;

/// <summary>One page of a search: the filter, the order, and where the previous page ended.</summary>
/// <param name="After">The <see cref="SearchPage.Next"/> cursor of the previous page, or <c>null</c> for the first.</param>
public sealed record SearchRequest(ConversationFilter Filter, SortField Sort = SortField.StartTime, bool Descending = true, int Limit = 50, string? After = null);
