using Toneline.Core.Conversations;

namespace Toneline.Cli.Evaluation;

/// <summary>A whole labeled dialogue: its turns and the gold labels given for the conversation, each optional.</summary>
/// <param name="Key">The dialogue's id: it decides its fold, so no dialogue is split across train and test.</param>
/// <param name="Conversation">The turns to score.</param>
/// <param name="Labels">Gold labels by aspect (<see cref="ConversationAspects"/>); an aspect the line did not label is absent.</param>
internal sealed record LabeledConversation(string Key, Conversation Conversation, IReadOnlyDictionary<string, string> Labels);
