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
