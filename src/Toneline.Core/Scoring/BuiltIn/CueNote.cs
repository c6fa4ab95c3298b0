namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>The rules that changed a cue's weight, recorded for the explanation.</summary>
[Flags]
internal enum CueNote : ushort
{
    None = 0,
    Negated = 1,
    Intensified = 2,
    Softened = 4,
    BeforeContrast = 8,
    Conditional = 16,
    Question = 32,
    Exclaimed = 64,
    Capitals = 128,
    Persisting = 256,
    Duration = 512,
    Apology = 1024,
    Concession = 2048,
    Ironic = 4096,
    OwnFault = 8192,
}
