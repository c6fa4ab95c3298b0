using Toneline.Core.Conversations;
using Toneline.Core.Formats;

namespace Toneline.Core.Tests.Formats;

/// <summary>Shortcuts for reading inline transcripts in tests.</summary>
internal static class Reading
{
    public static List<ReadResult> All(string content, string sourceName, ReadOptions? options = null)
    {
        using var reader = new StringReader(content);
        return [.. ConversationReader.Read(reader, sourceName, options)];
    }

    public static Conversation One(string content, string sourceName, ReadOptions? options = null)
    {
        var results = All(content, sourceName, options);
        var result = Assert.Single(results);
        Assert.True(result.Error is null, result.Error?.ToString());
        return result.Conversation!;
    }

    public static ReadError Error(string content, string sourceName, ReadOptions? options = null)
    {
        var result = Assert.Single(All(content, sourceName, options));
        Assert.NotNull(result.Error);
        return result.Error;
    }

    public static string DataPath(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Formats", name);
}
