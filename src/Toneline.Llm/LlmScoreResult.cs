using Toneline.Core.Conversations;
using Toneline.Llm.Transcripts;

namespace Toneline.Llm;

/// <summary>An LLM engine's score with how it was obtained: tokens, cost, retries, dropped quotes, fallback.</summary>
/// <remarks>
/// When <see cref="FallbackReason"/> is set, <see cref="Score"/> came from the fallback (built-in)
/// engine and its <see cref="ConversationScore.Method"/> says so; tokens spent on failed attempts are
/// still counted in <see cref="Usage"/> and <see cref="Cost"/>.
/// </remarks>
public sealed record LlmScoreResult
{
    /// <summary>The score: the model's, or the fallback engine's when <see cref="FallbackReason"/> is set.</summary>
    public required ConversationScore Score { get; init; }

    /// <summary>Why the model's answer was not used, or <c>null</c> when it was.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>Whether the answer came from the cache (no request was sent).</summary>
    public bool FromCache { get; init; }

    /// <summary>Tokens spent on this conversation in this run, all attempts included.</summary>
    public TokenUsage Usage { get; init; }

    /// <summary>The cost of <see cref="Usage"/> at the configured prices.</summary>
    public decimal Cost { get; init; }

    /// <summary>HTTP requests sent, retries after 429/5xx/timeouts included.</summary>
    public int Requests { get; init; }

    /// <summary>Answers asked for: more than one when an answer was unparsable or out of range.</summary>
    public int AnswerAttempts { get; init; }

    /// <summary>Why each rejected answer was rejected, in order.</summary>
    public IReadOnlyList<string> RejectedAnswers { get; init; } = [];

    /// <summary>Evidence quotes that could not be found in the transcript and were dropped.</summary>
    public IReadOnlyList<string> DroppedQuotes { get; init; } = [];

    /// <summary>The turns left out of the prompt for length, or <c>null</c> when none were.</summary>
    public Truncation? Truncation { get; init; }

    /// <summary>Whether the score is the model's.</summary>
    public bool UsedLlm => FallbackReason is null;
}
