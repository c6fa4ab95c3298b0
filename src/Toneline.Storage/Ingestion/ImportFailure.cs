namespace Toneline.Storage.Ingestion;

/// <summary>A conversation that was skipped, where it came from, and why.</summary>
public sealed record ImportFailure(string Source, int? Line, string? ConversationId, string Message)
{
    /// <summary>The failure as <c>file:line: id: message</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{Source}:{line}" : Source;
        return ConversationId is null ? $"{where}: {Message}" : $"{where}: conversation '{ConversationId}': {Message}";
    }
}
