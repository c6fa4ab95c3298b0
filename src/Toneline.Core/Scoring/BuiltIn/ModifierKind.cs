namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>How a modifier word changes the cues around it (see Data/modifiers.tsv).</summary>
internal enum ModifierKind : byte
{
    None,
    Negator,
    Intensifier,
    Diminisher,
    Contrast,
    Concession,
    Conditional,
    Question,
    Still,
    Emphasis,
    Blocker,
    Number,
    TimeUnit,
    Lack,
    OwnFault,
}
