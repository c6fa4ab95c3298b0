using System.Globalization;
using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>A conversation being read: metadata and raw turns, built into a <see cref="Conversation"/> at the end.</summary>
internal sealed class ConversationDraft
{
    public ConversationDraft(string source, int? line)
    {
        Source = source;
        Line = line;
    }

    public string Source { get; }

    /// <summary>The 1-based line the conversation starts on, for errors about it as a whole.</summary>
    public int? Line { get; }

    public string? Id { get; set; }

    public Channel? Channel { get; set; }

    public Direction Direction { get; set; } = Direction.Unknown;

    public DateTimeOffset? StartTime { get; set; }

    public double? DurationSeconds { get; set; }

    public string? AgentId { get; set; }

    public string? AgentName { get; set; }

    public string? Group { get; set; }

    public string? CustomerId { get; set; }

    public List<string> Topics { get; } = [];

    public string? Language { get; set; }

    public Dictionary<string, string> CustomFields { get; } = new(StringComparer.Ordinal);

    public List<RawTurn> Turns { get; } = [];

    /// <summary>Sets a metadata field given as text (text headers, CSV columns); unknown keys become custom fields.</summary>
    /// <exception cref="ReadErrorException">The value is not valid for the field.</exception>
    public void SetText(string key, string value, int? line, string? field = null)
    {
        value = value.Trim();
        field ??= key;
        if (value.Length == 0)
        {
            return;
        }

        switch (key.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_'))
        {
            case "id" or "conversation_id":
                Id = value;
                break;
            case "channel":
                Channel = MetadataValues.ParseChannel(value) ?? throw Error(line, field, $"expected one of call, chat, email, survey, social, got '{value}'");
                break;
            case "direction":
                Direction = MetadataValues.ParseDirection(value) ?? throw Error(line, field, $"expected one of inbound, outbound, internal, got '{value}'");
                break;
            case "start_time" or "started_at" or "start_date":
                StartTime = MetadataValues.ParseStartTime(value) ?? throw Error(line, field, $"expected an ISO 8601 date and time such as 2025-03-04T09:15:00Z, got '{value}'");
                break;
            case "duration_seconds" or "duration":
                DurationSeconds = TimeValues.TryParseSeconds(value, out var seconds)
                    ? seconds
                    : throw Error(line, field, $"expected seconds such as 312.5, got '{value}'");
                break;
            case "agent" or "agent_name":
                AgentName = value;
                break;
            case "agent_id":
                AgentId = value;
                break;
            case "group" or "team" or "queue":
                Group = value;
                break;
            case "customer_id" or "customer":
                CustomerId = value;
                break;
            case "topic" or "topics":
                foreach (var topic in MetadataValues.SplitTopics(value))
                {
                    if (!Topics.Contains(topic, StringComparer.Ordinal))
                    {
                        Topics.Add(topic);
                    }
                }

                break;
            case "language" or "lang":
                Language = value;
                break;
            default:
                CustomFields[key.Trim()] = value;
                break;
        }
    }

    public ReadErrorException Error(int? line, string? field, string message) => new(new ReadError(Source, line, field, message));

    /// <summary>Decides speaker roles and builds the conversation.</summary>
    /// <exception cref="ReadErrorException">The conversation has no turns with text.</exception>
    public Conversation Build(ReadOptions options, string fallbackId, Channel formatChannel)
    {
        var turns = Turns.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        var id = string.IsNullOrWhiteSpace(Id) ? fallbackId : Id.Trim();
        if (turns.Count == 0)
        {
            throw Error(Line, "turns", $"conversation '{id}' has no turns; expected at least one turn with text");
        }

        Agent? agent = AgentId is not null || AgentName is not null ? new Agent(AgentId ?? AgentName!, AgentName) : null;
        var (roles, roleSource) = SpeakerRoleResolver.Resolve(turns, options, agent);
        var built = new List<Turn>(turns.Count);
        for (var i = 0; i < turns.Count; i++)
        {
            var raw = turns[i];
            built.Add(new Turn(roles[i], raw.Text.Trim())
            {
                SpeakerName = string.IsNullOrWhiteSpace(raw.Label) ? null : raw.Label.Trim(),
                Start = raw.Start,
                End = raw.End,
            });
        }

        var lastEnd = built.Select(t => t.End ?? t.Start).Max();
        return new Conversation(id, built)
        {
            Channel = Channel ?? options.DefaultChannel ?? formatChannel,
            Direction = Direction,
            StartTime = StartTime,
            DurationSeconds = DurationSeconds ?? lastEnd,
            Agent = agent,
            Group = Group,
            CustomerId = CustomerId,
            Topics = [.. Topics],
            Language = Language,
            CustomFields = new Dictionary<string, string>(CustomFields, StringComparer.Ordinal),
            RoleSource = roleSource,
        };
    }

    /// <summary>Formats a number for a custom field the way it was likely written.</summary>
    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
