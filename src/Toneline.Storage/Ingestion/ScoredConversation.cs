using Toneline.Core.Conversations;

namespace Toneline.Storage.Ingestion;

/// <summary>A conversation with the score to store for it.</summary>
public sealed record ScoredConversation(Conversation Conversation, ConversationScore Score);
