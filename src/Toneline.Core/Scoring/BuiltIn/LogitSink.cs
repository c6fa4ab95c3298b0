using System.Runtime.CompilerServices;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Adds each feature's quantized weights to the negative and positive logits as the walk emits it.</summary>
internal struct LogitSink : IFeatureSink
{
    private readonly sbyte[] _weights;
    private readonly int _bits;
    private readonly float _step;
    private int _negative;
    private int _positive;

    public LogitSink(LinearModel model)
    {
        _weights = model.Weights;
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
        // Both weights of the bucket in one read: [2b] negative in the low byte, [2b + 1] positive;
        // negated without a branch when the feature's sign is negative (x ^ -1) - (-1) = -x.
        int signed = LinearModel.SignedBucketOf(feature, _bits);
        int sign = signed >> 31;
        int slot = (signed ^ sign) << 1;
        ushort pair = Unsafe.ReadUnaligned<ushort>(ref Unsafe.As<sbyte, byte>(ref _weights[slot]));
        int negative = BitConverter.IsLittleEndian ? (sbyte)pair : (sbyte)(pair >> 8);
        int positive = BitConverter.IsLittleEndian ? (sbyte)(pair >> 8) : (sbyte)pair;
        _negative += (negative ^ sign) - sign;
        _positive += (positive ^ sign) - sign;
    }
}
