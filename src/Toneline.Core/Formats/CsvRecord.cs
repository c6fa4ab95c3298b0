namespace Toneline.Core.Formats;

/// <summary>One CSV record: its fields and the 1-based line it starts on; <see cref="Error"/> is set when it is malformed.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Error = null);
