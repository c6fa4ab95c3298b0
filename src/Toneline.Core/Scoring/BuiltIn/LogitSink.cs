namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Adds each feature's weights to the negative and positive logits as the walk emits it.</summary>
internal struct LogitSink : IFeatureSink
{
    private readonly LinearModel _model;
    private readonly float[] _weights;

    public LogitSink(LinearModel model)
    {
        _model = model;
        _weights = model.Sparse;
        Negative = 0;
        Positive = 0;
    }

    public float Negative;
    public float Positive;

    public readonly bool Enabled => true;

    public void Add(ulong feature, int start, int end)
    {
        int slot = _model.Bucket(feature) << 1;
        Negative += _weights[slot];
        Positive += _weights[slot + 1];
    }
}
