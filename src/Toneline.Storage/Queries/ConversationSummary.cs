using Toneline.Core.Conversations;

namespace Toneline.Storage.Queries;

/// <summary>A search hit: the conversation's metadata and current score, without its turns.</summary>
public sealed record ConversationSummary
{
    public required string Id { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public required Channel Channel { get; init; }

    public required Direction Direction { get; init; }

    public double? DurationSeconds { get; init; }

    public string? AgentId { get; init; }

    public string? AgentName { get; init; }

    public string? Group { get; init; }

    public string? CustomerId { get; init; }

    public required IReadOnlyList<string> Topics { get; init; }

    public int? Overall { get; init; }

    public ScoreBand? Band => Overall is { } score ? ScoreBands.Of(score) : null;

    public int? AgentScore { get; init; }

    public int? CustomerScore { get; init; }

    public Shift? Shift { get; init; }

    public bool? Resolved { get; init; }

    public string? Explanation { get; init; }

    public string? Method { get; init; }
}
