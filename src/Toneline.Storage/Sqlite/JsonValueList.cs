using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Toneline.Storage.Sqlite;

/// <summary>
/// A list of values as one JSON text parameter that SQLite's <c>json_each</c> reads, instead of one
/// named parameter per value: SQLite looks names up one by one, so a long <c>IN</c> list binds in
/// quadratic time.
/// </summary>
internal static class JsonValueList
{
    /// <summary>A JSON array of the values.</summary>
    public static string Of<T>(IReadOnlyList<T> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                Write(writer, value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case short s:
                writer.WriteNumberValue(s);
                break;
            case bool b:
                writer.WriteNumberValue(b ? 1 : 0);
                break;
            // SQLite stores a non-finite double as NULL when bound, so JSON null keeps that.
            case double d:
                if (double.IsFinite(d))
                {
                    writer.WriteNumberValue(d);
                }
                else
                {
                    writer.WriteNullValue();
                }

                break;
            case float f:
                Write(writer, (double)f);
                break;
            case Enum e:
                writer.WriteNumberValue(Convert.ToInt64(e, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
