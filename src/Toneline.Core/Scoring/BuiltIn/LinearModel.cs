using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>
/// The learned layer: a multinomial logistic regression over hashed word features and the rule
/// layer's dense features. Neutral is the reference class (logit 0); the model holds a negative and
/// a positive weight per feature.
/// </summary>
/// <remarks>
/// Word weights are quantized to 8 bits (one step = the largest weight / 127): the table of 2^18
/// buckets then takes 512 KB and stays in cache, and the quantized model is what training
/// evaluates. Stored as a deflate-compressed binary file embedded in the assembly (Data/model.bin),
/// written by <c>toneline train</c>. Immutable once loaded and safe to share across threads.
/// </remarks>
internal sealed class LinearModel
{
    public const string ResourceName = "model.bin";
    public const int FullWeightWords = 30;
    private const uint Magic = 0x334D4C54; // "TLM3": signed feature hashing

    /// <summary>Creates a model from trained weights, quantizing the word weights.</summary>
    public LinearModel(int bits, float[] sparse, float[] dense, float[] bias, IReadOnlyList<string> trainedOn, string description)
        : this(bits, Quantize(sparse, out float step), step, dense, bias, trainedOn, description)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(sparse.Length, 2 << bits);
    }

    private LinearModel(int bits, sbyte[] weights, float step, float[] dense, float[] bias, IReadOnlyList<string> trainedOn, string description)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 24);
        if (weights.Length != 2 << bits || dense.Length != DenseFeatures.Count * 2 || bias.Length != 2)
        {
            throw new ArgumentException("Weight arrays do not match the model's shape.");
        }

        Bits = bits;
        Weights = weights;
        Step = step;
        Dense = dense;
        Bias = bias;
        TrainedOn = trainedOn;
        Description = description;
    }

    public int Bits { get; }

    /// <summary>Two quantized weights per bucket: [2b] negative, [2b + 1] positive; multiply by <see cref="Step"/>.</summary>
    public sbyte[] Weights { get; }

    /// <summary>The value of one quantization step.</summary>
    public float Step { get; }

    public float[] Dense { get; }

    public float[] Bias { get; }

    /// <summary>File names of the training sources; their held-out fold is what evaluation reports.</summary>
    public IReadOnlyList<string> TrainedOn { get; }

    /// <summary>How the model was trained (sources, split, hyperparameters), for people.</summary>
    public string Description { get; }

    /// <summary>
    /// The weight bucket of a feature hash in a table of 2^<paramref name="bits"/> buckets, as b when the
    /// feature adds the bucket's weights and as ~b (negative) when it subtracts them.
    /// </summary>
    /// <remarks>
    /// Signed hashing: features that share a bucket cancel out on average instead of adding up, so
    /// collisions cost less accuracy. The sign is the hash bit just below the bucket's bits.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SignedBucketOf(ulong feature, int bits)
    {
        ulong mixed = feature * 0x9E3779B97F4A7C15UL;
        int bucket = (int)(mixed >> (64 - bits));
        int negative = -(int)((mixed >> (63 - bits)) & 1);
        return bucket ^ negative;
    }

    /// <summary>Splits a <see cref="SignedBucketOf"/> result into its bucket and its sign (+1 or -1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Unsign(int signed, out int bucket)
    {
        int mask = signed >> 31;
        bucket = signed ^ mask;
        return mask | 1;
    }

    /// <summary>
    /// The signed, quantized negative and positive weights a feature adds, read in one two-byte load
    /// ([2b] negative, [2b + 1] positive).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WeightsOf(sbyte[] weights, int bits, ulong feature, out int negative, out int positive)
    {
        int sign = Unsign(SignedBucketOf(feature, bits), out int bucket);
        ushort pair = Unsafe.ReadUnaligned<ushort>(ref Unsafe.As<sbyte, byte>(ref weights[bucket << 1]));
        negative = sign * (BitConverter.IsLittleEndian ? (sbyte)pair : (sbyte)(pair >> 8));
        positive = sign * (BitConverter.IsLittleEndian ? (sbyte)(pair >> 8) : (sbyte)pair);
    }

    /// <summary>
    /// How much the word features of a text count: fully up to <see cref="FullWeightWords"/> words, then
    /// by the square root of the ratio, so a long text's many words do not drive it to ±1.
    /// </summary>
    public static float SparseScale(int words) => words <= FullWeightWords ? 1f : MathF.Sqrt((float)FullWeightWords / words);

    public static LinearModel? LoadEmbedded()
    {
        using var stream = typeof(LinearModel).Assembly.GetManifestResourceStream("Toneline.Scoring." + ResourceName);
        return stream is null ? null : Load(stream);
    }

    public static LinearModel Load(Stream stream)
    {
        using var deflate = new DeflateStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(deflate, Encoding.UTF8);
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("Not a Toneline model file of this version (bad magic number); retrain with 'toneline train'.");
        }

        int bits = reader.ReadInt32();
        int denseCount = reader.ReadInt32();
        if (denseCount != DenseFeatures.Count)
        {
            throw new InvalidDataException($"The model has {denseCount} dense features but this build expects {DenseFeatures.Count}; retrain with 'toneline train'.");
        }

        string description = reader.ReadString();
        int sources = reader.ReadInt32();
        var trainedOn = new List<string>(sources);
        for (int i = 0; i < sources; i++)
        {
            trainedOn.Add(reader.ReadString());
        }

        var bias = ReadFloats(reader, 2);
        var dense = ReadFloats(reader, denseCount * 2);
        float step = reader.ReadSingle();
        var weights = new sbyte[2 << bits];

        // Non-zero weights are stored as (gap from the previous non-zero index, value).
        int nonZero = reader.ReadInt32();
        int index = -1;
        for (int i = 0; i < nonZero; i++)
        {
            index += reader.ReadInt32();
            weights[index] = reader.ReadSByte();
        }

        return new LinearModel(bits, weights, step, dense, bias, trainedOn, description);
    }

    public void Save(Stream stream)
    {
        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(deflate, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Bits);
        writer.Write(DenseFeatures.Count);
        writer.Write(Description);
        writer.Write(TrainedOn.Count);
        foreach (var source in TrainedOn)
        {
            writer.Write(source);
        }

        WriteFloats(writer, Bias);
        WriteFloats(writer, Dense);
        writer.Write(Step);
        writer.Write(Weights.Count(w => w != 0));
        int previous = -1;
        for (int i = 0; i < Weights.Length; i++)
        {
            if (Weights[i] != 0)
            {
                writer.Write(i - previous);
                writer.Write(Weights[i]);
                previous = i;
            }
        }
    }

    private static sbyte[] Quantize(float[] sparse, out float step)
    {
        float max = 0;
        foreach (float w in sparse)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        step = max > 0 ? max / 127 : 1;
        var quantized = new sbyte[sparse.Length];
        for (int i = 0; i < sparse.Length; i++)
        {
            quantized[i] = (sbyte)Math.Clamp(MathF.Round(sparse[i] / step), -127, 127);
        }

        return quantized;
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        foreach (float value in values)
        {
            writer.Write(value);
        }
    }
}
