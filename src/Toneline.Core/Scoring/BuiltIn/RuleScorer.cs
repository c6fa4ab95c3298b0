using System.Buffers;
using System.Runtime.CompilerServices;
using Toneline.Core.Conversations;
using Toneline.Core.Text;

namespace Toneline.Core.Scoring.BuiltIn;

/// <summary>
/// The rule layer of the built-in engine: walks the tokens once, matching the longest lexicon entry at
/// each position and applying negation, intensity, contrast, conditionals, questions, emphasis,
/// service-event durations and agent courtesy to each cue.
/// </summary>
/// <remarks>
/// Sentences are scored on their own and squashed into [-1, 1]; a text's score is the mean of its
/// sentence scores weighted by how much sentiment each carries, so long turns do not drift to ±1.
/// Thread-safe: all state lives on the stack.
/// </remarks>
internal sealed class RuleScorer
{
    /// <summary>How quickly a sentence's summed weight saturates toward ±1: s = r / √(r² + α).</summary>
    private const double Saturation = 6.0;

    /// <summary>The weight of a sentence without cues in the text mean: it dilutes, a little.</summary>
    private const double NeutralSentenceWeight = 0.25;

    /// <summary>What is left of a negative cue an agent says inside empathy: the feeling is the customer's, named.</summary>
    private const double NamedFeelingShare = 0.15;

    private const int NegationScopeWords = 3;
    private const int ModifierReachTokens = 3;
    private const int StackTokens = 512;

    // "too slow to be useful": after "too", an infinitive's "to" negates what follows it in the clause;
    // not after a subject, where "too" means "also" ("I too want to thank you").
    private static readonly ulong TooHash = WordHash.Of("too");
    private static readonly ulong ToHash = WordHash.Of("to");
    private static readonly ulong[] WouldHashes = Hashes("would", "i'd", "it'd", "that'd", "we'd", "you'd", "they'd", "he'd", "she'd", "id");
    private static readonly ulong[] SubjectHashes = Hashes("i", "we", "you", "they", "he", "she");
    private static readonly ulong NeverHash = WordHash.Of("never");
    private static readonly ulong EverHash = WordHash.Of("ever");
    private static readonly ulong ThisHash = WordHash.Of("this");
    private static readonly ulong YourHash = WordHash.Of("your");
    /// <summary>The regret an agent puts before bad news ("unfortunately, that fare can't be refunded"): courtesy, like "I'm afraid".</summary>
    private static readonly ulong[] SoftenerHashes = Hashes("unfortunately", "sadly", "regrettably", "unluckily");
    private static readonly ulong[] AddresseeHashes = Hashes("you", "you're", "youre", "you've", "you'd", "you'll", "ur", "u");

    /// <summary>How far before a feeling word an agent's "you" makes it the customer's ("you're right to be frustrated").</summary>
    private const int AddresseeReach = 4;

    /// <summary>"Haven't been this happy in years": a perfect's negation with "this" is a degree too ("hasn't been so bad" is not).</summary>
    private static readonly ulong[] PerfectNegatorHashes = Hashes("haven't", "havent", "hasn't", "hasnt", "hadn't", "hadnt");

    /// <summary>Praise that opens a customer's sentence on its own ("Great, another outage."), ironic when a complaint follows.</summary>
    private static readonly ulong[] OpeningPraiseHashes = Hashes(
        "great", "fantastic", "outstanding", "perfect", "wonderful", "brilliant", "lovely", "awesome", "excellent",
        "terrific", "amazing", "marvelous", "marvellous", "superb", "splendid", "fabulous", "nice", "cool", "super");

    /// <summary>
    /// Heads of praise that can close a customer's complaint ironically, standing bare at the end of its
    /// sentence ("the update wiped my files, great job", "3 weeks, 6 emails, 0 replies. Well done.").
    /// "Thanks" only as "thanks a lot" or "thanks a bunch": a bare "thanks" closing a complaint is a sign-off.
    /// </summary>
    private static readonly ulong[] ClosingPraiseHashes = Hashes(
        "great", "good", "nice", "well", "awesome", "fantastic", "brilliant", "perfect", "lovely", "wonderful", "excellent",
        "amazing", "superb", "terrific", "outstanding", "marvellous", "marvelous", "splendid", "fabulous", "super", "love", "thanks", "bravo", "kudos",
        "impressive", "classy", "stellar", "genius");

    private static readonly ulong ThanksHash = WordHash.Of("thanks");

    private static readonly ulong ForHash = WordHash.Of("for");

    private static readonly ulong[] LoveHashes = Hashes("love", "loving", "loves");

    /// <summary>What makes "love" the love of a clause that follows: "love how...", "love it when...", "love that...".</summary>
    private static readonly ulong[] LovedClauseHashes = Hashes("how", "when", "that");

    /// <summary>What may stand between "for" and the event it names: "for the fourth transfer", "for yet another outage".</summary>
    private static readonly ulong[] DeterminerHashes = Hashes("the", "a", "an", "my", "our", "another", "yet", "all", "this", "that", "these", "those", "your");

    /// <summary>Words that coordinate what follows with a negated phrase: "no problems or complaints".</summary>
    private static readonly ulong[] CoordinatorHashes = Hashes("or", "nor", "and");

    /// <summary>What may come between a clause's start and a closing praise: "oh", "just", "really great job".</summary>
    private static readonly ulong[] PraiseLeadHashes = Hashes("oh", "just", "so", "really", "wow", "yeah", "yep", "and", "real", "truly", "absolutely", "simply", "very", "such", "a", "what", "again");

    /// <summary>
    /// What may follow a closing praise and leave it bare: who it addresses and how often ("great job guys",
    /// "well done again", "great service as always"). Any other word makes it meant ("great job rebooking me").
    /// </summary>
    private static readonly ulong[] PraiseTailHashes = Hashes(
        "guys", "team", "folks", "people", "everyone", "everybody", "all", "y'all", "yall", "lads", "mate", "again", "as",
        "usual", "always", "ever", "there", "job", "work", "service", "one", "lol", "smh", "ugh", "really", "indeed", "truly", "seriously");

