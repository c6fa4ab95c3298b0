using Toneline.Core.Text;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>
/// Emits the learned layer's sparse features as the rule walk passes each token: the word and its
/// stem, the word pair ending at it, and the word marked as negated when a negator precedes it in the
/// clause, as hypothetical inside an "if" clause, or as an agent's when an agent says a negative
/// feeling word, or as quoted inside a short quotation. (An agent's copies of them come from <see cref="AgentFeatureSink{TInner}"/>.)
/// </summary>
/// <remarks>Features are hashes; the model maps them to weight buckets.</remarks>
internal struct WordFeatures
{
    private const ulong PairSalt = 0x5bd1e9955bd1e995UL;
    private const ulong NegatedSalt = 0xc2b2ae3d27d4eb4fUL;
    private const ulong HypotheticalSalt = 0x165667b19e3779f9UL;
    private const int NegationReach = 3;
    private const ulong StemSalt = 0x27d4eb2f165667c5UL;
    private const ulong AgentFeelingSalt = 0xd6e8feb86659fd93UL;

    private static readonly ulong SentenceStart = TextHash.Combine(TextHash.Seed, 0x1F);
    private static readonly ulong NumberWord = TextHash.Combine(TextHash.Seed, 0x23);
    private static readonly ulong QuestionMark = TextHash.Combine(TextHash.Seed, '?');
    private static readonly ulong ExclamationMark = TextHash.Combine(TextHash.Seed, '!');
    private static readonly ulong QuoteMark = TextHash.Combine(TextHash.Seed, '"');

    private const ulong QuotedSalt = 0x85ebca6b0b1a2d3fUL;

    private ulong _previous;
    private int _negation;
    // The mark of the words to the clause's end: hypothetical inside an "if" clause, else quoted inside
    // a short quotation, else none. One field, so a word's mark costs a single branch (on negation).
    private ulong _clauseMark;
    private bool _quoted;

    public int Count { get; private set; }

    public void Add<TFeatures>(in Token token, ref TFeatures features, bool unigram = true, bool agentFeeling = false)
        where TFeatures : IFeatureSink
    {
        Count++;
        if (!features.Enabled)
        {
            return;
        }

        ulong word = token.Kind == TokenKind.Number ? NumberWord : token.Hash;
        ulong previous = _previous == 0 ? SentenceStart : _previous;
        // Marked words replace plain ones: "happy" after "not" or inside an "if" clause is another
        // feature. Pairs are marked inside a negation only ("like it" after "don't" is no praise); in
        // an "if" clause the plain pair stays (cross-validated: marking those too lost more than it won).
        ulong voice = agentFeeling ? AgentFeelingSalt : 0;
        ulong mark = (_negation > 0 ? NegatedSalt : _clauseMark) ^ voice;
        ulong pairMark = (_negation > 0 ? NegatedSalt : 0) ^ voice;
        if (unigram)
        {
            features.Add(mark == 0 ? word : TextHash.Combine(word, mark), token.Start, token.End);

            // The stem, marked like the word, carries what related forms taught ("refunded", "refunds").
            features.AddWhen(token.Stem != 0, TextHash.Combine(token.Stem, StemSalt ^ mark), token.Start, token.End);
        }

        if (_negation > 0)
        {
            _negation--;
        }

        features.Add(TextHash.Combine(previous, word) ^ PairSalt ^ pairMark, token.Start, token.End);
        _previous = word;
    }

    /// <summary>Adds the words among tokens <paramref name="first"/> to <paramref name="last"/>, their own weights only when <paramref name="unigrams"/>.</summary>
    /// <param name="tokens">The text's tokens.</param>
    /// <param name="first">The first token of the lexicon match.</param>
    /// <param name="last">Its last token.</param>
    /// <param name="features">Where the features go.</param>
    /// <param name="unigrams">Whether the words add weights of their own, besides their pairs.</param>
    /// <param name="agentFeeling">The tokens are a negative feeling word an agent said: marked, since an agent mostly names the customer's feelings.</param>
    public void AddRange<TFeatures>(ReadOnlySpan<Token> tokens, int first, int last, ref TFeatures features, bool unigrams, bool agentFeeling)
        where TFeatures : IFeatureSink
    {
        for (int i = first; i <= last; i++)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Emoji or TokenKind.Emoticon or TokenKind.Number)
            {
                Add(tokens[i], ref features, unigrams, agentFeeling);
            }
        }
    }

    /// <summary>Counts words that emit no features; the next word pairs with the word before them.</summary>
    public void Skip(int words) => Count += words;

    /// <summary>The words after a negator, up to three in the clause, are marked as negated.</summary>
    public void Negate() => _negation = NegationReach;

    /// <summary>Ends a negation's marks early: "never been so happy" is no negated happiness.</summary>
    public void Unnegate() => _negation = 0;

    /// <summary>A short quotation starts ("the 'free' wifi"): its words are marked as quoted, and the text carries a quotation.</summary>
    public void Quote<TFeatures>(in Token quote, ref TFeatures features)
        where TFeatures : IFeatureSink
    {
        _quoted = true;
        _clauseMark = _clauseMark == 0 ? QuotedSalt : _clauseMark;
        if (features.Enabled)
        {
            features.Add(QuoteMark, quote.Start, quote.End);
        }
    }

    /// <summary>The quotation ends.</summary>
    public void EndQuote()
    {
        _quoted = false;
        _clauseMark = _clauseMark == QuotedSalt ? 0 : _clauseMark;
    }

    /// <summary>The words of an "if" clause, to its end, are marked as hypothetical.</summary>
    public void Hypothesize() => _clauseMark = HypotheticalSalt;

    public void EndClause<TFeatures>(in Token punctuation, ref TFeatures features)
        where TFeatures : IFeatureSink
    {
        _negation = 0;
        _clauseMark = _quoted ? QuotedSalt : 0;
        if (!punctuation.Has(TokenFlags.SentenceEnd))
        {
            return;
        }

        if (features.Enabled)
        {
            if (punctuation.Has(TokenFlags.Question))
            {
                features.Add(QuestionMark, punctuation.Start, punctuation.End);
            }

            if (punctuation.Has(TokenFlags.Exclamation))
            {
                features.Add(ExclamationMark, punctuation.Start, punctuation.End);
            }
        }

        _previous = 0;
    }
}
