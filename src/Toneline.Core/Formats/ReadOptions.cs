using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>How to read transcripts: the format and how to decide speaker roles.</summary>
public sealed record ReadOptions
{
    /// <summary>The format, or <see cref="TranscriptFormat.Auto"/> to detect it.</summary>
    public TranscriptFormat Format { get; init; } = TranscriptFormat.Auto;

    /// <summary>The speaker name that is the agent (case-insensitive), overriding the input and heuristics.</summary>
    public string? AgentName { get; init; }

    /// <summary>The audio channel or speaker number that is the agent, overriding the input and heuristics.</summary>
    public int? AgentChannel { get; init; }

    /// <summary>The channel to assume when the input does not say; <c>null</c> infers it from the format.</summary>
    public Channel? DefaultChannel { get; init; }
}
