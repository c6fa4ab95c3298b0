using Microsoft.AspNetCore.Http.HttpResults;
using Toneline.Llm.Prompts;
using Toneline.Web.Access;
using Toneline.Web.Prompts;

namespace Toneline.Web.Api;

/// <summary>When each LLM prompt version became active and who activated it, for marking charts; no prompt text.</summary>
internal static class PromptActivationsApi
{
    public static IEndpointRouteBuilder MapPromptActivationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/prompt-activations", List)
            .WithTags("Prompts")
            .WithSummary("Prompt activations (version, when, who) from 'from' to 'to' (UTC days, inclusive; default: all); no prompt text")
            .RequireAuthorization(AccessExtensions.ReadPolicy);
        return routes;
    }

    // Any signed-in user may read this: supervisors need it to explain jumps in the score trend, while
    // the prompt texts stay behind the admin-only /api/prompts.
    private static Results<Ok<IReadOnlyList<PromptActivation>>, ValidationProblem> List(string? from, string? to, PromptLab lab)
    {
        var parser = new FilterParser();
        var first = parser.Date("from", from);
        var last = parser.Date("to", to);
        if (first > last)
        {
            parser.Add("to", "must be on or after 'from'.");
        }

        if (parser.HasErrors)
        {
            return TypedResults.ValidationProblem(parser.Errors, title: "The request has bad criteria");
        }

        IReadOnlyList<PromptActivation> activations = [.. lab.Store.Activations().Where(a =>
        {
            var day = DateOnly.FromDateTime(a.ActivatedAt.UtcDateTime);
            return (first is null || day >= first) && (last is null || day <= last);
        })];
        return TypedResults.Ok(activations);
    }
}
