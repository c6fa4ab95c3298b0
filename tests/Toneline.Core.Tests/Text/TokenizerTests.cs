using Toneline.Core.Scoring.BuiltIn;
using Toneline.Core.Text;

namespace Toneline.Core.Tests.Text;

public sealed class TokenizerTests
{
    private static readonly Lexicon Lexicon = LexiconLoader.LoadEmbedded();

    [Theory]
    [InlineData("Good", "good")]
    [InlineData("GOOD", "good")]
    [InlineData("gooood", "good")]
    [InlineData("don’t", "don't")]
    [InlineData("Hassle-Free", "hassle-free")]
    [InlineData("3,5", "3.5")]
    [InlineData("#Fail", "fail")]
    [InlineData("can\\u2019t", "can't")]
    [InlineData("DON\\u0027T", "don't")]
    public void Tokenize_Variants_HashLikeTheirNormalForm(string variant, string normal)
    {
        foreach (string pad in new[] { "", " and some more words after it" })
        {
            var tokens = new Token[128];
            int a = Tokenizer.Tokenize(variant + pad, tokens, Lexicon);
            ulong variantHash = tokens[0].Hash;
            int b = Tokenizer.Tokenize(normal + pad, tokens, Lexicon);
            Assert.Equal(a, b);
            Assert.Equal(tokens[0].Hash, variantHash);
        }
    }

    [Theory]
    [InlineData("the \"free\" wifi", "\"|free|\"|wifi")]
    [InlineData("the \u201Cfree\u201D wifi", "\u201C|free|\u201D|wifi")]
    [InlineData("the 'free' wifi", "'|free|'|wifi")]
    [InlineData("the \u2018free\u2019 wifi.", "\u2018|free|\u2019|wifi")]
    [InlineData("don't 'cause it's fine", "don't|'|cause|it's|fine")]
    [InlineData("the customers' bags", "customers|'|bags")]
    [InlineData("it ' s", "it|s")]
    public void Tokenize_QuotationMarks_AreTokensOfTheirOwn(string text, string expected)
    {
        // Double quotes always; a single quote only at a word's edge ("'free'"), never inside one ("don't").
        var tokens = new Token[64];
        int count = Tokenizer.Tokenize(text, tokens, Lexicon);

        var read = tokens[..count]
            .Where(t => t.Kind is TokenKind.Word or TokenKind.Quote && text.Substring(t.Start, t.Length) != "the")
            .Select(t => text.Substring(t.Start, t.Length).ToLowerInvariant());
        Assert.Equal(expected, string.Join("|", read));
        Assert.All(tokens[..count].Where(t => t.Kind == TokenKind.Quote), t => Assert.Equal(1, t.Length));
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("Thanks")]
    [InlineData("GREAT")]
    [InlineData("I")]
    [InlineData("A1")]
    [InlineData("2024")]
    [InlineData("abcdefg")]
    [InlineData("abcdefgh")]
    [InlineData("NoWay")]
    [InlineData("UK")]
    [InlineData("sooo")]
    [InlineData("NOOo")]
    [InlineData("Mmm")]
    [InlineData("aaa")]
    [InlineData("1000")]
    [InlineData("don't")]
    [InlineData("well-known")]
    [InlineData("3.5")]
    [InlineData("5.")]
    [InlineData("word.")]
    [InlineData("word,")]
    [InlineData("café")]
    [InlineData("can\\u2019t")]
    [InlineData("it’s")]
    [InlineData("x_y")]
    [InlineData("Hi!")]
    [InlineData("customer")]
    [InlineData("Customers")]
    [InlineData("disappointing")]
    [InlineData("DISAPPOINTING")]
    [InlineData("abcdefghijklmno")]
    [InlineData("abcdefghijklmnop")]
    [InlineData("unbelievablyyy")]
    [InlineData("greaaaatttttttt")]
    [InlineData("boooooooooring")]
    [InlineData("aaaaaaaaaa")]
    [InlineData("abcdefgg1")]
    [InlineData("abcdefggg")]
    [InlineData("abcdefghhh")]
    [InlineData("abcdefgghijk")]
    [InlineData("1234567890")]
    [InlineData("AmericanAir")]
    [InlineData("customer's")]
    [InlineData("customer-friendly")]
    [InlineData("12345678.5")]
    [InlineData("12345678,")]
    [InlineData("thankyou!")]
    [InlineData("résumémaker")]
    [InlineData("helpful\u2019s")]
    public void Tokenize_ShortWordPath_MatchesTheGeneralReader(string word)
    {
        // A word near the end of the text has too few characters left to load eight or sixteen at
        // once, so the general reader reads it; followed by spaces it takes the vector paths.
        var alone = new Token[64];
        var padded = new Token[64];
        int a = Tokenizer.Tokenize(word, alone, Lexicon);
        int b = Tokenizer.Tokenize(word + "                 ", padded, Lexicon);

        Assert.Equal(a, b);
        for (int i = 0; i < a; i++)
        {
            Assert.Equal(
                (alone[i].Start, alone[i].Length, alone[i].Hash, alone[i].Stem, alone[i].Kind, alone[i].Flags),
                (padded[i].Start, padded[i].Length, padded[i].Hash, padded[i].Stem, padded[i].Kind, padded[i].Flags));
        }
    }

