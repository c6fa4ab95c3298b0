using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Toneline.Web.Access;

namespace Toneline.Web.Pages;

/// <summary>The HTML around every page: navigation, the signed-in user, and the page's script.</summary>
/// <remarks>Every value written here goes through <see cref="HtmlEncoder"/>; pages fill themselves with
/// DOM text nodes, never raw HTML, because transcripts and names are untrusted.</remarks>
internal static class PageLayout
{
    private static readonly (string Href, string Label)[] Navigation =
    [
        ("/", "Dashboard"), ("/conversations", "Conversations"), ("/search", "Advanced search"), ("/heatmap", "Heatmap"), ("/reports", "Reports"),
    ];

    private static readonly (string Href, string Label)[] AdminNavigation = [("/prompts", "Prompts"), ("/users", "Users")];

    public static IResult Render(HttpContext context, string title, string page, string body, bool charts = false)
    {
        var e = HtmlEncoder.Default;
        var user = context.User;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(e.Encode(title)).Append(" · Toneline</title><link rel=\"stylesheet\" href=\"/static/app.css\"></head>");
        html.Append("<body data-page=\"").Append(e.Encode(page)).Append("\" data-user=\"").Append(e.Encode(user.Identity?.Name ?? string.Empty)).Append("\">");
        if (user.Identity?.IsAuthenticated == true)
        {
            html.Append("<header class=\"top\"><a class=\"brand\" href=\"/\">Toneline</a><nav>");
            foreach (var (href, label) in Navigation)
            {
                var current = context.Request.Path.Equals(href, StringComparison.Ordinal) ? " aria-current=\"page\"" : string.Empty;
                html.Append("<a href=\"").Append(e.Encode(href)).Append('"').Append(current).Append('>').Append(e.Encode(label)).Append("</a>");
            }

            if (user.IsInRole(Roles.Admin))
            {
                foreach (var (href, label) in AdminNavigation)
                {
                    var current = context.Request.Path.Equals(href, StringComparison.Ordinal) ? " aria-current=\"page\"" : string.Empty;
                    html.Append("<a href=\"").Append(href).Append('"').Append(current).Append('>').Append(label).Append("</a>");
                }
            }

            html.Append("</nav><form method=\"post\" action=\"/logout\" class=\"who\"><span>").Append(e.Encode(user.Identity.Name ?? string.Empty))
                .Append(" · ").Append(e.Encode(user.FindFirstValue(ClaimTypes.Role) ?? string.Empty))
                .Append("</span><button type=\"submit\">Sign out</button></form></header>");
        }

        html.Append("<main>").Append(body).Append("</main>");
        if (charts)
        {
            html.Append("<script src=\"/static/lib/echarts.min.js\"></script>");
        }

        html.Append("<script src=\"/static/app.js\"></script>");
        html.Append("<script src=\"/static/").Append(e.Encode(page)).Append(".js\"></script></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);
}
