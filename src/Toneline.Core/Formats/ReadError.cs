namespace Toneline.Core.Formats;

/// <summary>Why a conversation could not be read, and where.</summary>
/// <param name="Source">The file name, or <c>-</c> for standard input.</param>
/// <param name="Line">The 1-based line, when known.</param>
/// <param name="Field">The field or column at fault, when known.</param>
/// <param name="Message">What was wrong and what was expected.</param>
public sealed record ReadError(string Source, int? Line, string? Field, string Message)
{
    /// <summary>The error as <c>file:line: field: message</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $"{Source}:{line}" : Source;
        return Field is null ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}