    /// <summary>Praise below this in the sentence before a closing praise ("Wow, 45 minutes on hold.") still leaves it a complaint.</summary>
    private const double MildPraise = 1.0;

    /// <summary>How strong the complaint before a closing praise must be: a sentence's summed weight, or the previous sentence's score.</summary>
    private const double ClosingComplaintScore = -0.3;

    /// <summary>Openers of a question that asks for information ("is there a penalty...?", "can you cancel...?") rather than complains.</summary>
    private static readonly ulong[] AskingHashes = Hashes("is", "are", "can", "could", "do", "does", "will", "what", "what's", "whats", "where", "when", "which", "may");

    /// <summary>What a complaint counts in a question that asks for information.</summary>
    private const double AskingQuestionNegative = 0.5;

    /// <summary>What an ironic opening's praise becomes: a complaint, three quarters as strong.</summary>
    private const double IronicShare = 0.75;

    /// <summary>The most words a quotation may hold to count as a short one, whose praise is doubted.</summary>
    private const int QuotedWords = 4;

    /// <summary>How strong the complaint after an opening's praise must be to make it ironic.</summary>
    private const double IronicComplaint = 1.0;

    /// <summary>Which degree words end a negation: none, "this" only (after a perfect's negation), or any (after "never").</summary>
    private enum NegationDegree : byte
    {
        None,
        ThisOnly,
        Any,
    }

    /// <summary>"Don't think", "wouldn't say": the negation is of what follows the verb ("it was great"), so it reaches past it.</summary>
    private static readonly ulong[] RaisingVerbHashes = Hashes("think", "say", "believe", "feel", "expect", "suppose", "reckon", "imagine", "call", "find", "consider");

    /// <summary>After "never", these make a degree: "never been so happy", "never felt better" is the most, not the opposite.</summary>
    private static readonly ulong[] DegreeHashes = Hashes(
        "so", "such", "this", "more",
        "better", "worse", "happier", "angrier", "nicer", "greater", "easier", "smoother", "friendlier", "kinder",
        "faster", "quicker", "ruder", "slower", "sadder", "prouder", "calmer", "cleaner");

    /// <summary>The words a "never" degree follows: "never been so", "never had such", "was never happier" (after "never" itself).</summary>
    private static readonly ulong[] ExperienceHashes = Hashes(
        "never", "ever", "been", "be", "was", "were", "is", "am", "are", "felt", "feel", "seen", "had", "met",
        "experienced", "received", "heard", "encountered", "known", "found", "treated", "served", "helped", "handled");

    /// <summary>How much a "never" degree strengthens the cue it reaches ("never been so happy" beats "so happy").</summary>
    private const double NeverDegreeBoost = 1.25;

    /// <summary>How much a customer's complaints count in a sentence that apologizes for their own doing ("sorry, I forgot"): as after "my bad".</summary>
    private const double SelfApologyShare = 0.3;

    /// <summary>A "sorry" among a sentence's first words can open a self-apology ("oh, sorry, I...", "I'm so sorry I...").</summary>
    private const int SelfApologyOpening = 3;

    private static readonly ulong SorryHash = WordHash.Of("sorry");
    private static readonly ulong[] FirstPersonHashes = Hashes("i", "i'm", "im", "i've", "ive", "i'd", "i'll");
    private static readonly ulong[] ContrastHashes = Hashes("but", "though", "however", "although", "yet");

    private readonly Lexicon _lexicon;

    private static ulong[] Hashes(params string[] words) => [.. words.Select(w => WordHash.Of(w))];

    public RuleScorer(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    public Lexicon Lexicon => _lexicon;

    /// <summary>Scores a text, reporting cues to <paramref name="sink"/>; returns a score in [-1, 1].</summary>
    // The token buffer is written before it is read; zeroing it would cost more than the scoring.
    [SkipLocalsInit]
    public RuleOutcome Score<TSink, TFeatures>(ReadOnlySpan<char> text, SpeakerRole role, ref TSink sink, ref TFeatures features)
        where TSink : ICueSink
        where TFeatures : IFeatureSink
    {
        Token[]? rented = null;
        Span<Token> tokens = text.Length < StackTokens
            ? stackalloc Token[text.Length + 1]
            : (rented = ArrayPool<Token>.Shared.Rent(text.Length + 1));
        try
        {
            int count = Tokenizer.Tokenize(text, tokens, _lexicon, out bool shouting);
            if (role != SpeakerRole.Agent || !features.Enabled)
            {
                return Walk(text, tokens[..count], role, shouting, ref sink, ref features);
            }

            // An agent's text walks with a sink that adds agent's copies of its features: the customer's
            // walk, the one that must be fast, carries no trace of them.
            var agentFeatures = new AgentFeatureSink<TFeatures> { Inner = features };
            var outcome = Walk(text, tokens[..count], role, shouting, ref sink, ref agentFeatures);
            features = agentFeatures.Inner;
            return outcome;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Token>.Shared.Return(rented);
            }
        }
    }

