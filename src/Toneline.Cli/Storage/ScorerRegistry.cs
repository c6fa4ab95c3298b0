using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Cli.Storage;

/// <summary>The scoring methods storage verbs can use, by name.</summary>
internal static class ScorerRegistry
{
    public static readonly string[] Names = ["builtin"];

    public static IConversationScorer? Create(string name) => name.ToLowerInvariant() switch
    {
        "builtin" => ConversationScorer.CreateDefault(),
        _ => null,
    };
}
