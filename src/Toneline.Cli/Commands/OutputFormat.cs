namespace Toneline.Cli.Commands;

/// <summary>How <c>score</c> prints results.</summary>
internal enum OutputFormat
{
    Json,
    Jsonl,
    Table,
}
