namespace Toneline.Core.Conversations;

/// <summary>One speaker's uninterrupted contribution to a conversation.</summary>
/// <remarks>
/// <see cref="Start"/> and <see cref="End"/> are seconds from the start of the conversation and are
/// optional: chats and plain-text transcripts often have none.
/// </remarks>
public sealed record Turn
{
    /// <summary>Creates a turn.</summary>
    public Turn(SpeakerRole role, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Role = role;
        Text = text;
    }

    /// <summary>The side this turn belongs to.</summary>
    public SpeakerRole Role { get; init; }

    /// <summary>The speaker's name or label as the input gave it (<c>"Dana"</c>, <c>"spk_0"</c>).</summary>
    public string? SpeakerName { get; init; }

    /// <summary>What was said or written.</summary>
    public string Text { get; init; }

    /// <summary>Seconds from the start of the conversation when the turn began, when known.</summary>
    public double? Start { get; init; }

    /// <summary>Seconds from the start of the conversation when the turn ended, when known.</summary>
    public double? End { get; init; }
}
