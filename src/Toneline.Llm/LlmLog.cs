using Microsoft.Extensions.Logging;

namespace Toneline.Llm;

/// <summary>Source-generated log messages of the LLM engine.</summary>
internal static partial class LlmLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Request for conversation {ConversationId} failed ({Reason}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string conversationId, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Answer for conversation {ConversationId} rejected: {Reason}")]
    public static partial void AnswerRejected(ILogger logger, string conversationId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Conversation {ConversationId} fell back to {Engine}: {Reason}")]
    public static partial void FellBack(ILogger logger, string conversationId, string engine, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Conversation {ConversationId} truncated: {Truncation}")]
    public static partial void Truncated(ILogger logger, string conversationId, string truncation);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Conversation {ConversationId}: quote not found in the transcript, dropped: {Quote}")]
    public static partial void QuoteDropped(ILogger logger, string conversationId, string quote);
}
