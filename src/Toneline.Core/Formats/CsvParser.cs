using System.Text;

namespace Toneline.Core.Formats;

/// <summary>Splits RFC 4180 CSV into records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
/// <remarks>
/// Lenient where RFC 4180 is strict and the intent is clear: LF or CRLF line ends, text after a closing
/// quote is kept. A quote left open at the end of the file is an error on the record where it opened.
/// Blank lines outside quotes are skipped.
/// </remarks>
internal static class CsvParser
{
    public static IEnumerable<CsvRecord> Parse(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        var recordStarted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    recordStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    recordStarted = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    if (recordStarted)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(recordLine, fields);
                        fields = [];
                        field.Clear();
                    }

                    atFieldStart = true;
                    recordStarted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    recordStarted = true;
                    break;
            }

            i++;
        }

        if (quoted)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields, "a quoted field is not closed; expected a closing '\"' before the end of the file");
        }
        else if (recordStarted)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields);
        }
    }
}
