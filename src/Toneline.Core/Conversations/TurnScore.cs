using Toneline.Core.Scoring;

namespace Toneline.Core.Conversations;

/// <summary>The sentiment of one turn of a conversation.</summary>
/// <param name="TurnIndex">Zero-based index into <see cref="Conversation.Turns"/>.</param>
/// <param name="Role">The speaker's side.</param>
/// <param name="Sentiment">The turn's sentiment with evidence; offsets are into the turn's text.</param>
public sealed record TurnScore(int TurnIndex, SpeakerRole Role, TextSentiment Sentiment);
