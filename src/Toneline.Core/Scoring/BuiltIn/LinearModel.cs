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
/// Word weights are quantized to 4 bits: each is one of 15 levels (zero and seven magnitudes of
/// either sign, fitted to the trained weights by Lloyd's algorithm), so a bucket's two weights fit
/// in one byte and the table of 2^18 buckets takes 256 KB, which stays in a core's cache next to the
/// lexicon (the scoring walk waits on these loads; the 512 KB table of 8-bit weights was measurably
/// slower, and cross-validation did not tell the two apart). The quantized model is what training
/// evaluates. Stored as a deflate-compressed binary file embedded in the assembly (Data/model.bin),
/// written by <c>toneline train</c>. Immutable once loaded and safe to share across threads.
/// </remarks>
internal sealed class LinearModel
{
    public const string ResourceName = "model.bin";
    public const int FullWeightWords = 30;
    private const uint Magic = 0x354D4C54; // "TLM5": signed feature hashing, 4-bit weights, word weights over √sentences, agent feeling words

    /// <summary>The multiplier that mixes a feature hash before its top bits pick the bucket.</summary>
    public const ulong HashMultiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>Magnitudes a 4-bit weight can take besides zero.</summary>
    public const int Levels = 7;

    /// <summary>Creates a model from trained weights, quantizing the word weights.</summary>
    public LinearModel(int bits, float[] sparse, float[] dense, float[] bias, IReadOnlyList<string> trainedOn, string description)
        : this(bits, Quantize(sparse, out float step, out byte[] levels), levels, step, dense, bias, trainedOn, description)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(sparse.Length, 2 << bits);
    }

    private LinearModel(int bits, byte[] codes, byte[] levels, float step, float[] dense, float[] bias, IReadOnlyList<string> trainedOn, string description)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 24);
        if (codes.Length != 1 << bits || levels.Length != Levels || dense.Length != DenseFeatures.Count * 2 || bias.Length != 2)
        {
            throw new ArgumentException("Weight arrays do not match the model's shape.");
        }

        Bits = bits;
        Codes = codes;
        LevelSteps = levels;
        PackedPairs = DecodeTable(levels);
        Step = step;
        Dense = dense;
        Bias = bias;
        TrainedOn = trainedOn;
        Description = description;
    }

    public int Bits { get; }

    /// <summary>
    /// One byte per bucket: the negative weight's 4-bit code in the low nibble, the positive weight's
    /// in the high nibble. Code 0 is zero, 1–7 the levels, 9–15 the same levels negated.
    /// </summary>
    public byte[] Codes { get; }

    /// <summary>The seven magnitudes, in steps.</summary>
    public byte[] LevelSteps { get; }

    /// <summary>
    /// For every code byte, its negative weight plus its positive weight times 2^32: one addition adds
    /// both, and sums of up to 2^31 steps either way come apart again with <see cref="Unpack"/>.
    /// </summary>
    public long[] PackedPairs { get; }

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
        ulong mixed = feature * HashMultiplier;
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
    /// The signed negative and positive weights a feature adds, in steps: one byte of the code table,
    /// decoded through <see cref="PackedPairs"/>.
    /// </summary>
    public void WeightsOf(ulong feature, out int negative, out int positive)
    {
        int sign = Unsign(SignedBucketOf(feature, Bits), out int bucket);
        Unpack(sign * PackedPairs[Codes[bucket]], out negative, out positive);
    }

    /// <summary>Splits a sum of <see cref="PackedPairs"/> values into its negative and positive sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Unpack(long packed, out int negative, out int positive)
    {
        negative = (int)packed;
        positive = (int)((packed - negative) >> 32);
    }

    /// <summary>The value of a 4-bit code, in steps.</summary>
    private static int ValueOf(int code, byte[] levels) => code switch
    {
        0 or 8 => 0,
        < 8 => levels[code - 1],
        _ => -levels[code - 9],
    };

    /// <summary>
    /// How much the word features of a text count: fully up to <see cref="FullWeightWords"/> words, then
    /// by the square root of the ratio, so a long text's many words do not drive it to ±1; and over the
    /// square root of its sentence count, since the rule layer's features hold their size as sentences
    /// are added and the word weights would otherwise outgrow them ("The delivery was late." said four
    /// times read positive: each sentence's small learned correction to the rules added up).
    /// </summary>
    /// <remarks>
    /// Cross-validated over five seeds (divide by sentences^0.3, ^0.5, ^0.75, ^1, from the first, second or
    /// third sentence on): ^0.5 from the second, the best mean over the twelve files (+0.002), general
    /// tweets +0.013, the contact-center files within ±0.003.
    /// </remarks>
    public static float SparseScale(int words, int sentences)
    {
        float scale = words <= FullWeightWords ? 1f : MathF.Sqrt((float)FullWeightWords / words);
        return sentences > 1 ? scale / MathF.Sqrt(sentences) : scale;
    }

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
        var levels = reader.ReadBytes(Levels);
        var codes = new byte[1 << bits];

        // Non-zero code bytes are stored as (gap from the previous non-zero index, code byte).
        int nonZero = reader.ReadInt32();
        int index = -1;
        for (int i = 0; i < nonZero; i++)
        {
            index += reader.ReadInt32();
            codes[index] = reader.ReadByte();
        }

        return new LinearModel(bits, codes, levels, step, dense, bias, trainedOn, description);
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
        writer.Write(LevelSteps);
        writer.Write(Codes.Count(c => c != 0));
        int previous = -1;
        for (int i = 0; i < Codes.Length; i++)
        {
            if (Codes[i] != 0)
            {
                writer.Write(i - previous);
                writer.Write(Codes[i]);
                previous = i;
            }
        }
    }

    /// <summary>
    /// Quantizes the weights to 4-bit codes: first to steps of the largest weight / 127, then each
    /// magnitude to the nearest of <see cref="Levels"/> levels that Lloyd's algorithm fits to the
    /// distribution of non-zero magnitudes (deterministic: fixed start, fixed iteration count).
    /// </summary>
    private static byte[] Quantize(float[] sparse, out float step, out byte[] levels)
    {
        float max = 0;
        foreach (float w in sparse)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        step = max > 0 ? max / 127 : 1;
        var steps = new int[sparse.Length];
        var histogram = new long[128];
        for (int i = 0; i < sparse.Length; i++)
        {
            steps[i] = (int)Math.Clamp(MathF.Round(sparse[i] / step), -127, 127);
            histogram[Math.Abs(steps[i])]++;
        }

        levels = FitLevels(histogram);
        var nearest = new int[128];
        for (int magnitude = 1; magnitude < 128; magnitude++)
        {
            nearest[magnitude] = NearestLevel(magnitude, levels);
        }

        var codes = new byte[sparse.Length / 2];
        for (int b = 0; b < codes.Length; b++)
        {
            codes[b] = (byte)(CodeOf(steps[2 * b], nearest) | (CodeOf(steps[(2 * b) + 1], nearest) << 4));
        }

        return codes;
    }

    private static int CodeOf(int steps, int[] nearest)
    {
        int level = nearest[Math.Abs(steps)];
        return level == 0 ? 0 : steps > 0 ? level : level + 8;
    }

    /// <summary>The level (1-based; 0 = zero) nearest to a magnitude in steps.</summary>
    private static int NearestLevel(int magnitude, byte[] levels)
    {
        int best = 0, bestDistance = magnitude;
        for (int k = 0; k < levels.Length; k++)
        {
            int distance = Math.Abs(magnitude - levels[k]);
            if (distance < bestDistance)
            {
                best = k + 1;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Lloyd's algorithm on the histogram of non-zero magnitudes (1–127 steps), zero kept as a level.</summary>
    private static byte[] FitLevels(long[] histogram)
    {
        var centers = new double[Levels];
        for (int k = 0; k < Levels; k++)
        {
            // Start spread quadratically: most weights are small.
            double t = (k + 1.0) / Levels;
            centers[k] = 127 * t * t;
        }

        var sums = new double[Levels];
        var counts = new double[Levels];
        for (int iteration = 0; iteration < 100; iteration++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            for (int magnitude = 1; magnitude < histogram.Length; magnitude++)
            {
                int best = -1;
                double bestDistance = magnitude;
                for (int k = 0; k < Levels; k++)
                {
                    double distance = Math.Abs(magnitude - centers[k]);
                    if (distance < bestDistance)
                    {
                        best = k;
                        bestDistance = distance;
                    }
                }

                if (best >= 0)
                {
                    sums[best] += magnitude * (double)histogram[magnitude];
                    counts[best] += histogram[magnitude];
                }
            }

            for (int k = 0; k < Levels; k++)
            {
                if (counts[k] > 0)
                {
                    centers[k] = sums[k] / counts[k];
                }
            }
        }

        var levels = new byte[Levels];
        for (int k = 0; k < Levels; k++)
        {
            levels[k] = (byte)Math.Clamp(Math.Round(centers[k]), 1, 127);
        }

        return levels;
    }

    /// <summary>The <see cref="PackedPairs"/> of every code byte.</summary>
    private static long[] DecodeTable(byte[] levels)
    {
        var pairs = new long[256];
        for (int b = 0; b < pairs.Length; b++)
        {
            pairs[b] = ValueOf(b & 15, levels) + ((long)ValueOf(b >> 4, levels) << 32);
        }

        return pairs;
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
