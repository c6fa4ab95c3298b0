using Toneline.Core.Conversations;

namespace Toneline.Core.Scoring;

/// <summary>Scores whole conversations: the contract the built-in and LLM engines share.</summary>
public interface IConversationScorer
{
    /// <summary>The method stamped on every score this scorer produces.</summary>
    ScoringMethod Method { get; }

    /// <summary>Scores one conversation.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="conversation"/> is null.</exception>
    ValueTask<ConversationScore> ScoreAsync(Conversation conversation, CancellationToken cancellationToken = default);
}
