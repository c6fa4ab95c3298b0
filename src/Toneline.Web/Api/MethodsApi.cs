using Toneline.Core.Scoring;
using Toneline.Web.Access;
using Toneline.Web.Api.Contracts;

namespace Toneline.Web.Api;

/// <summary>The scoring methods this server scores with.</summary>
internal static class MethodsApi
{
    public static IEndpointRouteBuilder MapMethodsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/scoring-methods", (IConversationScorer scorer) => TypedResults.Ok<IReadOnlyList<ScoringMethodInfo>>(
            [
                new("builtin", scorer.Method.ToString(), UsedForIngest: true, "The built-in lexicon and rules engine: deterministic and explainable."),
                new("llm", "llm / MODEL@pN / HASH", UsedForIngest: false, "An OpenAI-compatible model; score and re-score with 'toneline llm' (docs/llm.md). Its stored scores show here like any other."),
            ]))
            .WithTags("Scoring").WithSummary("Scoring methods").RequireAuthorization(AccessExtensions.ReadPolicy);
        return routes;
    }
}
