using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>Adds each feature's quantized weights to the negative and positive logits as the walk emits it.</summary>
/// <remarks>
/// Both logits are summed in one 64-bit value (<see cref="LinearModel.PackedPairs"/>): one addition
/// per feature. The bucket and its sign are those of <see cref="LinearModel.SignedBucketOf"/>,
/// computed inline with the shifts fixed when the sink is made.
/// </remarks>
internal struct LogitSink : IFeatureSink
{
    private readonly byte[] _codes;
    private readonly long[] _packed;
    private readonly int _bucketShift;
    private readonly int _signShift;
    private readonly float _step;
    private long _sum;

    public LogitSink(LinearModel model)
    {
        _codes = model.Codes;
        _packed = model.PackedPairs;
        _bucketShift = 64 - model.Bits;
        _signShift = 63 - model.Bits;
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

    // Add is AddWhen with a constant true: inlined, the mask folds away.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong feature, int start, int end) => AddWhen(true, feature, start, end);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddWhen(bool wanted, ulong feature, int start, int end)
    {
        ulong mixed = feature * LinearModel.HashMultiplier;
        // In range by construction: the bucket has the model's bits (codes.Length == 2^bits) and a code is a byte (256 pairs).
        byte code = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_codes), (nint)(mixed >> _bucketShift));
        long value = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_packed), code);
        long negate = -(long)((mixed >> _signShift) & 1);
        long keep = -(long)(wanted ? 1 : 0);
        _sum += ((value ^ negate) - negate) & keep;
    }
}
