using System.Security.Claims;

namespace Toneline.Web.Access;

/// <summary>The claims a signed-in user carries: name, role, and the groups a supervisor sees.</summary>
internal static class AccessClaims
{
    public const string Group = "toneline:group";

    public static ClaimsIdentity For(WebUser user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role) };
        claims.AddRange(user.Groups.Select(g => new Claim(Group, g)));
        return new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role);
    }

    /// <summary>The groups a supervisor is limited to, or <c>null</c> when the user sees every group.</summary>
    public static IReadOnlyList<string>? LimitedGroups(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) ? [.. user.FindAll(Group).Select(c => c.Value)] : null;
}
