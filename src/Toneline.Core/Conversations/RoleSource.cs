namespace Toneline.Core.Conversations;

/// <summary>How the speaker roles of a conversation were decided.</summary>
public enum RoleSource
{
    /// <summary>The input named the roles (for example Amazon Transcribe's <c>ParticipantRole</c>).</summary>
    Input,

    /// <summary>A mapping option named the agent (<c>--agent "Dana"</c>, <c>--agent-channel 0</c>).</summary>
    Mapping,

    /// <summary>
    /// A heuristic picked the agent: the side that says "thank you for calling", "how can I help"
    /// and similar service phrases.
    /// </summary>
    Heuristic,
}