    [Fact]
    public void WordHash_SixteenAtOnce_EqualsOneAtATime()
    {
        var random = new Random(11);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int n = 0; n < 2000; n++)
        {
            int length = 8 + random.Next(8);
            var word = new char[length];
            var blocks = new ulong[4];
            for (int k = 0; k < length; k++)
            {
                word[k] = alphabet[random.Next(alphabet.Length)];
                blocks[k / 4] |= (ulong)word[k] << (16 * (k % 4));
            }

            Assert.Equal(WordHash.Of(word), WordHash.OfLongBlock(blocks[0], blocks[1], blocks[2], blocks[3], length, out ulong stem));
            Assert.Equal(WordHash.Of(word.AsSpan(0, WordHash.StemLength)), stem);
        }
    }

    [Fact]
    public void WordHash_EightAtOnce_EqualsOneAtATime()
    {
        var random = new Random(7);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int n = 0; n < 2000; n++)
        {
            int length = 1 + random.Next(8);
            var word = new char[length];
            ulong first = 0, second = 0;
            for (int k = 0; k < length; k++)
            {
                word[k] = alphabet[random.Next(alphabet.Length)];
                if (k < 4)
                {
                    first |= (ulong)word[k] << (16 * k);
                }
                else
                {
                    second |= (ulong)word[k] << (16 * (k - 4));
                }
            }

            Assert.Equal(WordHash.Of(word), WordHash.OfBlock(first, second, length, out ulong stem));
            Assert.Equal(length > WordHash.StemLength ? WordHash.Of(word.AsSpan(0, WordHash.StemLength)) : 0, stem);
        }
    }

    [Theory]
    [InlineData("refund refunded refunds REFUNDING", "refu")]
    [InlineData("disappointing disappointment Disappointed", "disa")]
    public void Tokenize_LongerWords_CarryTheHashOfTheirFirstFourCharactersAsStem(string text, string stem)
    {
        var tokens = new Token[64];
        int count = Tokenizer.Tokenize(text, tokens, Lexicon);

        Assert.All(tokens[..count], t => Assert.Equal(WordHash.Of(stem), t.Stem));
    }

    [Theory]
    [InlineData("rude")]
    [InlineData("12345")]
    [InlineData("ok")]
    public void Tokenize_ShortWordsAndNumbers_HaveNoStem(string text)
    {
        var tokens = new Token[16];
        int count = Tokenizer.Tokenize(text + "   ", tokens, Lexicon);

        Assert.Equal(1, count);
        Assert.Equal(0UL, tokens[0].Stem);
    }

    [Fact]
    public void WordHash_DifferentWords_DifferentHashes()
    {
        // Zero padding must not make "ab" and "ab\0" or words of 4 and 8 characters meet.
        string[] words = ["a", "ab", "abc", "abcd", "abcde", "abcdabcd", "abcdabc", "ba", "aa", "a0", "0a"];
        Assert.Equal(words.Length, words.Select(w => WordHash.Of(w)).Distinct().Count());
    }

    [Fact]
    public void Tokenize_HtmlEntities_AreNeitherWordsNorClauseEnds()
    {
        // Social media APIs send HTML-escaped text: "&amp;" must not become the word "amp" and a ';'.
        var tokens = new Token[64];
        int count = Tokenizer.Tokenize("Tom &amp; Jerry &quot;rock&quot; &#39;", tokens, Lexicon);
        Assert.Equal(3, count);
        Assert.All(tokens[..count], t => Assert.Equal(TokenKind.Word, t.Kind));
    }

    [Fact]
    public void Tokenize_EscapedHeart_IsTheHeartEmoticon()
    {
        var escaped = new Token[64];
        var plain = new Token[64];
        int a = Tokenizer.Tokenize("love it &lt;3", escaped, Lexicon);
        int b = Tokenizer.Tokenize("love it <3", plain, Lexicon);
        Assert.Equal(b, a);
        Assert.Equal(TokenKind.Emoticon, escaped[a - 1].Kind);
        Assert.True(Lexicon.IsEmoticon(escaped[a - 1].Hash));
    }

    [Fact]
    public void Tokenize_EscapedComma_EndsTheClause()
    {
        var tokens = new Token[64];
        int count = Tokenizer.Tokenize("Charlotte\\u002c NC", tokens, Lexicon);
        Assert.Equal(3, count);
        Assert.Equal(TokenKind.Punctuation, tokens[1].Kind);
        Assert.True(tokens[1].Has(TokenFlags.ClauseEnd));
    }

    [Theory]
    [InlineData("THIS IS TERRIBLE SERVICE", true)]
    [InlineData("THIS IS terrible", false)]
    [InlineData("OK FINE", false)]
    [InlineData("#WORST #SERVICE EVER", true)]
    public void Tokenize_Shouting_NeedsThreeWordsMostlyInCapitals(string text, bool expected)
    {
        Tokenizer.Tokenize(text, new Token[64], Lexicon, out bool shouting);
        Assert.Equal(expected, shouting);
    }
}
