namespace Toneline.Web.Api.Contracts;

/// <summary>A user to create or replace.</summary>
internal sealed record NewUser(string? Name, string? Password, string? Role, IReadOnlyList<string>? Groups);
