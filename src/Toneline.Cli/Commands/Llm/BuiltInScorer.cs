using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Cli.Commands.Llm;

/// <summary>The built-in conversation scorer the LLM commands fall back to and compare with.</summary>
internal static class BuiltInScorer
{
    /// <summary>The built-in engine with default options.</summary>
    public static IConversationScorer Create() => ConversationScorer.CreateDefault();
}
