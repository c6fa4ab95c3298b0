namespace Toneline.Core.Text;

/// <summary>Surface features of a token that change how strongly it counts.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>Written in capitals ("TERRIBLE"); two letters or more.</summary>
    AllCaps = 1,

    /// <summary>Had a letter repeated three or more times ("sooo"); the hash squeezes runs to two.</summary>
    Elongated = 2,

    /// <summary>Written as a hashtag ("#fail"); the hash leaves out the '#'.</summary>
    Hashtag = 4,

    /// <summary>Punctuation that ends a sentence: '.', '!', '?', or a line break.</summary>
    SentenceEnd = 8,

    /// <summary>Punctuation that ends a clause: ',', ';', ':', a dash or a sentence end.</summary>
    ClauseEnd = 16,

    /// <summary>Sentence-ending punctuation that includes '!'.</summary>
    Exclamation = 32,

    /// <summary>Sentence-ending punctuation that includes '?'.</summary>
    Question = 64,
}
