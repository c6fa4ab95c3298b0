using System.Security.Claims;
using Toneline.Storage.Queries;

namespace Toneline.Web.Access;

/// <summary>Narrows what a supervisor asks for to the groups they supervise.</summary>
/// <remarks>
/// The query service filters on one group at a time, so a supervisor's query with no group is
/// answered for their first group; the pages offer their other groups to switch to.
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

        if (filter.Group is null)
        {
            return filter with { Group = groups[0] };
        }

        return groups.Contains(filter.Group, StringComparer.Ordinal) ? filter : null;
    }

    public static bool MaySee(ClaimsPrincipal user, string? group) =>
        user.LimitedGroups() is not { } groups || (group is not null && groups.Contains(group, StringComparer.Ordinal));
}
