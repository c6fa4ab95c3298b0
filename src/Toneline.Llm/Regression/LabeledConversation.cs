using Toneline.Core.Conversations;

namespace Toneline.Llm.Regression;

/// <summary>A conversation with a human label: a band name or negative/neutral/positive.</summary>
public sealed record LabeledConversation(Conversation Conversation, string Label);
