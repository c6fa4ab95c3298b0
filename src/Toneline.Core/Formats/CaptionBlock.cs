namespace Toneline.Core.Formats;

/// <summary>A blank-line-separated block of a caption file, with the 1-based line of its first line.</summary>
internal sealed record CaptionBlock(int Line, IReadOnlyList<string> Lines)
{
    public static List<CaptionBlock> Split(string[] lines, int from)
    {
        var blocks = new List<CaptionBlock>();
        var current = new List<string>();
        var start = 0;
        for (var i = from; i <= lines.Length; i++)
        {
            if (i == lines.Length || string.IsNullOrWhiteSpace(lines[i]))
            {
                if (current.Count > 0)
                {
                    blocks.Add(new CaptionBlock(start + 1, current));
                    current = [];
                }

                continue;
            }

            if (current.Count == 0)
            {
                start = i;
            }

            current.Add(lines[i]);
        }

        return blocks;
    }
}
