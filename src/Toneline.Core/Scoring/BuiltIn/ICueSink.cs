namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Receives the cues the engine finds; a struct no-op sink keeps the fast path allocation-free.</summary>
internal interface ICueSink
{
    int Count { get; }

    void Add(in Cue cue);

    /// <summary>Multiplies the weights of cues from <paramref name="from"/> on, by sign.</summary>
    void Scale(int from, double positive, double negative, CueNote note);

    /// <summary>Multiplies one cue's weight.</summary>
    void ScaleOne(int index, double factor, CueNote note);
}
