using System.Security.Claims;
using Toneline.Storage.Queries;

namespace Toneline.Web.Access;

/// <summary>Narrows what a supervisor asks for to the groups they supervise.</summary>
/// <remarks>
/// A supervisor's query with no group covers all of their groups (the filter's allowed groups), so
/// dashboards, search, reports and exports include every group they supervise; asking for one group
/// narrows to it, and a group outside their list is refused.
/// </remarks>
internal static class AccessScope
{
    /// <summary>The filter limited to what <paramref name="user"/> may see, or <c>null</c> when they may not see the asked group.</summary>
    public static ConversationFilter? Limit(ClaimsPrincipal user, ConversationFilter filter)
    {
        var groups = user.LimitedGroups();
        if (groups is null)
        {
            return filter;
        }

        if (groups.Count == 0)
        {
            return null;
        }

        if (filter.Group is not null)
        {
            return groups.Contains(filter.Group, StringComparer.Ordinal) ? filter : null;
        }

        IReadOnlyList<string> allowed = filter.Groups is { } asked ? [.. groups.Where(g => asked.Contains(g, StringComparer.Ordinal))] : groups;

        // One group is the same scope as asking for it, and keeps the drill-down at that group's agents.
        return allowed.Count == 1 ? filter with { Group = allowed[0], Groups = null } : filter with { Groups = allowed };
    }

    public static bool MaySee(ClaimsPrincipal user, string? group) =>
        user.LimitedGroups() is not { } groups || (group is not null && groups.Contains(group, StringComparer.Ordinal));
}
