namespace Toneline.Storage.Ingestion;

/// <summary>How an import batches and parallelizes its work.</summary>
public sealed record ImportOptions
{
    /// <summary>Conversations per transaction; a kill loses at most the batch in flight.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Conversations scored at once.</summary>
    public int ScoringParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether conversations already stored with the same content and method are skipped.</summary>
    public bool SkipUnchanged { get; init; } = true;

    /// <summary>
    /// Once an import has stored this many conversations (and again at each doubling), the store may
    /// set its secondary indexes aside and rebuild them at the end (when the import is large next to
    /// what was stored before it). <see cref="long.MaxValue"/> keeps them.
    /// </summary>
    public long DeferIndexesAfter { get; init; } = 20_000;
}
