namespace Toneline.Cli.Tests;

/// <summary>The bundled sample transcripts in the repository's <c>samples/</c> folder.</summary>
internal static class Samples
{
    public static string Directory { get; } = Find();

    public static string Path(string name) => System.IO.Path.Combine(Directory, name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Toneline.slnx")))
            {
                return System.IO.Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("samples/ not found above " + AppContext.BaseDirectory);
    }
}
