namespace Toneline.Llm;

/// <summary>Running totals for one run of an LLM scorer: safe to update from concurrent scoring.</summary>
public sealed class LlmRunTotals
{
    private long _conversations;
    private long _cacheHits;
    private long _fallbacks;
    private long _requests;
    private long _promptTokens;
    private long _completionTokens;
    private long _truncated;
    private long _droppedQuotes;

    /// <summary>Conversations scored.</summary>
    public long Conversations => Interlocked.Read(ref _conversations);

    /// <summary>Conversations answered from the cache.</summary>
    public long CacheHits => Interlocked.Read(ref _cacheHits);

    /// <summary>Conversations that fell back to the built-in engine.</summary>
    public long Fallbacks => Interlocked.Read(ref _fallbacks);

    /// <summary>HTTP requests sent, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Conversations whose transcript was truncated.</summary>
    public long Truncated => Interlocked.Read(ref _truncated);

    /// <summary>Evidence quotes dropped because they were not in the transcript.</summary>
    public long DroppedQuotes => Interlocked.Read(ref _droppedQuotes);

    /// <summary>Tokens spent.</summary>
    public TokenUsage Usage => new(Interlocked.Read(ref _promptTokens), Interlocked.Read(ref _completionTokens));

    /// <summary>Adds one conversation's result.</summary>
    public void Add(LlmScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Interlocked.Increment(ref _conversations);
        Interlocked.Add(ref _requests, result.Requests);
        Interlocked.Add(ref _promptTokens, result.Usage.PromptTokens);
        Interlocked.Add(ref _completionTokens, result.Usage.CompletionTokens);
        Interlocked.Add(ref _droppedQuotes, result.DroppedQuotes.Count);
        if (result.FromCache)
        {
            Interlocked.Increment(ref _cacheHits);
        }

        if (!result.UsedLlm)
        {
            Interlocked.Increment(ref _fallbacks);
        }

        if (result.Truncation is not null)
        {
            Interlocked.Increment(ref _truncated);
        }
    }

    /// <summary>The cost of <see cref="Usage"/> at the given options' prices.</summary>
    public decimal CostAt(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.CostOf(Usage);
    }
}
