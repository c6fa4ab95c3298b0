namespace Toneline.Core.Conversations;

/// <summary>A call, chat, email thread or survey answer between an agent and a customer.</summary>
/// <remarks>Metadata fields are optional; only <see cref="Id"/> and <see cref="Turns"/> are required to score.</remarks>
public sealed record Conversation
{
    /// <summary>Creates a conversation.</summary>
    public Conversation(string id, IReadOnlyList<Turn> turns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(turns);
        Id = id;
        Turns = turns;
    }

    /// <summary>A stable identifier; re-importing the same id updates the conversation.</summary>
    public string Id { get; init; }

    /// <summary>The medium.</summary>
    public Channel Channel { get; init; } = Channel.Call;

    /// <summary>Who started the conversation.</summary>
    public Direction Direction { get; init; } = Direction.Unknown;

    /// <summary>When the conversation started, when known.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Length in seconds, when known; derived from turn times when the input has none.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>The agent who handled it, when known.</summary>
    public Agent? Agent { get; init; }

    /// <summary>The agent's team or queue, when known.</summary>
    public string? Group { get; init; }

    /// <summary>The customer's identifier, when known.</summary>
    public string? CustomerId { get; init; }

    /// <summary>Topics or categories assigned upstream (billing, cancellation...).</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>An IETF language tag such as <c>en</c> or <c>en-US</c>, when known.</summary>
    public string? Language { get; init; }

    /// <summary>Any other metadata the input carried, kept as text.</summary>
    public IReadOnlyDictionary<string, string> CustomFields { get; init; } = new Dictionary<string, string>();

    /// <summary>How the speaker roles were decided.</summary>
    public RoleSource RoleSource { get; init; } = RoleSource.Input;

    /// <summary>The turns in the order they happened.</summary>
    public IReadOnlyList<Turn> Turns { get; init; }
}
