using System.Collections.Frozen;
using System.Reflection;

namespace Toneline.Web.Pages;

/// <summary>Serves the embedded wwwroot files (styles, scripts, ECharts) under <c>/static</c>.</summary>
internal static class StaticAssets
{
    private static readonly Assembly Assembly = typeof(StaticAssets).Assembly;

    private static readonly FrozenDictionary<string, byte[]> Files = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("wwwroot/", StringComparison.Ordinal))
        .ToFrozenDictionary(n => n["wwwroot/".Length..], Read, StringComparer.Ordinal);

    public static IResult Serve(string path, HttpContext context)
    {
        if (!Files.TryGetValue(path, out var bytes))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=300";
        var type = Path.GetExtension(path) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".svg" => "image/svg+xml",
            _ => "application/octet-stream",
        };
        return TypedResults.Bytes(bytes, type);
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
