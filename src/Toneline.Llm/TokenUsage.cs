namespace Toneline.Llm;

/// <summary>Tokens spent on one or more requests, as the server reported them.</summary>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
public readonly record struct TokenUsage(long PromptTokens, long CompletionTokens)
{
    /// <summary>No tokens.</summary>
    public static TokenUsage None => default;

    /// <summary>Input and output tokens together.</summary>
    public long TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>Adds two usages.</summary>
    public static TokenUsage operator +(TokenUsage left, TokenUsage right) =>
        new(left.PromptTokens + right.PromptTokens, left.CompletionTokens + right.CompletionTokens);

    /// <summary>Adds two usages.</summary>
    public static TokenUsage Add(TokenUsage left, TokenUsage right) => left + right;
}
