using System.CommandLine;
using Toneline.Core.Conversations;
using Toneline.Storage.Database;
using Toneline.Storage.Queries;

namespace Toneline.Cli.Storage;

/// <summary>The filter options every query verb takes, and the <see cref="ConversationFilter"/> they make.</summary>
internal sealed class FilterOptions
{
    private readonly Option<DateOnly?> _from = new("--from") { Description = "First day (yyyy-mm-dd, UTC), included." };
    private readonly Option<DateOnly?> _to = new("--to") { Description = "Last day (yyyy-mm-dd, UTC), included." };
    private readonly Option<int?> _minScore = new("--min-score") { Description = "Lowest overall score, -100..100." };
    private readonly Option<int?> _maxScore = new("--max-score") { Description = "Highest overall score, -100..100." };
    private readonly Option<int?> _minAgent = new("--min-agent-score") { Description = "Lowest agent score." };
    private readonly Option<int?> _maxAgent = new("--max-agent-score") { Description = "Highest agent score." };
    private readonly Option<int?> _minCustomer = new("--min-customer-score") { Description = "Lowest customer score." };
    private readonly Option<int?> _maxCustomer = new("--max-customer-score") { Description = "Highest customer score." };
    private readonly Option<ScoreBand[]> _band = new("--band") { Description = "Overall band(s): VeryNegative, Negative, Neutral, Positive, VeryPositive.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<ScoreBand[]> _agentBand = new("--agent-band") { Description = "Agent band(s).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<ScoreBand[]> _customerBand = new("--customer-band") { Description = "Customer band(s).", AllowMultipleArgumentsPerToken = true };
    private readonly Option<Shift[]> _shift = new("--shift") { Description = "Sentiment shift(s), such as NegativeToPositive.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<Channel[]> _channel = new("--channel") { Description = "Channel(s): Call, Chat, Email, Survey, Social.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<Direction[]> _direction = new("--direction") { Description = "Direction(s): Inbound, Outbound, Internal, Unknown.", AllowMultipleArgumentsPerToken = true };
    private readonly Option<double?> _minDuration = new("--min-duration") { Description = "Shortest duration in seconds." };
    private readonly Option<double?> _maxDuration = new("--max-duration") { Description = "Longest duration in seconds." };
    private readonly Option<string?> _agent = new("--agent") { Description = "Agent id." };
    private readonly Option<string?> _group = new("--group") { Description = "Group (team or queue)." };
    private readonly Option<string?> _topic = new("--topic") { Description = "Topic." };
    private readonly Option<string?> _customer = new("--customer") { Description = "Customer id." };
    private readonly Option<string?> _text = new("--text") { Description = "Words that must all appear." };
    private readonly Option<TextTarget> _textIn = new("--text-in") { Description = "Where to look for --text: Any, Transcript, Explanation.", DefaultValueFactory = _ => TextTarget.Any };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            _from, _to, _minScore, _maxScore, _minAgent, _maxAgent, _minCustomer, _maxCustomer, _band, _agentBand, _customerBand, _shift,
            _channel, _direction, _minDuration, _maxDuration, _agent, _group, _topic, _customer, _text, _textIn,
        })
        {
            command.Options.Add(option);
        }
    }

    public ConversationFilter Read(ParseResult parse) => new()
    {
        From = parse.GetValue(_from),
        To = parse.GetValue(_to),
        MinOverall = parse.GetValue(_minScore),
        MaxOverall = parse.GetValue(_maxScore),
        MinAgent = parse.GetValue(_minAgent),
        MaxAgent = parse.GetValue(_maxAgent),
        MinCustomer = parse.GetValue(_minCustomer),
        MaxCustomer = parse.GetValue(_maxCustomer),
        Bands = NullIfEmpty(parse.GetValue(_band)),
        AgentBands = NullIfEmpty(parse.GetValue(_agentBand)),
        CustomerBands = NullIfEmpty(parse.GetValue(_customerBand)),
        Shifts = NullIfEmpty(parse.GetValue(_shift)),
        Channels = NullIfEmpty(parse.GetValue(_channel)),
        Directions = NullIfEmpty(parse.GetValue(_direction)),
        MinDurationSeconds = parse.GetValue(_minDuration),
        MaxDurationSeconds = parse.GetValue(_maxDuration),
        AgentId = parse.GetValue(_agent),
        Group = parse.GetValue(_group),
        Topic = parse.GetValue(_topic),
        CustomerId = parse.GetValue(_customer),
        Text = parse.GetValue(_text),
        TextIn = parse.GetValue(_textIn),
    };

    private static T[]? NullIfEmpty<T>(T[]? values) => values is { Length: > 0 } ? values : null;
}
