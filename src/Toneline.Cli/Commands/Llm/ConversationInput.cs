using Toneline.Core.Conversations;
using Toneline.Core.Formats;
using Toneline.Llm.Regression;

namespace Toneline.Cli.Commands.Llm;

/// <summary>Reads the conversations the LLM commands work on.</summary>
/// <remarks>
/// Transcript files go through <see cref="ConversationReader"/>; labeled sets through <see cref="LabeledSetReader"/>.
/// </remarks>
internal static class ConversationInput
{
    /// <summary>Reads conversations from files; unreadable ones are written to <paramref name="errors"/>.</summary>
    public static List<Conversation> ReadFiles(IEnumerable<string> paths, TextWriter errors)
    {
        var conversations = new List<Conversation>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                errors.WriteLine($"{path}: no such file.");
                continue;
            }

            foreach (var result in ConversationReader.ReadFile(path))
            {
                if (result.Conversation is { } conversation)
                {
                    conversations.Add(conversation);
                }
                else
                {
                    errors.WriteLine(result.Error!.ToString());
                }
            }
        }

        return conversations;
    }

    /// <summary>Reads a labeled set; throws <see cref="FormatException"/> naming the file and line on bad input.</summary>
    public static List<LabeledConversation> ReadLabeled(string path)
    {
        using var reader = File.OpenText(path);
        return [.. LabeledSetReader.Read(reader, path).Select(l => new LabeledConversation(new Conversation(l.Id, l.Turns!), l.Label))];
    }
}
