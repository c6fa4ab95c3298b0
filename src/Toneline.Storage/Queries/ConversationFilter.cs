using Toneline.Core.Conversations;
using Toneline.Storage.Database;

namespace Toneline.Storage.Queries;

/// <summary>Which conversations a query looks at; every criterion left null matches everything.</summary>
/// <remarks>Dates are UTC calendar days of the conversation's start, both ends included.</remarks>
public sealed record ConversationFilter
{
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int? MinOverall { get; init; }

    public int? MaxOverall { get; init; }

    public int? MinAgent { get; init; }

    public int? MaxAgent { get; init; }

    public int? MinCustomer { get; init; }

    public int? MaxCustomer { get; init; }

    public IReadOnlyList<ScoreBand>? Bands { get; init; }

    public IReadOnlyList<ScoreBand>? AgentBands { get; init; }

    public IReadOnlyList<ScoreBand>? CustomerBands { get; init; }

    public IReadOnlyList<Shift>? Shifts { get; init; }

    public IReadOnlyList<Channel>? Channels { get; init; }

    public IReadOnlyList<Direction>? Directions { get; init; }

    public double? MinDurationSeconds { get; init; }

    public double? MaxDurationSeconds { get; init; }

    public string? AgentId { get; init; }

    public string? Group { get; init; }

    /// <summary>The groups a conversation must be in, as for a supervisor of several groups.</summary>
    /// <remarks>
    /// Applies together with <see cref="Group"/> (both must hold); an empty list matches no conversation,
    /// so an empty set of allowed groups never widens to everything.
    /// </remarks>
    public IReadOnlyList<string>? Groups { get; init; }

    public string? Topic { get; init; }

    public string? CustomerId { get; init; }

    /// <summary>Words that must all appear (case-insensitive, whole words).</summary>
    public string? Text { get; init; }

    public TextTarget TextIn { get; init; } = TextTarget.Any;
}
