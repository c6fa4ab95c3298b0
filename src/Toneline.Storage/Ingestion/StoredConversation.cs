using Toneline.Core.Conversations;

namespace Toneline.Storage.Ingestion;

/// <summary>A conversation as stored, with every score kept for it, the current one first.</summary>
public sealed record StoredConversation(Conversation Conversation, IReadOnlyList<StoredScore> Scores)
{
    /// <summary>The score dashboards show, or <c>null</c> when it was never scored.</summary>
    public StoredScore? Current => Scores.FirstOrDefault(s => s.IsCurrent);
}
