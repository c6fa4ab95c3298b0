namespace Toneline.Core.Text;

/// <summary>A span of the input with the hash of its normalized form.</summary>
/// <remarks>
/// <see cref="Hash"/> is computed over the lower-cased text with typographic apostrophes folded
/// to "'" and letter runs squeezed to two, so lexicon keys and text tokens meet without allocating.
/// <see cref="Stem"/> is the same hash over the first <see cref="WordHash.StemLength"/> characters
/// of a longer word ("disappointing" → "disa"), zero otherwise: the learned layer's feature for
/// word forms it never saw in training.
/// <see cref="Count"/> is the number of '!' for sentence-ending punctuation.
/// </remarks>
internal struct Token
{
    public int Start;
    public int Length;
    public ulong Hash;
    public ulong Stem;
    public TokenKind Kind;
    public TokenFlags Flags;
    public byte Count;

    public readonly int End => Start + Length;

    public readonly bool Has(TokenFlags flag) => (Flags & flag) != 0;
}
