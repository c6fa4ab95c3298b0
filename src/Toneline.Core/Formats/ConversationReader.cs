namespace Toneline.Core.Formats;

/// <summary>Reads conversations from transcript files in any supported format.</summary>
/// <remarks>
/// Readers never throw for bad content: each bad conversation becomes a <see cref="ReadResult"/>
/// with an error naming the file, line and field, and reading goes on with the next one.
/// </remarks>
public static class ConversationReader
{
    /// <summary>Reads every conversation in a file.</summary>
    public static IEnumerable<ReadResult> ReadFile(string path, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        throw new NotImplementedException("Formats are being written (issue 2).");
    }

    /// <summary>Reads every conversation from a text reader; <paramref name="sourceName"/> names it in errors.</summary>
    public static IEnumerable<ReadResult> Read(TextReader reader, string sourceName, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        throw new NotImplementedException("Formats are being written (issue 2).");
    }
}
