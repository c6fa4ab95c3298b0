namespace Toneline.Storage.Ingestion;

/// <summary>What an import did; <see cref="Failures"/> keeps the first 10,000 failures.</summary>
public sealed record ImportSummary(long Read, long Stored, long Unchanged, long Failed, IReadOnlyList<ImportFailure> Failures, TimeSpan Elapsed);
