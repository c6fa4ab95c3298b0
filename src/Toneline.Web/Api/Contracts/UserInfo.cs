namespace Toneline.Web.Api.Contracts;

/// <summary>A user without the password hash.</summary>
internal sealed record UserInfo(string Name, string Role, IReadOnlyList<string> Groups);
