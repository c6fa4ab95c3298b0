using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Toneline.Web.Access;
using Toneline.Web.Api.Contracts;

namespace Toneline.Web.Api;

/// <summary>Users and API keys (admins only), and who am I.</summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/me", (ClaimsPrincipal user) => TypedResults.Ok(new UserInfo(
                user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role) ?? Roles.Viewer, user.LimitedGroups() ?? [])))
            .WithTags("Users").WithSummary("The signed-in user").RequireAuthorization(AccessExtensions.ReadPolicy);

        var group = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization(AccessExtensions.AdminPolicy);
        group.MapGet("/", async (UserStore users, CancellationToken ct) =>
            TypedResults.Ok((await users.ListAsync(ct).ConfigureAwait(false)).Select(u => new UserInfo(u.Name, u.Role, u.Groups)).ToList()))
            .WithSummary("Every user");
        group.MapPost("/", SaveAsync).WithSummary("Create a user or replace their password, role and groups");
        group.MapPost("/{name}/api-keys", async Task<Results<Ok<NewApiKey>, ProblemHttpResult>> (string name, string? label, UserStore users, CancellationToken ct) =>
        {
            if (await users.FindAsync(name, ct).ConfigureAwait(false) is null)
            {
                return TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"No user '{name}'; create the user first.");
            }

            var l = string.IsNullOrWhiteSpace(label) ? "integration" : label.Trim();
            return TypedResults.Ok(new NewApiKey(name, l, await users.CreateApiKeyAsync(name, l, ct).ConfigureAwait(false)));
        }).WithSummary("A new API key acting as this user (send it as X-Api-Key)");
        return routes;
    }

    private static async Task<Results<Ok<UserInfo>, ValidationProblem>> SaveAsync(NewUser body, UserStore users, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 64)
        {
            errors["name"] = ["name is required, 1 to 64 characters."];
        }

        if (body.Password is null || body.Password.Length < 8)
        {
            errors["password"] = ["password must have at least 8 characters."];
        }

        if (body.Role is null || !Roles.IsKnown(body.Role))
        {
            errors["role"] = [$"role must be one of {string.Join(", ", Roles.All)}."];
        }

        var groups = body.Groups?.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).ToList() ?? [];
        if (body.Role == Roles.Supervisor && groups.Count == 0)
        {
            errors["groups"] = ["a supervisor needs at least one group."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The user has bad fields");
        }

        await users.SaveAsync(body.Name!.Trim(), body.Password!, body.Role!, groups, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new UserInfo(body.Name.Trim(), body.Role!, groups));
    }
}
