namespace Toneline.Web.Access;

/// <summary>Someone who may sign in: a role and, for supervisors, the groups they see.</summary>
internal sealed record WebUser(string Name, string Role, IReadOnlyList<string> Groups, string PasswordHash);
