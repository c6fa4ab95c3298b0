using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>A turn as a reader found it, before speaker roles are decided.</summary>
internal sealed class RawTurn
{
    /// <summary>The speaker's name or label as the input gave it, when it gave one.</summary>
    public string? Label { get; set; }

    /// <summary>The role, when the input named it ("agent", <c>ParticipantRole</c>...).</summary>
    public SpeakerRole? InputRole { get; set; }

    /// <summary>The audio channel or speaker number, when the input gave one (for <see cref="ReadOptions.AgentChannel"/>).</summary>
    public int? Number { get; set; }

    public string Text { get; set; } = string.Empty;

    public double? Start { get; set; }

    public double? End { get; set; }

    /// <summary>The 1-based line the turn starts on, when known.</summary>
    public int? Line { get; set; }
}
