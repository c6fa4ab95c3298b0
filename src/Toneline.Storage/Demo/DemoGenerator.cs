using System.Globalization;
using Toneline.Core.Conversations;

namespace Toneline.Storage.Demo;

/// <summary>Writes realistic synthetic contact-center conversations, the same ones for the same options.</summary>
/// <remarks>
/// Sentiment patterns differ by topic (outages and refunds run hot), by agent (skill, with some agents
/// recovering and some sliding over the range), and by day (a few outage days with volume and anger
/// spikes, quieter weekends). Conversation ids are <c>demo-{seed}-{n}</c>, so re-running is idempotent.
/// </remarks>
public sealed class DemoGenerator
{
    private readonly DemoOptions _options;
    private readonly List<DemoAgent> _agents = [];
    private readonly HashSet<int> _badDays = [];
    private readonly double[] _dayWeights;

    public DemoGenerator(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Conversations, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        _options = options;
        var random = new Random(options.Seed);
        var agentNumber = 0;
        foreach (var group in DemoScript.Groups)
        {
            var size = random.Next(8, 16);
            for (var i = 0; i < size; i++)
            {
                var name = $"{Pick(random, DemoScript.FirstNames)} {Pick(random, DemoScript.LastNames)}";
                var skill = (random.NextDouble() * 1.6) - 0.6;
                var end = random.NextDouble() switch
                {
                    < 0.12 => Math.Min(1, skill + 0.8), // recovering: coached through the period
                    < 0.20 => Math.Max(-1, skill - 0.7), // sliding: burning out
                    _ => skill,
                };
                _agents.Add(new DemoAgent($"agent-{++agentNumber:D3}", name, group, skill, end));
            }
        }

        for (var i = 0; i < Math.Max(1, options.Days / 15); i++)
        {
            _badDays.Add(random.Next(options.Days));
        }

        _dayWeights = new double[options.Days];
        for (var d = 0; d < options.Days; d++)
        {
            var weekday = DayAt(d).DayOfWeek;
            _dayWeights[d] = (weekday is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.45 : weekday == DayOfWeek.Monday ? 1.25 : 1.0) *
                (_badDays.Contains(d) ? 1.6 : 1.0);
        }
    }

    /// <summary>The agents conversations are assigned to.</summary>
    public int AgentCount => _agents.Count;

    /// <summary>The generated conversations, in id order, lazily.</summary>
    public IEnumerable<Conversation> Generate()
    {
        var cumulative = new double[_dayWeights.Length];
        var sum = 0.0;
        for (var d = 0; d < _dayWeights.Length; d++)
        {
            sum += _dayWeights[d];
            cumulative[d] = sum;
        }

        var customers = Math.Max(50, _options.Conversations / 4);
        for (var n = 0; n < _options.Conversations; n++)
        {
            // One generator per conversation: conversation n is the same whatever N is. (Not
            // HashCode.Combine: it is randomized per process, and the data must repeat by seed.)
            var random = new Random(unchecked((_options.Seed * 1_000_003) + (n * 7919)) & int.MaxValue);
            var day = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            day = day < 0 ? ~day : day;
            yield return Write(random, n, Math.Min(day, _options.Days - 1), customers);
        }
    }

    private DateOnly DayAt(int index) => _options.EndDate.AddDays(index - _options.Days + 1);

