using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Toneline.Storage.Database;

/// <summary>Small helpers over ADO.NET so every statement is parameterized without a mapper.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand CreateCommand(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return command;
    }

    public static void Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static async Task<int> ExecuteAsync(
        this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand(transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.Add(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> QueryAsync<T>(
        this DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.Add(name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Inserts rows with as few statements as the provider's parameter limit allows.</summary>
    public static async Task InsertRowsAsync(
        this DbConnection connection, DbTransaction transaction, StorageDialect dialect, RowShape shape, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken, string? suffix = null)
    {
        if (rows.Count == 0 || await dialect.TryBulkInsertAsync(connection, shape, rows, suffix, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var perStatement = Math.Max(1, Math.Min(dialect.RowsPerInsert, dialect.MaxParameters / shape.ValueCount));
        if (perStatement == 1)
        {
            await InsertOneByOneAsync(connection, transaction, shape, rows, suffix, cancellationToken).ConfigureAwait(false);
            return;
        }

        for (var offset = 0; offset < rows.Count; offset += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - offset);
            var sql = new StringBuilder(64 + (count * shape.ValueCount * 8));
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {shape.Table} ({shape.Columns}) VALUES ");
            await using var command = connection.CreateCommand(transaction, string.Empty);
            for (var r = 0; r < count; r++)
            {
                if (r > 0)
                {
                    sql.Append(", ");
                }

                var row = rows[offset + r];
                var first = r * shape.ValueCount;
                shape.AppendRow(sql, first);
                for (var v = 0; v < shape.ValueCount; v++)
                {
                    command.Add("@p" + (first + v).ToString(CultureInfo.InvariantCulture), row[v]);
                }
            }

            if (suffix is not null)
            {
                sql.Append(' ').Append(suffix);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task InsertOneByOneAsync(
        DbConnection connection, DbTransaction transaction, RowShape shape, IReadOnlyList<object?[]> rows, string? suffix, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {shape.Table} ({shape.Columns}) VALUES ");
        shape.AppendRow(sql, 0);
        if (suffix is not null)
        {
            sql.Append(' ').Append(suffix);
        }

        await using var command = connection.CreateCommand(transaction, sql.ToString());
        var parameters = new DbParameter[shape.ValueCount];
        for (var v = 0; v < shape.ValueCount; v++)
        {
            parameters[v] = command.CreateParameter();
            parameters[v].ParameterName = "@p" + v.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameters[v]);
        }

        foreach (var row in rows)
        {
            for (var v = 0; v < shape.ValueCount; v++)
            {
                parameters[v].Value = row[v] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes <c>IN (@k0, @k1, ...)</c> for a list of values and adds the parameters.</summary>
    public static string InList<T>(this DbCommand command, string prefix, IReadOnlyList<T> values)
    {
        var sql = new StringBuilder("(");
        for (var i = 0; i < values.Count; i++)
        {
            var name = "@" + prefix + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? name : ", " + name);
            command.Add(name, values[i]);
        }

        return sql.Append(')').ToString();
    }

    public static double? GetDoubleOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long GetInt64Any(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long? GetInt64OrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? GetStringOrNull(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
