using System.Text.Json;
using Toneline.Core.Conversations;

namespace Toneline.Storage.Ingestion;

/// <summary>How model values become column values and back, the same on every provider.</summary>
internal static class StoredValues
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <summary>The UTC day number (days since 1970-01-01) of an instant.</summary>
    public static int Day(DateTimeOffset time) => (int)Math.Floor(time.ToUnixTimeMilliseconds() / (double)MillisecondsPerDay);

    public static int Day(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static DateOnly Date(long day) => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + (int)day);

    public static string Topics(IReadOnlyList<string> topics) => JsonSerializer.Serialize(topics);

    public static IReadOnlyList<string> Topics(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    public static string Fields(IReadOnlyDictionary<string, string> fields) => JsonSerializer.Serialize(fields);

    public static IReadOnlyDictionary<string, string> Fields(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string Trend(IReadOnlyList<TrendPoint> trend) => JsonSerializer.Serialize(trend);

    /// <summary>The words a highlight is grouped by in driver reports: trimmed and lower-cased, invariantly.</summary>
    public static string Phrase(string text) => text.Trim().ToLowerInvariant();
}
