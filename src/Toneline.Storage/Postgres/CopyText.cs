using System.Globalization;
using System.Text;

namespace Toneline.Storage.Postgres;

/// <summary>Writes values in PostgreSQL's <c>COPY</c> text format: tab-separated, <c>\N</c> for NULL, backslash escapes.</summary>
internal static class CopyText
{
    public static void AppendRow(StringBuilder line, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (i > 0)
            {
                line.Append('\t');
            }

            Append(line, row[i]);
        }

        line.Append('\n');
    }

    private static void Append(StringBuilder line, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                line.Append("\\N");
                break;
            case string s:
                foreach (var c in s)
                {
                    _ = c switch
                    {
                        '\\' => line.Append("\\\\"),
                        '\t' => line.Append("\\t"),
                        '\n' => line.Append("\\n"),
                        '\r' => line.Append("\\r"),
                        _ => line.Append(c),
                    };
                }

                break;
            case bool b:
                line.Append(b ? 't' : 'f');
                break;
            case double d:
                line.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case float f:
                line.Append(((double)f).ToString("R", CultureInfo.InvariantCulture));
                break;
            case Enum e:
                line.Append(Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                line.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                Append(line, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
