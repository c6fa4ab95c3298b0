namespace Toneline.Core.Conversations;

/// <summary>What a resolution cue says about the customer's issue.</summary>
internal enum ResolutionCueKind
{
    /// <summary>The problem is fixed or the request done: "works now", "the fee is waived".</summary>
    Fixed,

    /// <summary>The customer's question is answered: "that's what I needed".</summary>
    Answered,

    /// <summary>The problem remains: "still not working", "I'll call back".</summary>
    Open,

    /// <summary>The agent cannot do what was asked: "I'm not able to", "not eligible".</summary>
    Refused,

    /// <summary>The agent offers more help: "anything else?".</summary>
    Offer,

    /// <summary>The customer opens a turn with nothing more to ask: "no, that's it".</summary>
    Declined,
}

/// <summary>A resolution cue found in a turn.</summary>
/// <param name="Turn">Zero-based index of the turn.</param>
/// <param name="Start">Offset of the cue's first character in the turn's text.</param>
/// <param name="Length">Characters from <paramref name="Start"/> to the end of the cue's last word.</param>
/// <param name="Kind">What it says.</param>
internal readonly record struct ResolutionCue(int Turn, int Start, int Length, ResolutionCueKind Kind);
