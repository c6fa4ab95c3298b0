using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Core.Tests.Scoring;

public sealed class LexiconLoaderTests
{
    [Fact]
    public void Load_TwoSpellingsOfOneKeyWithDifferentValues_NamesBothLines()
    {
        // Letter runs squeeze to two, so "ughhh" is looked up as "ughh": one would silently win.
        var error = Assert.Throws<FormatException>(() => LexiconLoader.Load("# header\nughh\t-1.5\tfrustration\nughhh\t-1.0\n", "", "", "", ""));
        Assert.Contains("words.tsv:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2 ('ughh')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VariantsWithTheSameValue_AreAccepted()
    {
        var lexicon = LexiconLoader.Load("good\t2.0\n", "👍\t2.0\tsatisfaction\n👍🏽\t2.0\tsatisfaction\n", "", "", "");
        Assert.Equal(2, lexicon.Count);
    }

    [Fact]
    public void Load_BadValence_NamesFileLineAndField()
    {
        var error = Assert.Throws<FormatException>(() => LexiconLoader.Load("good\t2.0\nbad\tvery\n", "", "", "", ""));
        Assert.Equal("words.tsv:2: valence: expected a number, got 'very'.", error.Message);
    }

    [Fact]
    public void LoadEmbedded_ShippedFiles_HaveNoConflicts()
    {
        Assert.True(LexiconLoader.LoadEmbedded().Count > 8_000);
    }
}
