namespace Toneline.Web.Access;

/// <summary>The roles of the web app.</summary>
/// <remarks>Admins see everything and manage users and ingestion; supervisors read the conversations of
/// their groups; viewers read everything and change nothing.</remarks>
internal static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Viewer = "viewer";

    public static readonly string[] All = [Admin, Supervisor, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
