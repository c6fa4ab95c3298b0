namespace Toneline.Core.Text;

/// <summary>What a token is.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Emoji,
    Emoticon,
    Masked,
    Mention,
    Url,
    Punctuation,
}
