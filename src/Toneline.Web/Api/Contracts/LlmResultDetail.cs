using Toneline.Core.Conversations;
using Toneline.Llm;

namespace Toneline.Web.Api.Contracts;

/// <summary>An LLM result with how it was obtained: highlights, fallback reason, tokens and cost.</summary>
internal sealed record LlmResultDetail(
    ScoreSummary Score,
    Shift Shift,
    bool? Resolved,
    IReadOnlyList<Highlight> Highlights,
    bool UsedLlm,
    string? FallbackReason,
    bool FromCache,
    long PromptTokens,
    long CompletionTokens,
    decimal Cost,
    int Requests,
    IReadOnlyList<string> DroppedQuotes,
    string? Truncation)
{
    public static LlmResultDetail From(LlmScoreResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(ScoreSummary.From(r.Score), r.Score.Shift, r.Score.Resolved, r.Score.Highlights, r.UsedLlm, r.FallbackReason, r.FromCache,
            r.Usage.PromptTokens, r.Usage.CompletionTokens, r.Cost, r.Requests, r.DroppedQuotes, r.Truncation?.ToString());
    }
}
