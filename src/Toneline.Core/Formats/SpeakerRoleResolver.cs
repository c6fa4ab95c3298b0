using System.Globalization;
using System.Text.RegularExpressions;
using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Decides which speaker is the agent, which the customer, and which anyone else.</summary>
/// <remarks>
/// In order: a mapping option (<see cref="ReadOptions.AgentName"/>, <see cref="ReadOptions.AgentChannel"/>)
/// that matches a speaker; roles the input names (plus the conversation's agent name, and elimination when
/// one side is named); otherwise the speaker who uses the most service phrases ("thank you for calling",
/// "how can I help"...) is the agent, the first other speaker the customer, and any further speaker Other.
/// With no service phrase at all, the first speaker is taken as the agent (calls open with the agent).
/// </remarks>
internal static partial class SpeakerRoleResolver
{
    public static (SpeakerRole[] Roles, RoleSource Source) Resolve(IReadOnlyList<RawTurn> turns, ReadOptions options, Agent? agent)
    {
        var keys = turns.Select(Key).ToArray();
        var order = keys.Distinct(StringComparer.Ordinal).ToList();
        var roles = new Dictionary<string, SpeakerRole>(StringComparer.Ordinal);

        if (ResolveByMapping(turns, keys, order, options, roles))
        {
            return (Apply(keys, roles), RoleSource.Mapping);
        }

        for (var i = 0; i < turns.Count; i++)
        {
            if (roles.ContainsKey(keys[i]))
            {
                continue;
            }

            if (turns[i].InputRole is { } role)
            {
                roles[keys[i]] = role;
            }
            else if (agent is not null && turns[i].Label is { } label
                && (Same(label, agent.Name) || Same(label, agent.Id)))
            {
                roles[keys[i]] = SpeakerRole.Agent;
            }
        }

        var unresolved = order.Where(k => !roles.ContainsKey(k)).ToList();
        if (unresolved.Count == 0)
        {
            return (Apply(keys, roles), RoleSource.Input);
        }

        var hasAgent = roles.ContainsValue(SpeakerRole.Agent);
        var hasCustomer = roles.ContainsValue(SpeakerRole.Customer);
        if (hasAgent || hasCustomer)
        {
            // One side is named by the input: the rest follow by elimination, in order of appearance.
            foreach (var key in unresolved)
            {
                roles[key] = (hasAgent, hasCustomer) switch
                {
                    (true, false) => SpeakerRole.Customer,
                    (false, true) => SpeakerRole.Agent,
                    _ => SpeakerRole.Other,
                };
                hasAgent |= roles[key] == SpeakerRole.Agent;
                hasCustomer |= roles[key] == SpeakerRole.Customer;
            }

            return (Apply(keys, roles), RoleSource.Input);
        }

        var scores = unresolved.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        for (var i = 0; i < turns.Count; i++)
        {
            if (scores.ContainsKey(keys[i]))
            {
                scores[keys[i]] += CountServicePhrases(turns[i].Text);
            }
        }

        var best = unresolved.MaxBy(k => scores[k])!;
        string? agentKey = scores[best] > 0 || unresolved.Count > 1 ? best : null;
        foreach (var key in unresolved)
        {
            if (key == agentKey)
            {
                roles[key] = SpeakerRole.Agent;
            }
            else
            {
                roles[key] = hasCustomer ? SpeakerRole.Other : SpeakerRole.Customer;
                hasCustomer = true;
            }
        }

        return (Apply(keys, roles), RoleSource.Heuristic);
    }

    /// <summary>How many service phrases a text contains; the agent's side says these.</summary>
    public static int CountServicePhrases(string text) => ServicePhrases().Count(text);

    /// <summary>The speaker number a label carries: <c>spk_0</c> and <c>Speaker 1</c> end in it; <c>A</c>, <c>B</c>... count from 0.</summary>
    public static int? LabelNumber(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var trimmed = label.Trim();
        if (trimmed.Length == 1 && char.IsAsciiLetterUpper(trimmed[0]))
        {
            return trimmed[0] - 'A';
        }

        var start = trimmed.Length;
        while (start > 0 && char.IsAsciiDigit(trimmed[start - 1]))
        {
            start--;
        }

        return start < trimmed.Length && int.TryParse(trimmed.AsSpan(start), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }

    private static bool ResolveByMapping(
        IReadOnlyList<RawTurn> turns, string[] keys, List<string> order, ReadOptions options, Dictionary<string, SpeakerRole> roles)
    {
        if (options.AgentName is null && options.AgentChannel is null)
        {
            return false;
        }

        var agentKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < turns.Count; i++)
        {
            var turn = turns[i];
            var byName = options.AgentName is { } name && Same(turn.Label, name);
            var byNumber = options.AgentChannel is { } channel && (turn.Number ?? LabelNumber(turn.Label)) == channel;
            if (byName || byNumber)
            {
                agentKeys.Add(keys[i]);
            }
        }

        if (agentKeys.Count == 0)
        {
            return false;
        }

        var hasCustomer = false;
        foreach (var key in order)
        {
            if (agentKeys.Contains(key))
            {
                roles[key] = SpeakerRole.Agent;
                continue;
            }

            var inputRole = turns[Array.IndexOf(keys, key)].InputRole;
            if (inputRole == SpeakerRole.Other || hasCustomer)
            {
                roles[key] = SpeakerRole.Other;
            }
            else
            {
                roles[key] = SpeakerRole.Customer;
                hasCustomer = true;
            }
        }

        return true;
    }

    private static SpeakerRole[] Apply(string[] keys, Dictionary<string, SpeakerRole> roles) =>
        [.. keys.Select(k => roles[k])];

    private static string Key(RawTurn turn)
    {
        if (!string.IsNullOrWhiteSpace(turn.Label))
        {
            return "label:" + turn.Label.Trim().ToUpperInvariant();
        }

        if (turn.InputRole is { } role)
        {
            return "role:" + role.ToString();
        }

        return turn.Number is { } number ? "number:" + number.ToString(CultureInfo.InvariantCulture) : "unnamed";
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(
        """
        \bthanks?(\s+you)?\s+(so\s+much\s+)?for\s+(calling|contacting|choosing|holding|waiting|your\s+patience|reaching\s+out)
        |\bhow\s+(can|may|could|might)\s+I\s+(help|assist)
        |\bwhat\s+can\s+I\s+(do|help)\s+(for|with)\s+you
        |\bmy\s+name\s+is\s+\w+,?\s+(and\s+)?I('ll|\s+will|'m|\s+am|'d|\s+would)
        |\bis\s+there\s+anything\s+else\s+(I|we)\s+can
        |\bhave\s+a\s+(great|good|nice|wonderful|lovely|fantastic)\s+(day|evening|afternoon|weekend|night)
        |\bfor\s+(security|verification)(\s+purposes|\s+reasons)?
        |\b(can|could|may)\s+I\s+(have|get|take|confirm)\s+your
        |\blet\s+me\s+(check|look|see|pull|verify|take\s+a\s+look|transfer|put\s+you)
        |\b(one|a)\s+moment,?\s+(please|while)
        |\bbear\s+with\s+me
        |\bI\s+(apologi[sz]e|am\s+sorry|'m\s+sorry)\s+for\s+(the|any|that)\s+(inconvenience|wait|delay|trouble|confusion)
        |\bI\s+(will|'ll)\s+(transfer|put)\s+you
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ServicePhrases();
}
