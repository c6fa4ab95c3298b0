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
