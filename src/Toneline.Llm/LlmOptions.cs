namespace Toneline.Llm;

/// <summary>How to reach an OpenAI-compatible chat-completions server and what a call may cost.</summary>
/// <remarks>
/// <see cref="Endpoint"/> is the API base that ends before <c>chat/completions</c>, such as
/// <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c> (Ollama) or
/// <c>https://RESOURCE.openai.azure.com/openai/v1/</c> (Azure OpenAI). Costs are in the currency the
/// price list uses, per 1,000 tokens.
/// </remarks>
public sealed record LlmOptions
{
    /// <summary>The API base URL.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The model name (or Azure deployment name).</summary>
    public required string Model { get; init; }

    /// <summary>The API key; local servers usually accept any value.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Sampling temperature; 0 keeps answers as repeatable as the server allows.</summary>
    public float Temperature { get; init; }

    /// <summary>How long one request may take before it is abandoned and retried.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many requests may be in flight at once, across all conversations.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Retries of one request after a 429, a 5xx, a network error or a timeout.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait a server's <c>Retry-After</c> header is honored for.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many answers are asked for when an answer is unparsable or out of range.</summary>
    public int MaxAnswerAttempts { get; init; } = 2;

    /// <summary>The transcript's token budget, estimated at 4 characters a token (see docs/llm.md).</summary>
    public int MaxTranscriptTokens { get; init; } = 6000;

    /// <summary>The most tokens the answer may use.</summary>
    public int MaxOutputTokens { get; init; } = 800;

    /// <summary>How the JSON answer is requested from the server.</summary>
    public LlmResponseFormat ResponseFormat { get; init; } = LlmResponseFormat.JsonSchema;

    /// <summary>Price of 1,000 prompt (input) tokens.</summary>
    public decimal PromptCostPer1kTokens { get; init; }

    /// <summary>Price of 1,000 completion (output) tokens.</summary>
    public decimal CompletionCostPer1kTokens { get; init; }

    /// <summary>A folder for the on-disk answer cache, or <c>null</c> to cache in memory only.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Checks the options and says which one is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Endpoint);
        if (!Endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"Endpoint '{Endpoint}' must be an absolute URL such as http://localhost:11434/v1.", nameof(Endpoint));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Model);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAnswerAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTranscriptTokens, 200);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(PromptCostPer1kTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(CompletionCostPer1kTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(Temperature, 0f);
    }

    /// <summary>The cost of the given token counts at these options' prices.</summary>
    public decimal CostOf(TokenUsage usage) =>
        (usage.PromptTokens * PromptCostPer1kTokens + usage.CompletionTokens * CompletionCostPer1kTokens) / 1000m;
}
