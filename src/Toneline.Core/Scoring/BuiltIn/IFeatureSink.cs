namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Receives the hashed word features of a text for the learned layer.</summary>
internal interface IFeatureSink
{
    /// <summary>Whether features are wanted at all; false lets the walk skip hashing them.</summary>
    bool Enabled { get; }

    /// <summary>One sparse feature, from the token spanning [<paramref name="start"/>, <paramref name="end"/>).</summary>
    void Add(ulong feature, int start, int end);

    /// <summary>
    /// Adds <paramref name="feature"/> when <paramref name="wanted"/>. A sink that sums may add zero
    /// instead of branching: whether a word has a stem is a coin toss the processor cannot predict.
    /// </summary>
    void AddWhen(bool wanted, ulong feature, int start, int end);
}
