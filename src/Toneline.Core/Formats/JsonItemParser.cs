using System.Text;
using System.Text.Json;

namespace Toneline.Core.Formats;

/// <summary>
/// Parses JSON into <see cref="JsonItem"/> trees with line numbers, on <see cref="Utf8JsonReader"/> so
/// Core stays free of reflection-based serialization (it is AOT-compatible).
/// </summary>
internal static class JsonItemParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses one JSON document; <paramref name="firstLine"/> is the 1-based line the text starts on.</summary>
    /// <exception cref="ReadErrorException">The text is not valid JSON.</exception>
    public static JsonItem Parse(string text, string source, int firstLine = 1)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            if (!reader.Read())
            {
                throw new ReadErrorException(new ReadError(source, firstLine, null, "expected a JSON value, found nothing"));
            }

            var root = ReadValue(ref reader, lineStarts, firstLine);
            if (reader.Read())
            {
                throw new ReadErrorException(new ReadError(
                    source, LineOf(lineStarts, reader.TokenStartIndex, firstLine), null, "expected the end of the JSON document, found more data"));
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = firstLine + (int)(ex.LineNumber ?? 0);
            throw new ReadErrorException(new ReadError(source, line, null, $"invalid JSON: {Describe(ex)}"));
        }
    }

    /// <summary>Whether the text parses as exactly one JSON document.</summary>
    public static bool TryParse(string text, out JsonItem? item)
    {
        try
        {
            item = Parse(text, "-");
            return true;
        }
        catch (ReadErrorException)
        {
            item = null;
            return false;
        }
    }

    private static JsonItem ReadValue(ref Utf8JsonReader reader, List<long> lineStarts, int firstLine)
    {
        var line = LineOf(lineStarts, reader.TokenStartIndex, firstLine);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<KeyValuePair<string, JsonItem>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString() ?? string.Empty;
                    reader.Read();
                    properties.Add(new(name, ReadValue(ref reader, lineStarts, firstLine)));
                }

                return JsonItem.CreateObject(line, properties);
            case JsonTokenType.StartArray:
                var items = new List<JsonItem>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lineStarts, firstLine));
                }

                return JsonItem.CreateArray(line, items);
            case JsonTokenType.String:
                return JsonItem.CreateString(line, reader.GetString() ?? string.Empty);
            case JsonTokenType.Number:
                return JsonItem.CreateNumber(line, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return JsonItem.CreateBoolean(line, true);
            case JsonTokenType.False:
                return JsonItem.CreateBoolean(line, false);
            default:
                return JsonItem.CreateNull(line);
        }
    }

    private static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset, int firstLine)
    {
        var index = lineStarts.BinarySearch(offset);
        return firstLine + (index >= 0 ? index : ~index - 1);
    }

    private static string Describe(JsonException ex)
    {
        // The BCL message ends with "LineNumber: 2 | BytePositionInLine: 10."; the line is reported separately.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        message = message.TrimEnd('.', ' ');
        return ex.BytePositionInLine is { } column ? $"{message} (byte {column + 1} of the line)" : message;
    }
}
