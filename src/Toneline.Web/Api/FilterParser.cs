using System.Globalization;
using Toneline.Core.Conversations;
using Toneline.Storage.Database;
using Toneline.Storage.Queries;

namespace Toneline.Web.Api;

/// <summary>Turns query-string values into a <see cref="ConversationFilter"/>, collecting one message per bad field.</summary>
internal sealed class FilterParser
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public IDictionary<string, string[]> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public ConversationFilter Parse(FilterQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var filter = new ConversationFilter
        {
            From = Date("from", q.From),
            To = Date("to", q.To),
            MinOverall = Score("minOverall", q.MinOverall),
            MaxOverall = Score("maxOverall", q.MaxOverall),
            MinAgent = Score("minAgent", q.MinAgent),
            MaxAgent = Score("maxAgent", q.MaxAgent),
            MinCustomer = Score("minCustomer", q.MinCustomer),
            MaxCustomer = Score("maxCustomer", q.MaxCustomer),
            Bands = Enums<ScoreBand>("band", q.Band),
            AgentBands = Enums<ScoreBand>("agentBand", q.AgentBand),
            CustomerBands = Enums<ScoreBand>("customerBand", q.CustomerBand),
            Shifts = Enums<Shift>("shift", q.Shift),
            Channels = Enums<Channel>("channel", q.Channel),
            Directions = Enums<Direction>("direction", q.Direction),
            MinDurationSeconds = Number("minDuration", q.MinDuration),
            MaxDurationSeconds = Number("maxDuration", q.MaxDuration),
            AgentId = Text(q.Agent),
            Group = Text(q.Group),
            Topic = Text(q.Topic),
            CustomerId = Text(q.Customer),
            Text = Text(q.Text),
            TextIn = Enum<TextTarget>("textIn", q.TextIn) ?? TextTarget.Any,
        };
        if (filter.From > filter.To)
        {
            Add("to", "must be on or after 'from'.");
        }

        return filter;
    }

    public void Add(string field, string message) => _errors[field] = [$"{field} {message}"];

    public int Int(string field, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            Add(field, $"must be a whole number from {min} to {max}, got '{value}'.");
            return fallback;
        }

        return n;
    }

    public bool Bool(string field, string? value, bool fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (!bool.TryParse(value, out var b))
        {
            Add(field, $"must be true or false, got '{value}'.");
            return fallback;
        }

        return b;
    }

    public T? Enum<T>(string field, string? value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var plain = value.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!int.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) && System.Enum.TryParse<T>(plain, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        Add(field, $"must be one of {string.Join(", ", System.Enum.GetNames<T>())}, got '{value}'.");
        return null;
    }

    private List<T>? Enums<T>(string field, string[]? values)
        where T : struct, Enum
    {
        var items = values?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (items is null || items.Count == 0)
        {
            return null;
        }

        var result = new List<T>();
        foreach (var item in items)
        {
            if (Enum<T>(field, item) is { } parsed)
            {
                result.Add(parsed);
            }
        }

        return result;
    }

    public DateOnly? Date(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Add(field, $"must be a date as yyyy-mm-dd, got '{value}'.");
        return null;
    }

    private int? Score(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : Int(field, value, 0, -100, 100);

    private double? Number(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 && double.IsFinite(n))
        {
            return n;
        }

        Add(field, $"must be a number of seconds, 0 or more, got '{value}'.");
        return null;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
