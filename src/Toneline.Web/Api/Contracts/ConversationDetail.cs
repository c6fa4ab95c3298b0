using Toneline.Core.Conversations;
using Toneline.Storage.Ingestion;

namespace Toneline.Web.Api.Contracts;

/// <summary>A stored conversation with its turns and current score, as the API and the detail page read it.</summary>
internal sealed record ConversationDetail(
    string Id,
    Channel Channel,
    Direction Direction,
    DateTimeOffset? StartTime,
    double? DurationSeconds,
    string? AgentId,
    string? AgentName,
    string? Group,
    string? CustomerId,
    IReadOnlyList<string> Topics,
    string? Language,
    IReadOnlyDictionary<string, string> CustomFields,
    IReadOnlyList<TurnDetail> Turns,
    ScoreDetail? Score,
    IReadOnlyList<OtherScore> OtherScores)
{
    public static ConversationDetail From(StoredConversation stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var c = stored.Conversation;
        var current = stored.Current;
        var turnScores = current?.Turns.ToDictionary(t => t.TurnIndex) ?? [];
        var turns = c.Turns.Select((t, i) =>
        {
            turnScores.TryGetValue(i, out var s);
            return new TurnDetail(i, t.Role, t.SpeakerName, t.Text, t.Start, t.End, s is null ? null : ScoreBands.ToHundred(s.Score), s?.Label);
        }).ToList();
        return new ConversationDetail(
            c.Id, c.Channel, c.Direction, c.StartTime, c.DurationSeconds, c.Agent?.Id, c.Agent?.Name, c.Group, c.CustomerId,
            c.Topics, c.Language, c.CustomFields, turns,
            current is null ? null : ScoreDetail.From(current),
            [.. stored.Scores.Where(s => !s.IsCurrent).Select(s => new OtherScore(s.Method.ToString(), s.Overall, ScoreBands.Of(s.Overall), s.ScoredAt))]);
    }
}
