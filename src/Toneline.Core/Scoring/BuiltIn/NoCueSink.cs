namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Discards cues: used when only the score is wanted.</summary>
internal struct NoCueSink : ICueSink
{
    public readonly int Count => 0;

    public readonly void Add(in Cue cue)
    {
    }

    public readonly void Scale(int from, double positive, double negative, CueNote note)
    {
    }

    public readonly void ScaleOne(int index, double factor, CueNote note)
    {
    }
}