    private RuleOutcome Walk<TSink, TFeatures>(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, SpeakerRole role, bool shouting, ref TSink sink, ref TFeatures features)
        where TSink : ICueSink
        where TFeatures : IFeatureSink
    {
        var state = new WalkState();
        state.ResetSentence(sink.Count);
        var words = new WordFeatures();
        bool agent = role == SpeakerRole.Agent;

        for (int i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Punctuation:
                    state.ResetClause();
                    words.EndClause(token, ref features);
                    if (token.Has(TokenFlags.SentenceEnd))
                    {
                        EndSentence(ref state, ref sink, token);
                    }

                    continue;
                case TokenKind.Number:
                    words.Add(token, ref features);
                    continue;
                case TokenKind.Masked or TokenKind.Url or TokenKind.Mention or TokenKind.Quote:
                    if (token.Kind == TokenKind.Quote)
                    {
                        // The word features stay out of the call: a struct whose address is taken lives in memory, not registers.
                        if (i > 0 && state.QuoteEnd == i)
                        {
                            state.QuoteEnd = 0;
                            words.EndQuote();
                        }
                        else if (state.QuoteEnd <= i && (state.QuoteEnd = QuotationEnd(tokens, i)) > 0)
                        {
                            words.Quote(token, ref features);
                        }
                    }

                    continue;
            }

            bool opensSentence = state.SentenceWords == 0;
            if (opensSentence && AskingHashes.Contains(token.Hash))
            {
                state.AskingOpener = true;
            }
            state.SentenceWords++;
            ref readonly var entry = ref Match(text, tokens, i, out int last);
            if (state.NegationScope > 0 && state.NegatorDegree != NegationDegree.None && last == i && NeverDegree(tokens, i, state.NegatorDegree))
            {
                // "I've never been so happy", "never felt better", "never seen such rudeness": the most, not the opposite.
                state.NegationScope = 0;
                words.Unnegate();
                state.PendingMultiplier *= NeverDegreeBoost;
                state.PendingReach = ModifierReachTokens;
            }

            bool modifies = entry.Modifier != ModifierKind.None && (!entry.IsCue || ActsAsModifier(tokens, last, entry.Modifier));
            if (modifies && entry.Modifier is ModifierKind.Intensifier or ModifierKind.Diminisher or ModifierKind.Lack)
            {
                // Degree words act through the rules alone: learned weights of their own, or of the pairs
                // they form, would undo the rule ("a bit slow" must not read worse than "slow").
                words.Skip(last - i + 1);
            }
            else
            {
                // Other modifiers keep their pairs ("not happy") but no weight of their own, which would double-count them.
                // An agent's feeling words get weights of their own: an agent mostly names the customer's
                // feelings ("that must be so frustrating"), which a customer's own weight would read as a complaint.
                words.AddRange(tokens, i, last, ref features, unigrams: entry.Modifier is ModifierKind.None or ModifierKind.Number or ModifierKind.TimeUnit, agentFeeling: agent && IsNegativeFeeling(entry));
            }

            if (entry.Modifier == ModifierKind.Negator || (last > i && StartsWithNegator(tokens[i])))
            {
                words.Negate();
                // "No, that's all.", "Nope.": a negator that ends its clause is an answer, negating nothing.
                bool counted = last + 1 < tokens.Length && tokens[last + 1].Kind != TokenKind.Punctuation;
                state.Negators += counted ? 1 : 0;
                state.NegatorCounted = counted;
                state.NegatorDegree = last != i ? NegationDegree.None : token.Hash == NeverHash ? NegationDegree.Any : PerfectNegatorHashes.Contains(token.Hash) ? NegationDegree.ThisOnly : NegationDegree.None;
            }
            else if (entry.Modifier == ModifierKind.Conditional)
            {
                words.Hypothesize();
                if (!agent && state.ClausePositive > 0 && WouldBefore(tokens, i))
                {
                    // "I'd be happy if it worked", "it would be great if you could resend it": the praise
                    // before the "if" is as supposed as praise inside it. Only the hypothetical mass
                    // changes (the learned layer's label gives way to it); an agent's "I'd be happy to
                    // help if..." is an offer, not a wish.
                    state.Hypothetical += state.ClausePositive;
                }
            }

            if (modifies)
            {
                if (entry.Modifier == ModifierKind.OwnFault && !agent)
                {
                    // "My bad, I typed the wrong address": the problems of the sentence are the customer's own doing.
                    state.OwnFaultShare = entry.ModifierValue;
                    state.Negative *= entry.ModifierValue;
                    sink.Scale(state.SentenceFirstCue, 1, entry.ModifierValue, CueNote.OwnFault);
                }

                ApplyModifier(ref state, ref sink, entry, opensSentence, token.Start);
                state.Excess |= last == i && token.Hash == TooHash && !(i > 0 && SubjectHashes.Contains(tokens[i - 1].Hash));

                i = last;
                continue;
            }

            if (state.Excess && last == i && token.Hash == ToHash)
            {
                state.Excess = false;
                state.NegationScope = NegationScopeWords;
                state.NegatorStart = token.Start;
                words.Negate();
                continue;
            }

            if (!entry.IsCue)
            {
                if (state.NegationScope > 0 && entry.Modifier is not (ModifierKind.Number or ModifierKind.Intensifier))
                {
                    state.NegationScope--;
                    if (last == i)
                    {
                        ExtendNegation(ref state, ref words, token.Hash);
                    }
                }

                if (state.PendingReach > 0)
                {
                    state.PendingReach--;
                }

                continue;
            }

            AddCue(tokens, i, last, entry, role, shouting, ref state, ref sink);
            if (!agent && last == i && token.Hash == SorryHash && state.SentenceWords <= SelfApologyOpening && state.OwnFaultShare == 1 && IsSelfApology(tokens, i))
            {
                // "Sorry, I clicked the wrong date", "sorry I missed your call": the customer apologizes
                // for their own doing, as with "my bad".
                state.OwnFaultShare = SelfApologyShare;
                state.Negative *= SelfApologyShare;
                sink.Scale(state.SentenceFirstCue, 1, SelfApologyShare, CueNote.OwnFault);
            }

            if (!agent && last == i && state.SentenceWords <= 2 && state.LastCueWeight > 0 && i + 1 < tokens.Length
                && tokens[i + 1].Kind == TokenKind.Punctuation && !tokens[i + 1].Has(TokenFlags.SentenceEnd)
                && OpeningPraiseHashes.Contains(token.Hash))
            {
                // "Great, ..." alone at the start: praise, or irony if a complaint follows in the sentence.
                state.OpeningPraise = state.LastCue;
                state.OpeningPraiseWeight = state.LastCueWeight;
            }
            else if (!agent && state.LastCueWeight > 0 && last + 1 < tokens.Length && LoveOfWhatFollows(tokens, i, last))
            {
                // "I love it when my flight gets cancelled", "love how you charged me twice": the love is of what
                // follows, ironic if that is a complaint (and meant if it is more praise: "love how easy it is").
                state.OpeningPraise = state.LastCue;
                state.OpeningPraiseWeight = state.LastCueWeight;
            }
            if (last > i && StartsWithNegator(tokens[i]) && last + 1 < tokens.Length && CoordinatorHashes.Contains(tokens[last + 1].Hash))
            {
                // "No problems or complaints": the negator inside the phrase still reaches the words coordinated
                // with it; no other word ("the site doesnt work perfect just perfect", unpunctuated speech).
                state.NegationScope = NegationScopeWords - 1;
                state.NegatorStart = int.MaxValue;
            }

            i = last;
        }

