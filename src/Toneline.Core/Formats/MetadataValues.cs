using System.Globalization;
using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Parses metadata values shared by every format: channel, direction, start time, topics.</summary>
internal static class MetadataValues
{
    public static Channel? ParseChannel(string value) => value.Trim().ToLowerInvariant() switch
    {
        "call" or "voice" or "phone" => Channel.Call,
        "chat" or "messaging" or "sms" => Channel.Chat,
        "email" or "e-mail" or "mail" => Channel.Email,
        "survey" => Channel.Survey,
        "social" => Channel.Social,
        _ => null,
    };

    public static Direction? ParseDirection(string value) => value.Trim().ToLowerInvariant() switch
    {
        "inbound" or "in" => Direction.Inbound,
        "outbound" or "out" => Direction.Outbound,
        "internal" => Direction.Internal,
        "unknown" => Direction.Unknown,
        _ => null,
    };

    /// <summary>Parses ISO 8601; a time without an offset is taken as UTC.</summary>
    public static DateTimeOffset? ParseStartTime(string value) =>
        DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    /// <summary>Splits <c>billing; refunds</c>, <c>billing|refunds</c> or <c>billing, refunds</c>.</summary>
    public static IEnumerable<string> SplitTopics(string value) =>
        value.Split([';', '|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