    private Conversation Write(Random random, int n, int dayIndex, int customers)
    {
        var agent = _agents[random.Next(_agents.Count)];
        var badDay = _badDays.Contains(dayIndex);
        var topic = badDay && random.NextDouble() < 0.45
            ? DemoScript.Topics[1]
            : DemoScript.Topics[random.NextDouble() < 0.5 ? HomeTopic(agent.Group, random) : random.Next(DemoScript.Topics.Length)];
        var progress = _options.Days == 1 ? 1 : dayIndex / (double)(_options.Days - 1);
        var skill = agent.SkillAt(progress);

        var startNegative = topic.Negativity + (badDay ? 0.25 : 0) + ((random.NextDouble() - 0.5) * 0.2);
        var startsAngry = random.NextDouble() < startNegative;
        var startsHappy = !startsAngry && random.NextDouble() < 0.25;
        var recoverChance = Math.Clamp(0.35 + (0.45 * skill), 0.05, 0.95);
        var endsHappy = startsAngry ? random.NextDouble() < recoverChance * 0.6 : random.NextDouble() < 0.45 + (0.3 * skill);
        var endsAngry = !endsHappy && (startsAngry ? random.NextDouble() > recoverChance : random.NextDouble() < 0.12 - (0.1 * skill));

        var channel = random.NextDouble() switch
        {
            < 0.60 => Channel.Call,
            < 0.85 => Channel.Chat,
            < 0.95 => Channel.Email,
            _ => Channel.Social,
        };
        var direction = agent.Group is "Sales" or "Collections" && random.NextDouble() < 0.6 ? Direction.Outbound : Direction.Inbound;

        var lines = new List<(SpeakerRole Role, string Text)>
        {
            (SpeakerRole.Agent, Pick(random, DemoScript.AgentGreetings).Replace("{agent}", agent.Name.Split(' ')[0], StringComparison.Ordinal)),
            (SpeakerRole.Customer, Pick(random, startsAngry ? DemoScript.AngryOpenings : startsHappy ? DemoScript.HappyOpenings : DemoScript.CalmOpenings)
                .Replace("{problem}", Pick(random, topic.Problems), StringComparison.Ordinal)),
            (SpeakerRole.Agent, Pick(random, skill > 0.2 || (startsAngry && skill > -0.2) ? DemoScript.EmpatheticAgent : skill < -0.3 && random.NextDouble() < 0.5 ? DemoScript.CurtAgent : DemoScript.NeutralAgent)),
            (SpeakerRole.Customer, Pick(random, topic.Details)),
            (SpeakerRole.Agent, Pick(random, DemoScript.NeutralAgent)),
            (SpeakerRole.Customer, Pick(random, DemoScript.CustomerWaiting)),
        };
        var middle = random.Next(1, 4);
        for (var i = 0; i < middle; i++)
        {
            lines.Add((SpeakerRole.Agent, Pick(random, endsAngry && skill < 0 && random.NextDouble() < 0.4 ? DemoScript.CurtAgent : topic.Actions)));
            lines.Add((SpeakerRole.Customer, Pick(random, endsAngry ? DemoScript.CustomerStillAngry : startsAngry ? DemoScript.CustomerRecovering : DemoScript.CustomerWaiting)));
        }

        lines.Add((SpeakerRole.Agent, Pick(random, topic.Actions)));
        lines.Add((SpeakerRole.Customer, Pick(random, endsHappy ? DemoScript.HappyEndings : endsAngry ? DemoScript.AngryEndings : DemoScript.NeutralEndings)));
        lines.Add((SpeakerRole.Agent, Pick(random, DemoScript.AgentClosings)));

        var clock = 0.0;
        var turns = new List<Turn>(lines.Count);
        foreach (var (role, text) in lines)
        {
            var length = channel == Channel.Call ? 3 + (text.Length / 12.0) + (random.NextDouble() * 6) : 20 + (random.NextDouble() * 90);
            turns.Add(new Turn(role, text) { SpeakerName = role == SpeakerRole.Agent ? agent.Name : "Customer", Start = Math.Round(clock, 1), End = Math.Round(clock + length, 1) });
            clock += length + (random.NextDouble() * (endsAngry ? 40 : 8));
        }

        var hour = 8 + (random.NextDouble() * 12);
        var start = new DateTimeOffset(DayAt(dayIndex).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(hour);
        var topics = random.NextDouble() < 0.2 && topic.Name != "billing" ? new[] { topic.Name, "billing" } : [topic.Name];
        return new Conversation(string.Create(CultureInfo.InvariantCulture, $"demo-{_options.Seed}-{n:D7}"), turns)
        {
            Channel = channel,
            Direction = direction,
            StartTime = start,
            DurationSeconds = Math.Round(clock, 1),
            Agent = new Agent(agent.Id, agent.Name),
            Group = agent.Group,
            CustomerId = string.Create(CultureInfo.InvariantCulture, $"cust-{random.Next(customers):D6}"),
            Topics = topics,
            Language = "en",
            RoleSource = RoleSource.Input,
        };
    }

    // Groups mostly hear about their own topics: Billing about bills and refunds, Technical about outages.
    // Indexes into DemoScript.Topics.
    private static int HomeTopic(string group, Random random) => group switch
    {
        "Billing Support" => random.Next(2) == 0 ? 0 : 6, // billing or refund
        "Technical Support" => random.Next(2) == 0 ? 1 : 4, // outage or password reset
        "Retention" => 2,
        "Sales" => 5,
        "Onboarding" => 7,
        _ => random.Next(2) == 0 ? 0 : 3, // collections: billing or delivery
    };

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
