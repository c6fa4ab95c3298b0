namespace Toneline.Core.Scoring;

/// <summary>What kind of cue a piece of evidence is.</summary>
public enum EvidenceKind : byte
{
    /// <summary>A sentiment-bearing word ("great", "terrible").</summary>
    Word,

    /// <summary>A multi-word expression ("waste of time", "above and beyond").</summary>
    Phrase,

    /// <summary>A customer-service event with no sentiment words ("on hold for an hour", "works now").</summary>
    ServiceEvent,

    /// <summary>An emoji or emoticon.</summary>
    Emoji,

    /// <summary>Agent courtesy or apology, read as empathy rather than negativity.</summary>
    Courtesy,

    /// <summary>A word or word pair whose weight was learned from labeled data.</summary>
    Learned,
}
