using Toneline.Core.Scoring;

namespace Toneline.Storage.Ingestion;

/// <summary>Writes and reads whole conversations with their scores.</summary>
public interface IConversationStore
{
    /// <summary>What is stored for these ids; ids not stored are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoredState>> GetStatesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a batch in one transaction: inserts new conversations, replaces changed ones, and makes
    /// each given score the current one. Scores by other methods are kept unless the content changed.
    /// </summary>
    Task SaveAsync(IReadOnlyList<ScoredConversation> batch, CancellationToken cancellationToken = default);

    /// <summary>Loads one conversation with all its scores, or <c>null</c> when the id is unknown.</summary>
    Task<StoredConversation?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams stored conversations in storage order, skipping those whose current score is already by
    /// <paramref name="skipCurrentMethod"/>, so a re-score can be interrupted and resumed; <paramref name="group"/> limits it to one group.
    /// </summary>
    IAsyncEnumerable<Core.Conversations.Conversation> ReadAllAsync(ScoringMethod? skipCurrentMethod, string? group = null, CancellationToken cancellationToken = default);

    /// <summary>How many conversations are stored, and how many of them are currently scored by <paramref name="method"/>.</summary>
    Task<(long Total, long ByMethod)> CountAsync(ScoringMethod? method, CancellationToken cancellationToken = default);

    /// <summary>
    /// Told by a running import how many conversations it has stored: the store may set aside
    /// secondary indexes to rebuild them in <see cref="RestoreIndexesAsync"/> (it does once the import
    /// is large next to what was stored before it). Returns whether it did.
    /// </summary>
    Task<bool> DeferIndexesAsync(long storedByImport, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the indexes <see cref="DeferIndexesAsync"/> set aside.</summary>
    Task RestoreIndexesAsync(CancellationToken cancellationToken = default);
}
