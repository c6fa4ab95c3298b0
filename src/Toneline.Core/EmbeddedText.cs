namespace Toneline.Core;

/// <summary>Reads the data files embedded in this assembly (lexicon, model, resolution cues).</summary>
internal static class EmbeddedText
{
    /// <summary>The text of the embedded file with this logical name ("Toneline.Scoring.words.tsv").</summary>
    /// <exception cref="InvalidOperationException">The build left the file out.</exception>
    public static string Read(string logicalName)
    {
        var assembly = typeof(EmbeddedText).Assembly;
        using var stream = assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"The embedded data file '{logicalName}' is missing from {assembly.GetName().Name}; rebuild the project.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
