namespace Toneline.Cli.Input;

/// <summary>Expands command-line inputs (files, directories, <c>-</c>) into the files to read.</summary>
internal static class InputFiles
{
    private static readonly HashSet<string> TranscriptExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".json", ".jsonl", ".ndjson", ".txt", ".vtt", ".srt", ".csv",
    };

    /// <summary>Files in argument order; directories contribute their transcript files, sorted, recursively.</summary>
    /// <param name="inputs">Paths as given.</param>
    /// <param name="missing">Paths that do not exist.</param>
    public static List<string> Expand(IEnumerable<string> inputs, out List<string> missing)
    {
        var files = new List<string>();
        missing = [];
        foreach (var input in inputs)
        {
            if (input == "-" || File.Exists(input))
            {
                files.Add(input);
            }
            else if (Directory.Exists(input))
            {
                files.AddRange(Directory
                    .EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => TranscriptExtensions.Contains(Path.GetExtension(f)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(input);
            }
        }

        return files;
    }
}
