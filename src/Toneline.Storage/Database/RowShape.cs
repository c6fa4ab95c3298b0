using System.Globalization;
using System.Text;

namespace Toneline.Storage.Database;

/// <summary>How one row of a table is written in a multi-row <c>INSERT</c>.</summary>
/// <param name="Table">The table.</param>
/// <param name="Columns">The column list, comma-separated.</param>
/// <param name="ValueCount">How many parameter values a row carries.</param>
/// <param name="Template">
/// The row's SQL with <c>{0}</c>, <c>{1}</c>... standing for its parameters; <c>null</c> writes them in order.
/// </param>
internal sealed record RowShape(string Table, string Columns, int ValueCount, string? Template = null)
{
    private readonly CompositeFormat? _format = Template is null ? null : CompositeFormat.Parse(Template);

    /// <summary>Appends one row's SQL, naming its parameters <c>@p{first}</c> onward.</summary>
    public void AppendRow(StringBuilder sql, int first)
    {
        if (_format is null)
        {
            sql.Append('(');
            for (var i = 0; i < ValueCount; i++)
            {
                if (i > 0)
                {
                    sql.Append(", ");
                }

                sql.Append(CultureInfo.InvariantCulture, $"@p{first + i}");
            }

            sql.Append(')');
            return;
        }

        var names = new object[ValueCount];
        for (var i = 0; i < ValueCount; i++)
        {
            names[i] = "@p" + (first + i).ToString(CultureInfo.InvariantCulture);
        }

        sql.AppendFormat(CultureInfo.InvariantCulture, _format, names);
    }
}
