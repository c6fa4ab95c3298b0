using System.Data.Common;

namespace Toneline.Storage.Database;

/// <summary>What differs between the SQL databases Toneline stores into; everything else is shared SQL.</summary>
internal abstract class StorageDialect
{
    /// <summary>A short provider name for messages and test names: <c>sqlite</c> or <c>postgres</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The resource-name prefix of this provider's embedded migration scripts.</summary>
    public abstract string MigrationPrefix { get; }

    /// <summary>The most parameters one statement may carry.</summary>
    public abstract int MaxParameters { get; }

    /// <summary>Rows per <c>INSERT</c>: 1 reuses one prepared single-row statement.</summary>
    public abstract int RowsPerInsert { get; }

    /// <summary>Opens a connection, configured for Toneline's workload.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The columns and row template of the full-text table; a row's values are (conv_key, transcript, explanation).</summary>
    public abstract RowShape FullTextRow { get; }

    /// <summary>The key column of the full-text table.</summary>
    public abstract string FullTextKey { get; }

    /// <summary>A SQL condition that conversation <c>c</c> contains every word of parameter <paramref name="parameter"/>.</summary>
    public abstract string FullTextCondition(TextTarget target, string parameter);

    /// <summary>Turns user words into the provider's full-text query text.</summary>
    public abstract string FullTextQuery(IReadOnlyList<string> words);

    /// <summary>An expression that sorts text bytewise, so both providers order names the same way.</summary>
    public abstract string Ordinal(string expression);

    /// <summary>
    /// The expression, marked so the planner does not pick an index for a condition on it: used where a
    /// search's sort index reads fewer rows than the filter's index would, which SQLite's planner
    /// cannot see (PostgreSQL weighs both by statistics, so it gets the expression unchanged).
    /// </summary>
    public virtual string NotIndexed(string expression) => expression;

    /// <summary>
    /// A condition that text <paramref name="column"/> is one of <paramref name="values"/> (at least one),
    /// each value bound through <paramref name="add"/>, which returns the parameter's name.
    /// </summary>
    public abstract string AnyOf(string column, IReadOnlyList<string> values, Func<object?, string> add);

    /// <summary>Writes a parenthesized list of values for <c>IN</c>, adding its parameters to the command.</summary>
    public virtual string ValueList<T>(DbCommand command, string prefix, IReadOnlyList<T> values) => command.InList(prefix, values);

    /// <summary>
    /// Inserts rows by the provider's bulk path, when it has one for this shape; returns false to
    /// leave them to parameterized <c>INSERT</c>s.
    /// </summary>
    /// <param name="suffix">An <c>ON CONFLICT</c> clause, or <c>null</c>.</param>
    public virtual Task<bool> TryBulkInsertAsync(
        DbConnection connection, RowShape shape, IReadOnlyList<object?[]> rows, string? suffix, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    /// <summary>
    /// A query counting matches of parameter <paramref name="parameter"/>, and the count above which
    /// the words are common enough that a search page checks them on each conversation it walks
    /// (<see cref="FullTextProbe"/>) rather than listing the matches first (<see cref="FullTextFew"/>);
    /// <c>null</c> when the provider's planner makes that choice well by itself.
    /// </summary>
    public virtual (string Sql, long Above)? FullTextCommonness(TextTarget target, string parameter) => null;

    /// <summary>The condition of <see cref="FullTextCondition"/> for words many conversations have.</summary>
    public virtual string FullTextProbe(TextTarget target, string parameter) => FullTextCondition(target, parameter);

    /// <summary>The condition of <see cref="FullTextCondition"/> for words few conversations have.</summary>
    public virtual string FullTextFew(TextTarget target, string parameter) => FullTextCondition(target, parameter);

    /// <summary>
    /// Sets aside the secondary indexes of the conversation tables for a large import, when the
    /// provider profits from rebuilding them at the end; returns whether it did.
    /// </summary>
    public Task<bool> DeferIndexesAsync(CancellationToken cancellationToken) => DeferredIndexes.DeferAsync(this, cancellationToken);

    /// <summary>Rebuilds indexes a <see cref="DeferIndexesAsync"/> set aside (also those of an import that was killed).</summary>
    public Task RestoreIndexesAsync(CancellationToken cancellationToken) => DeferredIndexes.RestoreAsync(this, cancellationToken);

    /// <summary>
    /// A query listing (name, CREATE statement) of the conversation tables' secondary, non-unique
    /// indexes, which a large import may set aside.
    /// </summary>
    public abstract string SecondaryIndexesSql { get; }

    /// <summary>A query counting the indexes named by parameter <c>@name</c> (0 or 1).</summary>
    public abstract string IndexExistsSql { get; }

    /// <summary>
    /// A statement that locks the conversation tables, in the order every writer touches them, before
    /// their indexes are dropped; null where a write transaction already holds the whole database.
    /// </summary>
    public virtual string? LockConversationTablesSql => null;
}
