namespace Toneline.Core.Conversations;

/// <content>Whether the customer's issue was resolved, and the cue that tells.</content>
public sealed partial class ConversationScorer
{
    /// <summary>The fewest turns the end of a conversation takes when reading its resolution.</summary>
    private const int ResolutionEndTurns = 4;

    /// <summary>
    /// Reads whether the issue was resolved from what was said, not from the mood alone: a customer
    /// can be resolved and still annoyed, or thank a kind agent who could not help.
    /// </summary>
    /// <remarks>
    /// Cues come from <see cref="ResolutionCues"/>, read over the whole conversation in order. Then:
    /// <list type="number">
    /// <item>A refusal by the agent ("I'm not able to", "not eligible") anywhere, or an open problem
    /// at the end ("still not working", "I'll call back"), after the last fix: unresolved.</item>
    /// <item>A fix ("works now", "the fee has been waived", or the engine's evidence of relief):
    /// resolved, however the customer sounds.</item>
    /// <item>A customer who ends upset: unresolved.</item>
    /// <item>A customer who says at the end that the question is answered ("that's what I needed"),
    /// or answers the agent's "anything else?" with "no, that's it": resolved.</item>
    /// <item>A customer who ends positive: resolved. Otherwise unknown.</item>
    /// </list>
    /// Measured on the labeled conversations in eval/ (docs/scoring.md).
    /// </remarks>
    /// <returns>Whether resolved, when that can be told, and the cue that decided it, if one did.</returns>
    internal static (bool? Resolved, ResolutionCue? Cue) ReadResolution(
        Conversation conversation, IReadOnlyList<TurnScore> turns, int endStart, double? customerEnd)
    {
        int n = turns.Count;
        int end = Math.Max(0, Math.Min(endStart, n - ResolutionEndTurns));
        var cues = new List<ResolutionCue>();
        for (int i = 0; i < n; i++)
        {
            ResolutionCues.Default.Find(conversation.Turns[i].Text, turns[i].Role, i, turns[i].Sentiment.Evidence, cues);
        }

        cues.Sort((a, b) => (a.Turn, a.Start).CompareTo((b.Turn, b.Start)));
        ResolutionCue? lastFix = null, lastAgainst = null, answered = null;
        int offered = -1;
        foreach (var cue in cues)
        {
            switch (cue.Kind)
            {
                case ResolutionCueKind.Offer:
                    offered = cue.Turn;
                    break;
                case ResolutionCueKind.Declined when cue.Turn >= end && cue.Turn == offered + 1:
                    answered = cue;
                    break;
                case ResolutionCueKind.Fixed:
                    lastFix = cue;
                    break;
                case ResolutionCueKind.Refused:
                case ResolutionCueKind.Open when cue.Turn >= end:
                    lastAgainst = cue;
                    break;
                case ResolutionCueKind.Answered when cue.Turn >= end:
                    answered = cue;
                    break;
            }
        }

        if (lastAgainst is { } against && (lastFix is not { } fix || (fix.Turn, fix.Start).CompareTo((against.Turn, against.Start)) < 0))
        {
            return (false, against);
        }

        if (lastFix is not null)
        {
            return (true, lastFix);
        }

        if (answered is not null)
        {
            return (true, answered);
        }

        if (customerEnd is < -0.2)
        {
            return (false, null);
        }

        return (customerEnd is > 0.2 ? true : null, null);
    }
}
