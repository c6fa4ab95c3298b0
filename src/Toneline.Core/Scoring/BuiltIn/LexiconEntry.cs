namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>What the lexicon knows about one word or phrase.</summary>
/// <remarks>
/// An entry can be a sentiment cue (<see cref="Valence"/> ≠ 0), a modifier, and the first word of
/// longer phrases (<see cref="LongestPhrase"/> &gt; 1) at once; the engine decides which role applies.
/// </remarks>
internal struct LexiconEntry
{
    /// <summary>Valence on -4..+4; 0 when the entry is not a cue.</summary>
    public float Valence;

    /// <summary>The modifier's multiplier.</summary>
    public Half ModifierHalf;

    /// <summary>The modifier role, if any.</summary>
    public ModifierKind Modifier;

    /// <summary>The emotion the cue signals, or -1.</summary>
    public sbyte Emotion;

    /// <summary>What kind of cue it is (word, phrase, service event, emoji).</summary>
    public EvidenceKind Kind;

    /// <summary>Number of tokens of the entry itself.</summary>
    public byte Tokens;

    /// <summary>Token count of the longest phrase that starts with this entry's first token.</summary>
    public byte LongestPhrase;

    /// <summary>Whether the entry is an emoticon ("&lt;3") the tokenizer should recognize.</summary>
    public bool IsEmoticon;

    public readonly bool IsCue => Valence != 0;

    /// <summary>The modifier's multiplier (stored as a half float so a table slot takes 16 bytes).</summary>
    public float ModifierValue
    {
        readonly get => (float)ModifierHalf;
        set => ModifierHalf = (Half)value;
    }
}
