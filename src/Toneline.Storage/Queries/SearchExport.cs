using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Toneline.Storage.Queries;

/// <summary>Writes every page of a search as CSV or JSON, one page in memory at a time.</summary>
public static class SearchExport
{
    private static readonly string[] Header =
        ["id", "start_time", "channel", "direction", "duration_s", "agent_id", "agent_name", "group", "customer_id", "topics", "overall", "band", "agent_score", "customer_score", "shift", "resolved", "explanation"];

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Every result of <paramref name="request"/>, following the cursor page by page.</summary>
    public static async IAsyncEnumerable<ConversationSummary> AllAsync(
        IConversationQueries queries, SearchRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(request);
        var page = request with { Limit = 1000 };
        while (true)
        {
            var result = await queries.SearchAsync(page, cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items)
            {
                yield return item;
            }

            if (result.Next is null)
            {
                yield break;
            }

            page = page with { After = result.Next };
        }
    }

    public static async Task<long> WriteCsvAsync(IAsyncEnumerable<ConversationSummary> rows, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(string.Join(',', Header)).ConfigureAwait(false);
        long count = 0;
        await foreach (var r in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            string?[] values =
            [
                r.Id, r.StartTime?.ToString("O", CultureInfo.InvariantCulture), r.Channel.ToString(), r.Direction.ToString(),
                r.DurationSeconds?.ToString("R", CultureInfo.InvariantCulture), r.AgentId, r.AgentName, r.Group, r.CustomerId,
                string.Join('|', r.Topics), r.Overall?.ToString(CultureInfo.InvariantCulture), r.Band?.ToString(),
                r.AgentScore?.ToString(CultureInfo.InvariantCulture), r.CustomerScore?.ToString(CultureInfo.InvariantCulture),
                r.Shift?.ToString(), r.Resolved?.ToString(), r.Explanation,
            ];
            await writer.WriteLineAsync(string.Join(',', values.Select(Escape))).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    public static async Task<long> WriteJsonAsync(IAsyncEnumerable<ConversationSummary> rows, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            JsonSerializer.Serialize(json, row, JsonOptions);
            if (++count % 1000 == 0)
            {
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    // RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    private static string Escape(string? value) =>
        value is null ? string.Empty
        : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}
