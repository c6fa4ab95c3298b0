using System.Text.RegularExpressions;

namespace Toneline.Core.Formats;

/// <summary>Finds a speaker prefix on a line: <c>Dana: text</c> or <c>[Dana] text</c>.</summary>
/// <remarks>
/// A name is 1 to 4 words of letters, digits, <c>. _ ' -</c> starting with a letter, at most 40 characters;
/// the colon must be followed by whitespace or the end of the line, so <c>https://</c> and <c>10:30</c> are text.
/// </remarks>
internal static partial class SpeakerPrefix
{
    public static bool TryParse(string line, out string name, out string rest)
    {
        var match = ColonPrefix().Match(line);
        if (!match.Success)
        {
            match = BracketPrefix().Match(line);
        }

        if (match.Success && match.Groups["name"].Value.Trim().Length <= 40)
        {
            name = match.Groups["name"].Value.Trim();
            rest = match.Groups["text"].Value;
            return true;
        }

        name = string.Empty;
        rest = line;
        return false;
    }

    [GeneratedRegex(@"^\s*(?<name>\p{L}[\p{L}\p{M}\p{Nd}._'\-]*(?:\s+[\p{L}\p{M}\p{Nd}._'\-()]+){0,3})\s*:(?:\s+(?<text>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ColonPrefix();

    [GeneratedRegex(@"^\s*\[(?<name>\p{L}[\p{L}\p{M}\p{Nd}._'\- ]{0,39})\]\s*:?(?:\s+(?<text>.*))?$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex BracketPrefix();
}
