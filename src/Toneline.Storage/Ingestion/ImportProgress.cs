namespace Toneline.Storage.Ingestion;

/// <summary>Counts so far, reported after each committed batch.</summary>
/// <param name="Read">Conversations read (good and bad).</param>
/// <param name="Stored">Conversations scored and committed.</param>
/// <param name="Unchanged">Conversations skipped because the same content was already stored with the same method.</param>
/// <param name="Failed">Conversations skipped because they could not be read or scored.</param>
public sealed record ImportProgress(long Read, long Stored, long Unchanged, long Failed);
