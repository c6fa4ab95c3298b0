namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>One sentiment cue found while scoring, before it becomes public <see cref="Evidence"/>.</summary>
internal struct Cue
{
    public int Start;
    public int End;
    public double Weight;
    public EvidenceKind Kind;
    public sbyte Emotion;
    public CueNote Note;
}
