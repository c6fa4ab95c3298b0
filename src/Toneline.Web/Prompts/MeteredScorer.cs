using System.Collections.Concurrent;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Llm;

namespace Toneline.Web.Prompts;

/// <summary>Wraps a shared LLM scorer to count one run's tokens, cost and fallbacks (the scorer's own totals span every run).</summary>
internal sealed class MeteredScorer(LlmConversationScorer inner) : IConversationScorer
{
    private long _promptTokens;
    private long _completionTokens;
    private long _costMillionths;

    public ScoringMethod Method => inner.Method;

    public ConcurrentDictionary<string, string> Fallbacks { get; } = new(StringComparer.Ordinal);

    public TokenUsage Usage => new(Interlocked.Read(ref _promptTokens), Interlocked.Read(ref _completionTokens));

    public decimal Cost => Interlocked.Read(ref _costMillionths) / 1_000_000m;

    public async ValueTask<ConversationScore> ScoreAsync(Conversation conversation, CancellationToken cancellationToken = default)
    {
        var result = await inner.ScoreDetailedAsync(conversation, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _promptTokens, result.Usage.PromptTokens);
        Interlocked.Add(ref _completionTokens, result.Usage.CompletionTokens);
        Interlocked.Add(ref _costMillionths, (long)decimal.Round(result.Cost * 1_000_000m));
        if (result.FallbackReason is { } reason)
        {
            Fallbacks[conversation.Id] = reason;
        }

        return result.Score;
    }
}
