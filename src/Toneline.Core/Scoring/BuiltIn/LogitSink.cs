namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Adds each feature's quantized weights to the negative and positive logits as the walk emits it.</summary>
/// <remarks>Both logits are summed in one 64-bit value (<see cref="LinearModel.PackedPairs"/>): one addition per feature.</remarks>
internal struct LogitSink : IFeatureSink
{
    private readonly byte[] _codes;
    private readonly long[] _packed;
    private readonly int _bits;
    private readonly float _step;
    private long _sum;

    public LogitSink(LinearModel model)
    {
        _codes = model.Codes;
        _packed = model.PackedPairs;
        _bits = model.Bits;
        _step = model.Step;
        _sum = 0;
    }

    public readonly float Negative
    {
        get
        {
            LinearModel.Unpack(_sum, out int negative, out _);
            return negative * _step;
        }
    }

    public readonly float Positive
    {
        get
        {
            LinearModel.Unpack(_sum, out _, out int positive);
            return positive * _step;
        }
    }

    public readonly bool Enabled => true;

    public void Add(ulong feature, int start, int end)
    {
        int sign = LinearModel.Unsign(LinearModel.SignedBucketOf(feature, _bits), out int bucket);
        _sum += sign * _packed[_codes[bucket]];
    }
}
