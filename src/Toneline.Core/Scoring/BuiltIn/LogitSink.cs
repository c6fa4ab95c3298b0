namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Adds each feature's quantized weights to the negative and positive logits as the walk emits it.</summary>
internal struct LogitSink : IFeatureSink
{
    private readonly byte[] _codes;
    private readonly int[] _pairs;
    private readonly int _bits;
    private readonly float _step;
    private int _negative;
    private int _positive;

    public LogitSink(LinearModel model)
    {
        _codes = model.Codes;
        _pairs = model.Pairs;
        _bits = model.Bits;
        _step = model.Step;
        _negative = 0;
        _positive = 0;
    }

    public readonly float Negative => _negative * _step;

    public readonly float Positive => _positive * _step;

    public readonly bool Enabled => true;

    public void Add(ulong feature, int start, int end)
    {
        LinearModel.WeightsOf(_codes, _pairs, _bits, feature, out int negative, out int positive);
        _negative += negative;
        _positive += positive;
    }
}