        EndSentence(ref state, ref sink, default);
        return new RuleOutcome
        {
            Score = state.WeightSum > 0 ? Math.Clamp(state.WeightedSum / state.WeightSum, -1, 1) : 0,
            Positive = state.TotalPositive,
            Negative = state.TotalNegative,
            Hypothetical = state.Hypothetical,
            Cues = state.TotalCues,
            Words = words.Count,
            Sentences = state.Sentences,
            Questions = state.Questions,
            Exclamations = state.Exclamations,
            Negators = state.Negators,
            Shouting = shouting,
        };
    }

    /// <summary>
    /// Where the short quotation a quotation mark at <paramref name="index"/> opens ends: at the next
    /// quotation mark in the sentence after one to <see cref="QuotedWords"/> words ("the 'free' wifi",
    /// "still \"under review\""); 0 when it opens none.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int QuotationEnd(ReadOnlySpan<Token> tokens, int index)
    {
        int quoted = 0;
        for (int j = index + 1; j < tokens.Length && !tokens[j].Has(TokenFlags.SentenceEnd); j++)
        {
            var kind = tokens[j].Kind;
            if (kind == TokenKind.Quote)
            {
                return quoted > 0 ? j : 0;
            }

            if (kind is TokenKind.Word or TokenKind.Number or TokenKind.Emoji && ++quoted > QuotedWords)
            {
                return 0;
            }
        }

        return 0;
    }

    /// <summary>Finds the longest lexicon entry starting at token <paramref name="first"/>, and its last token.</summary>
    /// <remarks>Returns a reference into the lexicon, or to an empty entry: copying the entry per word costs more than reading it.</remarks>
    private ref readonly LexiconEntry Match(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int first, out int last)
    {
        ref readonly var token = ref tokens[first];
        ref readonly var entry = ref _lexicon.FindWord(token.Hash, out int longest);
        // The rare flag first: whether a word is in the lexicon is a coin toss the processor cannot predict.
        if (token.Has(TokenFlags.Elongated) && longest == 0)
        {
            entry = ref _lexicon.FindWord(TextHash.HashSqueezed(text.Slice(token.Start, token.Length)), out longest);
        }

        last = first;

        // Whether a phrase can go on is a coin toss per word ("the", "not" start many); whether the
        // next word continues one rarely holds. One branch on both is predictable, so the filter is
        // asked before knowing whether the word starts a phrase at all.
        int following = Math.Min(first + 1, tokens.Length - 1);
        var nextKind = tokens[following].Kind;
        bool skipsNext = nextKind is TokenKind.Masked or TokenKind.Mention or TokenKind.Url;
        bool cannotGoOn = (following == first) | (nextKind == TokenKind.Punctuation)
            | (!skipsNext & !_lexicon.MayBePhrase(TextHash.Finish(TextHash.Combine(token.Hash, tokens[following].Hash))));
        if ((longest <= 1) | cannotGoOn)
        {
            return ref entry.Tokens > 1 ? ref _lexicon.Missing : ref entry;
        }

        ulong key = token.Hash;
        int length = 1;
        for (int j = first + 1; j < tokens.Length && length < longest; j++)
        {
            ref readonly var next = ref tokens[j];
            if (next.Kind is TokenKind.Punctuation)
            {
                break;
            }

            if (next.Kind is TokenKind.Masked or TokenKind.Mention or TokenKind.Url)
            {
                continue;
            }

            key = TextHash.Combine(key, next.Hash);
            length++;
            ulong phraseKey = TextHash.Finish(key);
            if (!_lexicon.MayBePhrase(phraseKey))
            {
                break;
            }

            ref readonly var candidate = ref _lexicon.Find(phraseKey, out bool phraseFound);
            if (!phraseFound)
            {
                // Neither a phrase nor the prefix of one: no longer match is possible.
                break;
            }

            if (candidate.Tokens == length && (candidate.IsCue || candidate.Modifier != ModifierKind.None))
            {
                last = j;
                entry = ref candidate;
            }
        }

        return ref last == first && entry.Tokens > 1 ? ref _lexicon.Missing : ref entry;
    }

    /// <summary>Whether token <paramref name="index"/>, in the reach of a "never", makes a degree of it: a degree word right after "never", "been", "had"...</summary>
    private static bool NeverDegree(ReadOnlySpan<Token> tokens, int index, NegationDegree degree) =>
        index > 0
        && (degree == NegationDegree.Any ? DegreeHashes.Contains(tokens[index].Hash) : tokens[index].Hash == ThisHash)
        && ExperienceHashes.Contains(tokens[index - 1].Hash);

    /// <summary>
    /// A plain word in a negation's reach: "ever" turns "nobody has" into "never" and uses none of the
    /// reach; a raising verb ("don't think", "wouldn't say") hands the whole reach on to what follows it.
    /// </summary>
    private static void ExtendNegation(ref WalkState state, ref WordFeatures words, ulong hash)
    {
        if (hash == EverHash)
        {
            state.NegatorDegree = NegationDegree.Any;
            state.NegationScope++;
        }
        else if (RaisingVerbHashes.Contains(hash))
        {
            state.NegationScope = NegationScopeWords + 1;
            words.Negate();
        }
    }

    /// <summary>
    /// Whether the "sorry" at <paramref name="index"/> opens an apology for the speaker's own doing: "I"
    /// follows it (past a comma), and no "but" turns the sentence into a polite complaint ("sorry, I
    /// don't mean to moan, but...").
    /// </summary>
    private static bool IsSelfApology(ReadOnlySpan<Token> tokens, int index)
    {
        int next = index + 1;
        if (next < tokens.Length && tokens[next].Kind == TokenKind.Punctuation && !tokens[next].Has(TokenFlags.SentenceEnd))
        {
            next++;
        }

        if (next >= tokens.Length || !FirstPersonHashes.Contains(tokens[next].Hash))
        {
            return false;
        }

        for (int j = next + 1; j < tokens.Length && !tokens[j].Has(TokenFlags.SentenceEnd); j++)
        {
            if (ContrastHashes.Contains(tokens[j].Hash))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the praise at tokens <paramref name="first"/>..<paramref name="last"/> may close a complaint
    /// ironically: a closing-praise head opening its clause after a complaint in the same sentence, with no
    /// praise or "but" before it, or opening a sentence after one that complained with no more than mild
    /// praise; and bare to the end of its sentence ("great job guys", not "great job rebooking me").
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ClosingPraise(ReadOnlySpan<Token> tokens, int first, int last, ref WalkState state)
    {
        bool complained = state.Cues > 0
            ? !state.ContrastSeen && state.Positive == 0 && Squash(state.Negative) <= ClosingComplaintScore
            : state.LastSentencePositive < MildPraise && state.LastSentenceScore <= ClosingComplaintScore;
        ulong head = tokens[first].Hash;
        if (!complained || !ClosingPraiseHashes.Contains(head) || (head == ThanksHash && last == first))
        {
            return false;
        }

        for (int k = last + 1; k < tokens.Length && !tokens[k].Has(TokenFlags.SentenceEnd); k++)
        {
            // The praise may be said twice ("perfect, just perfect", "great job real great").
            ulong word = tokens[k].Hash;
            if (tokens[k].Kind == TokenKind.Word && !tokens[k].Has(TokenFlags.Hashtag)
                && !PraiseTailHashes.Contains(word) && !PraiseLeadHashes.Contains(word) && !ClosingPraiseHashes.Contains(word))
            {
                return false;
            }
        }

        int j = first - 1;
        while (j >= 0 && (tokens[j].Kind is TokenKind.Mention or TokenKind.Url or TokenKind.Masked || PraiseLeadHashes.Contains(tokens[j].Hash)))
        {
            j--;
        }

        // Speech transcribed without punctuation: the complaint's last word stands where the comma would
        // ("the site doesnt work perfect just perfect").
        if (j >= 0 && tokens[j].Kind != TokenKind.Punctuation && !(j == state.LastCueLast && state.LastCueWeight < 0))
        {
            return false;
        }

        // After an earlier sentence's complaint, the praise is a sentence of its own.
        return state.Cues > 0 || j < 0 || tokens[j].Has(TokenFlags.SentenceEnd);
    }

    /// <summary>
    /// Whether the event at token <paramref name="first"/> is what the praise ending at token
    /// <paramref name="praiseLast"/> is for: "for", then at most determiners ("thanks for the fourth
    /// transfer", "for making me wait"), with no other word or punctuation between.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool PraiseIsFor(ReadOnlySpan<Token> tokens, int first, int praiseLast)
    {
        for (int j = first - 1; j > praiseLast; j--)
        {
            if (tokens[j].Hash == ForHash)
            {
                return true;
            }

            if (tokens[j].Kind is not (TokenKind.Masked or TokenKind.Number or TokenKind.Quote) && !DeterminerHashes.Contains(tokens[j].Hash))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether the cue at tokens <paramref name="first"/>..<paramref name="last"/> is "love" of what follows: "love how", "love it when", "love that".</summary>
    private static bool LoveOfWhatFollows(ReadOnlySpan<Token> tokens, int first, int last) =>
        LoveHashes.Contains(tokens[first].Hash) && LovedClauseHashes.Contains(tokens[last + 1].Hash);

    /// <summary>A sentence's summed cue weight squashed into [-1, 1], as its score.</summary>
    private static double Squash(double raw) => raw / Math.Sqrt((raw * raw) + Saturation);

    private static bool FollowsYour(ReadOnlySpan<Token> tokens, int index) => index > 0 && tokens[index - 1].Hash == YourHash;

    /// <summary>
    /// Whether "you" ("you're", "you've"...) comes shortly before token <paramref name="index"/> in its
    /// clause: the feeling is the one addressed. Not for anger words, which after "you" are mostly an
    /// accusation ("you're being rude").
    /// </summary>
    private static bool AddresseeBefore(ReadOnlySpan<Token> tokens, int index) => InClauseBefore(tokens, index, AddresseeHashes, AddresseeReach);

    /// <summary>Whether one of <paramref name="words"/> comes among the <paramref name="reach"/> tokens before token <paramref name="index"/>, in its clause.</summary>
    private static bool InClauseBefore(ReadOnlySpan<Token> tokens, int index, ulong[] words, int reach)
    {
        for (int j = index - 1; j >= 0 && j >= index - reach && tokens[j].Kind != TokenKind.Punctuation; j--)
        {
            if (words.Contains(tokens[j].Hash))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegativeFeeling(in LexiconEntry entry) =>
        entry.Valence < 0 && entry.Emotion is >= (sbyte)Emotion.Frustration and <= (sbyte)Emotion.Anxiety;

    /// <summary>Whether a "would" ("would", "I'd", "it'd") comes before token <paramref name="index"/> in its clause.</summary>
    private static bool WouldBefore(ReadOnlySpan<Token> tokens, int index) => InClauseBefore(tokens, index, WouldHashes, int.MaxValue);

    private bool StartsWithNegator(in Token token)
    {
        ref readonly var entry = ref _lexicon.Find(token.Hash, out bool found);
        return found && entry.Modifier == ModifierKind.Negator;
    }

    /// <summary>
    /// Whether a word that is both a cue and an intensifier ("super", "pretty") modifies the next word
    /// here ("super helpful") rather than standing alone ("that's super").
    /// </summary>
    private bool ActsAsModifier(ReadOnlySpan<Token> tokens, int last, ModifierKind modifier)
    {
        if (modifier is not (ModifierKind.Intensifier or ModifierKind.Diminisher))
        {
            return true;
        }

        int next = last + 1;
        if (next >= tokens.Length || tokens[next].Kind is not (TokenKind.Word or TokenKind.Emoji))
        {
            return false;
        }

        ref readonly var following = ref _lexicon.Find(tokens[next].Hash, out bool found);
        return found && (following.IsCue || following.Modifier is ModifierKind.Intensifier or ModifierKind.Diminisher or ModifierKind.Lack);
    }

    private static void ApplyModifier<TSink>(ref WalkState state, ref TSink sink, in LexiconEntry entry, bool opensSentence, int negatorStart)
        where TSink : ICueSink
    {
        switch (entry.Modifier)
        {
            case ModifierKind.Negator:
                state.NegationScope = NegationScopeWords;
                state.NegatorStart = negatorStart;
                break;
            case ModifierKind.Lack:
                // Not a degree: "little help" is no help, "little girl" nothing at all.
                state.NegationScope = 1;
                state.NegatorStart = negatorStart;
                break;
            case ModifierKind.Intensifier or ModifierKind.Diminisher:
                state.PendingMultiplier *= entry.ModifierValue;
                state.PendingReach = ModifierReachTokens;
                break;
            case ModifierKind.Contrast:
                // What came before "but" counts less; "Thanks. But..." also discounts the previous sentence.
                state.Positive *= entry.ModifierValue;
                state.Negative *= entry.ModifierValue;
                sink.Scale(state.SentenceFirstCue, entry.ModifierValue, entry.ModifierValue, CueNote.BeforeContrast);
                state.ContrastSeen = true;
                // "Love how it looks, but the strap broke": a complaint after "but" answers no praise before it.
                state.OpeningPraise = -1;
                if (opensSentence && state.LastSentenceWeight > 0)
                {
                    double removed = state.LastSentenceWeight * (1 - entry.ModifierValue);
                    state.WeightedSum -= state.LastSentenceScore * removed;
                    state.WeightSum -= removed;
                    sink.Scale(state.LastSentenceFirstCue, entry.ModifierValue, entry.ModifierValue, CueNote.BeforeContrast);
                }

                state.ResetClause();
                break;
            case ModifierKind.Concession:
                state.ResetClause();
                state.ContrastSeen = true;
                state.ClauseMultiplier = entry.ModifierValue;
                state.ClauseNote = CueNote.Concession;
                break;
            case ModifierKind.Conditional:
                state.ResetClause();
                state.ClauseMultiplier = entry.ModifierValue;
                state.ClauseNote = CueNote.Conditional;
                break;
            case ModifierKind.Question:
                state.QuestionOpener |= opensSentence;
                break;
            case ModifierKind.Still:
                if (state.LastCue >= 0 && state.LastCueWeight < 0)
                {
                    state.Negative += state.LastCueWeight * (entry.ModifierValue - 1);
                    sink.ScaleOne(state.LastCue, entry.ModifierValue, CueNote.Persisting);
                    state.LastCue = -1;
                }
                else
                {
                    state.StillMultiplier = entry.ModifierValue;
                }

                break;
            case ModifierKind.Emphasis:
                if (state.LastCue >= 0)
                {
                    if (state.LastCueWeight < 0)
                    {
                        state.Negative += state.LastCueWeight * (entry.ModifierValue - 1);
                    }
                    else
                    {
                        state.Positive += state.LastCueWeight * (entry.ModifierValue - 1);
                    }

                    sink.ScaleOne(state.LastCue, entry.ModifierValue, CueNote.Intensified);
                    state.LastCue = -1;
                }

                break;
        }
    }

    // Kept out of the walk, like EndSentence: most words are no cue, and inlined, the cue's arithmetic
    // took registers the walk's every word needed (measured: 2 to 4% more texts per second apart).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AddCue<TSink>(
        ReadOnlySpan<Token> tokens,
        int first,
        int last,
        in LexiconEntry entry,
        SpeakerRole role,
        bool shouting,
        ref WalkState state,
        ref TSink sink)
        where TSink : ICueSink
    {
        double weight = entry.Valence;
        var note = CueNote.None;
        var kind = entry.Kind;
        sbyte emotion = entry.Emotion;

        if (state.PendingReach > 0 && state.PendingMultiplier != 1)
        {
            weight *= state.PendingMultiplier;
            note |= state.PendingMultiplier > 1 ? CueNote.Intensified : CueNote.Softened;
        }

        state.PendingMultiplier = 1;
        state.PendingReach = 0;

        ref readonly var head = ref tokens[first];
        if (head.Has(TokenFlags.AllCaps))
        {
            weight *= shouting ? 1.15 : 1.3;
            note |= CueNote.Capitals;
        }

        if (head.Has(TokenFlags.Elongated))
        {
            weight *= 1.15;
            note |= CueNote.Intensified;
        }

        int start = head.Start;
        if (state.NegationScope > 0 && kind != EvidenceKind.Emoji)
        {
            // The evidence spans the negator too, so "not happy" is what gets highlighted.
            start = Math.Min(start, state.NegatorStart);
            // A negated positive reads as clearly negative ("not happy"); a negated negative only as
            // mildly positive ("not bad").
            if (weight < 0 && state.NegatorCounted)
            {
                // "Wasn't unreasonable", "nothing wrong": the negator speaks for the text, not against it.
                state.Negators--;
                state.NegatorCounted = false;
            }

            weight = -weight * (weight > 0 ? 0.75 : 0.55);
            note |= CueNote.Negated;
            emotion = weight < 0 && entry.Valence > 0 ? (sbyte)Emotion.Disappointment : (sbyte)-1;
            state.NegationScope = Math.Max(0, state.NegationScope - (last - first + 1));
        }

        bool doubted = false;
        if (weight > 0 && state.QuoteEnd > first && role != SpeakerRole.Agent)
        {
            // "thanks for the 'upgrade'", "\"express\" delivery took two weeks": praise a customer puts in
            // quotation marks is someone else's word, doubted.
            weight = -weight * IronicShare;
            note |= CueNote.Ironic;
            doubted = true;
        }

        if (weight < 0 && state.OwnFaultShare != 1)
        {
            weight *= state.OwnFaultShare;
            note |= CueNote.OwnFault;
        }

        if (weight < 0 && state.StillMultiplier != 1)
        {
            weight *= state.StillMultiplier;
            note |= CueNote.Persisting;
            state.StillMultiplier = 1;
        }

        if (weight < 0 && kind == EvidenceKind.ServiceEvent)
        {
            double duration = Math.Max(DurationAfter(tokens, last), DurationBefore(tokens, first));
            if (duration > 1)
            {
                weight *= duration;
                note |= CueNote.Duration;
            }
        }

        if (state.ClauseMultiplier != 1)
        {
            // Hypothetical praise is nearly nothing; a hypothetical problem still hints at a real one.
            weight *= weight > 0 ? state.ClauseMultiplier : (1 + state.ClauseMultiplier) / 2;
            note |= state.ClauseNote;
            if (state.ClauseNote == CueNote.Conditional)
            {
                state.Hypothetical += Math.Abs(weight);
            }
        }

        if (entry.Emotion == (sbyte)Emotion.Empathy)
        {
            if (role == SpeakerRole.Agent)
            {
                // Scripted apologies and empathy are courtesy, not negativity.
                weight = Math.Abs(weight) * 0.5;
                kind = EvidenceKind.Courtesy;
                if (!state.EmpathyFrame && state.Negative < 0)
                {
                    // "That's so frustrating, I understand": the feeling named before the empathy is the customer's too.
                    state.Negative *= NamedFeelingShare;
                    sink.Scale(state.SentenceFirstCue, 1, NamedFeelingShare, CueNote.Apology);
                }

                state.EmpathyFrame = true;
            }
            else
            {
                weight *= 0.5;
            }
        }
        else if (role == SpeakerRole.Agent && weight < 0 && (state.EmpathyFrame || (first == last && SoftenerHashes.Contains(head.Hash)) || (IsNegativeFeeling(entry) && (FollowsYour(tokens, first) || (entry.Emotion != (sbyte)Emotion.Anger && AddresseeBefore(tokens, first))))))
        {
            // "I'm sorry you've had such a frustrating experience", "your frustration is fair", "you're right
            // to be frustrated": the agent names the customer's feeling; "unfortunately", "sadly": the
            // agent's regret softens the news, it is no complaint.
            weight *= NamedFeelingShare;
            kind = EvidenceKind.Courtesy;
            emotion = (sbyte)Emotion.Empathy;
            note |= CueNote.Apology;
        }

        if (weight > 0)
        {
            // The cheap half of the test first: most praise follows no complaint at all.
            if (state.ClosingPraise >= 0 && state.ClosingPraiseAgain < 0 && ClosingPraiseHashes.Contains(head.Hash))
            {
                // "perfect just perfect": the praise said again is as ironic as the first.
                state.ClosingPraiseAgain = sink.Count;
                state.ClosingPraiseWeight += weight;
            }
            else if (role != SpeakerRole.Agent && state.NegationScope == 0 && state.ClauseMultiplier == 1
                && (state.Cues > 0 ? state.Negative < 0 && state.Positive == 0 : state.LastSentenceScore < 0)
                && ClosingPraise(tokens, first, last, ref state))
            {
                // Marked here, turned at the sentence's end: what follows it (a "👍", "lol") is no sign it was meant.
                state.ClosingPraise = sink.Count;
                state.ClosingPraiseWeight = weight;
            }

            state.Positive += weight;
            state.ClausePositive += weight;
            // More praise after the opening: it was meant ("Great, thanks, it works now").
            state.OpeningPraise = -1;
        }
        else
        {
            if ((doubted || (kind == EvidenceKind.ServiceEvent && weight <= -IronicComplaint)) && state.LastCueWeight > 0 && state.Negative == 0
                && role != SpeakerRole.Agent && PraiseIsFor(tokens, first, state.LastCueLast))
            {
                // "thanks so much for the fourth transfer", "five stars for making me wait", "thanks for the
                // 'upgrade'": praise whose object is the complaint, or a doubted word, is ironic, and so is
                // the praise before it in the sentence.
                sink.Scale(state.SentenceFirstCue, -IronicShare, 1, CueNote.Ironic);
                state.Negative -= state.Positive * IronicShare;
                state.Positive = 0;
                state.ClausePositive = 0;
                state.OpeningPraise = -1;
                state.ClosingPraise = -1;
            }

            state.Negative += weight;
            // A complaint after "but" is what a closing praise answers: "..., but the site doesn't work, perfect".
            state.ContrastSeen &= weight > -IronicComplaint;
            if (state.OpeningPraise >= 0 && weight <= -IronicComplaint)
            {
                // "Great, another outage.", "Fantastic, the app crashed again.": the opening praise is ironic.
                sink.ScaleOne(state.OpeningPraise, -IronicShare, CueNote.Ironic);
                state.Positive -= state.OpeningPraiseWeight;
                state.Negative -= state.OpeningPraiseWeight * IronicShare;
                state.OpeningPraise = -1;
            }
        }

        state.Cues++;
        state.LastCue = sink.Count;
        state.LastCueLast = last;
        state.LastCueWeight = weight;
        sink.Add(new Cue
        {
            Start = start,
            End = tokens[last].End,
            Weight = weight,
            Kind = kind,
            Emotion = emotion,
            Note = note,
        });
    }

    /// <summary>
    /// The strength a duration just before a negative event adds ("45 minutes on hold", "two weeks
    /// waiting"): the time unit's multiplier when a number leads to it within the clause, or 1.
    /// </summary>
    private double DurationBefore(ReadOnlySpan<Token> tokens, int first)
    {
        bool sawNumber = false;
        for (int j = Math.Max(0, first - 4); j < first; j++)
        {
            switch (DurationPartOf(tokens[j], out double unit))
            {
                case DurationPart.Punctuation:
                    sawNumber = false;
                    break;
                case DurationPart.Number:
                    sawNumber = true;
                    break;
                case DurationPart.TimeUnit when sawNumber && j >= first - 2:
                    return unit;
            }
        }

        return 1;
    }

    /// <summary>
    /// The strength a duration or count after a negative event adds ("on hold for 40 minutes",
    /// "transferred three times"): the time unit's multiplier, or 1 when none follows.
    /// </summary>
    private double DurationAfter(ReadOnlySpan<Token> tokens, int last)
    {
        bool sawNumber = false;
        int limit = Math.Min(tokens.Length, last + 6);
        for (int j = last + 1; j < limit; j++)
        {
            switch (DurationPartOf(tokens[j], out double unit))
            {
                case DurationPart.Punctuation:
                    return 1;
                case DurationPart.Number:
                    sawNumber = true;
                    break;
                case DurationPart.TimeUnit when sawNumber:
                    return unit;
            }
        }

        return 1;
    }

    /// <summary>What a token is to a duration: a clause's end, a number ("40", "three"), a time unit with its multiplier, or nothing.</summary>
    private DurationPart DurationPartOf(in Token token, out double unit)
    {
        unit = 1;
        if (token.Kind == TokenKind.Punctuation)
        {
            return DurationPart.Punctuation;
        }

        if (token.Kind == TokenKind.Number)
        {
            return DurationPart.Number;
        }

        ref readonly var entry = ref _lexicon.Find(token.Hash, out bool found);
        if (found && entry.Modifier == ModifierKind.Number)
        {
            return DurationPart.Number;
        }

        if (found && entry.Modifier == ModifierKind.TimeUnit)
        {
            unit = entry.ModifierValue;
            return DurationPart.TimeUnit;
        }

        return DurationPart.None;
    }

    private enum DurationPart : byte
    {
        None,
        Punctuation,
        Number,
        TimeUnit,
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EndSentence<TSink>(ref WalkState state, ref TSink sink, in Token punctuation)
        where TSink : ICueSink
    {
        if (state.ClosingPraise >= 0)
        {
            // "The update wiped my files, great job.": praise left bare after a complaint is ironic.
            sink.ScaleOne(state.ClosingPraise, -IronicShare, CueNote.Ironic);
            if (state.ClosingPraiseAgain >= 0)
            {
                sink.ScaleOne(state.ClosingPraiseAgain, -IronicShare, CueNote.Ironic);
            }

            state.Positive -= state.ClosingPraiseWeight;
            state.Negative -= state.ClosingPraiseWeight * IronicShare;
        }

        if (state.Cues > 0)
        {
            bool question = punctuation.Has(TokenFlags.Question) || (state.QuestionOpener && !punctuation.Has(TokenFlags.Exclamation));
            if (question)
            {
                state.Questions++;
                // Questions rarely praise ("is it any good?") but often complain ("why is it so slow?").
                // A question that asks ("is there a penalty for paying early?") complains less.
                double negative = state.AskingOpener && !state.QuestionOpener ? AskingQuestionNegative : 0.8;
                state.Positive *= 0.15;
                state.Negative *= negative;
                sink.Scale(state.SentenceFirstCue, 0.15, negative, CueNote.Question);
            }

            if (punctuation.Count > 0)
            {
                double boost = 1 + (0.12 * Math.Min((int)punctuation.Count, 3));
                state.Positive *= boost;
                state.Negative *= boost;
                sink.Scale(state.SentenceFirstCue, boost, boost, CueNote.Exclaimed);
            }

            state.Exclamations += punctuation.Count;
            state.TotalPositive += state.Positive;
            state.TotalNegative += state.Negative;
            state.TotalCues += state.Cues;
            state.Sentences++;
            double raw = state.Positive + state.Negative;
            double score = Squash(raw);
            double weight = Math.Abs(score) + NeutralSentenceWeight;
            state.WeightedSum += score * weight;
            state.WeightSum += weight;
            state.LastSentenceScore = score;
            state.LastSentenceWeight = weight;
            state.LastSentenceFirstCue = state.SentenceFirstCue;
            state.LastSentencePositive = state.Positive;
        }
        else if (state.SentenceWords > 0)
        {
            state.Sentences++;
            state.Questions += punctuation.Has(TokenFlags.Question) ? 1 : 0;
            state.Exclamations += punctuation.Count;
            state.WeightSum += NeutralSentenceWeight;
            state.LastSentenceScore = 0;
            state.LastSentenceWeight = NeutralSentenceWeight;
            state.LastSentenceFirstCue = state.SentenceFirstCue;
            state.LastSentencePositive = 0;
        }

        state.ResetSentence(sink.Count);
    }

    /// <summary>Everything the walk remembers; a struct so it lives on the stack.</summary>
    private struct WalkState
    {
        public double TotalPositive;
        public double TotalNegative;
        public double Hypothetical;
        public int TotalCues;
        public int Sentences;
        public int Questions;
        public int Exclamations;
        public int Negators;
        public double WeightedSum;
        public double WeightSum;
        public double LastSentenceScore;
        public double LastSentenceWeight;
        public int LastSentenceFirstCue;
        public double LastSentencePositive;

        public double Positive;
        public double Negative;
        public int Cues;
        public int SentenceFirstCue;
        public int SentenceWords;
        public bool QuestionOpener;
        public bool AskingOpener;
        public bool EmpathyFrame;
        public double OwnFaultShare;

        public int NegationScope;
        public int NegatorStart;
        public NegationDegree NegatorDegree;
        public bool NegatorCounted;
        public int QuoteEnd;
        public int OpeningPraise;
        public double OpeningPraiseWeight;
        public int ClosingPraise;
        public int ClosingPraiseAgain;
        public double ClosingPraiseWeight;
        public bool ContrastSeen;
        public bool Excess;
        public double PendingMultiplier;
        public int PendingReach;
        public double StillMultiplier;
        public double ClauseMultiplier;
        public CueNote ClauseNote;
        public double ClausePositive;
        public int LastCue;
        public int LastCueLast;
        public double LastCueWeight;

        public void ResetSentence(int firstCue)
        {
            Positive = 0;
            Negative = 0;
            Cues = 0;
            SentenceFirstCue = firstCue;
            SentenceWords = 0;
            QuestionOpener = false;
            AskingOpener = false;
            EmpathyFrame = false;
            OwnFaultShare = 1;
            OpeningPraise = -1;
            ClosingPraise = -1;
            ClosingPraiseAgain = -1;
            ContrastSeen = false;
            ResetClause();
        }

        public void ResetClause()
        {
            NegationScope = 0;
            NegatorDegree = NegationDegree.None;
            NegatorCounted = false;
            Excess = false;
            PendingMultiplier = 1;
            PendingReach = 0;
            StillMultiplier = 1;
            ClauseMultiplier = 1;
            ClauseNote = CueNote.None;
            ClausePositive = 0;
            LastCue = -1;
            LastCueLast = -1;
            LastCueWeight = 0;
        }
    }
}
