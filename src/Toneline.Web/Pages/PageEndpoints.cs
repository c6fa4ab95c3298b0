using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Toneline.Web.Access;
using Toneline.Web.Hosting;

namespace Toneline.Web.Pages;

/// <summary>Sign-in and the pages: each is an HTML shell that its script fills from the REST API.</summary>
internal static class PageEndpoints
{
    public static IEndpointRouteBuilder MapTonelinePages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/static/{**path}", StaticAssets.Serve).AllowAnonymous().ExcludeFromDescription();
        routes.MapGet("/login", (HttpContext c, string? returnUrl, string? failed) => LoginPage(c, returnUrl, failed is not null)).AllowAnonymous().ExcludeFromDescription();
        routes.MapPost("/login", SignInAsync).AllowAnonymous().DisableAntiforgery().WithTags("Users")
            .WithSummary("Sign in with a form (name, password, returnUrl); sets the session cookie");
        routes.MapPost("/logout", async (HttpContext c) =>
        {
            await c.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/login");
        }).DisableAntiforgery().ExcludeFromDescription();

        var pages = routes.MapGroup(string.Empty).ExcludeFromDescription();
        pages.MapGet("/", (HttpContext c) => PageLayout.Render(c, "Dashboard", "dashboard", "<h1>Dashboard</h1><div id=\"filters\"></div><div id=\"app\">Loading…</div>", charts: true));
        pages.MapGet("/conversations", (HttpContext c) => PageLayout.Render(c, "Conversations", "conversations", "<h1>Conversations</h1><div id=\"filters\"></div><div id=\"app\">Loading…</div>"));
        pages.MapGet("/conversations/{id}", (HttpContext c, string id) => PageLayout.Render(c, "Conversation " + id, "conversation", "<div id=\"app\" data-id=\"" + PageLayout.Encode(id) + "\">Loading…</div>", charts: true));
        pages.MapGet("/search", (HttpContext c) => PageLayout.Render(c, "Advanced search", "search", "<h1>Advanced search</h1><div id=\"app\"></div>"));
        pages.MapGet("/heatmap", (HttpContext c) => PageLayout.Render(c, "Heatmap", "heatmap", "<h1>Heatmap</h1><div id=\"filters\"></div><div id=\"app\">Loading…</div>"));
        pages.MapGet("/reports", (HttpContext c) => PageLayout.Render(c, "Reports", "reports", "<h1>Call summary</h1><div id=\"filters\"></div><div id=\"app\">Loading…</div>"));
        pages.MapGet("/prompts", (HttpContext c) => PageLayout.Render(c, "Prompts", "prompts", "<h1>LLM prompts</h1><div id=\"app\">Loading…</div>"))
            .RequireAuthorization(AccessExtensions.AdminPolicy);
        pages.MapGet("/users", (HttpContext c) => PageLayout.Render(c, "Users", "users", "<h1>Users and API keys</h1><div id=\"app\">Loading…</div>"))
            .RequireAuthorization(AccessExtensions.AdminPolicy);
        return routes;
    }

    private static IResult LoginPage(HttpContext context, string? returnUrl, bool failed)
    {
        var body = "<section class=\"login\"><h1>Sign in to Toneline</h1>"
            + (failed ? "<p class=\"error\" role=\"alert\">Wrong name or password.</p>" : string.Empty)
            + "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"returnUrl\" value=\"" + PageLayout.Encode(returnUrl) + "\">"
            + "<label>Name <input name=\"name\" autocomplete=\"username\" required autofocus></label>"
            + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required></label>"
            + "<button type=\"submit\">Sign in</button></form></section>";
        return PageLayout.Render(context, "Sign in", "login", body);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, UserStore users, ILogger<TonelineWebOptions> logger)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        var returnUrl = form["returnUrl"].ToString();
        var user = name.Length == 0 ? null : await users.FindAsync(name, context.RequestAborted).ConfigureAwait(false);
        if (user is null || !PasswordHasher.Verify(form["password"].ToString(), user.PasswordHash))
        {
            WebLog.SignInFailed(logger, name);
            return Results.Redirect("/login?failed=1&returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(AccessClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme))).ConfigureAwait(false);
        WebLog.SignedIn(logger, user.Name);
        // Only local paths: an open redirect would let a link send people elsewhere after signing in.
        var local = returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal);
        return Results.Redirect(local ? returnUrl : "/");
    }
}
