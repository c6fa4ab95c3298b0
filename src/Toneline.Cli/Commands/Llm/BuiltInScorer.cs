using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Cli.Commands.Llm;

/// <summary>The built-in conversation scorer the LLM commands fall back to and compare with.</summary>
internal static class BuiltInScorer
{
    /// <summary>The built-in engine with default options.</summary>
    public static IConversationScorer Create() => new Pending();

    /// <summary>Stands in until the built-in conversation scorer lands on main (issue 1); it says so instead of guessing.</summary>
    private sealed class Pending : IConversationScorer
    {
        public ScoringMethod Method { get; } = new("toneline-builtin", "pending", "0");

        public ValueTask<ConversationScore> ScoreAsync(Conversation conversation, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The built-in conversation scorer is not available in this build yet.");
    }
}
