namespace Toneline.Web.Hosting;

/// <summary>How the web app is started: which database, where it listens, and its limits.</summary>
internal sealed class TonelineWebOptions
{
    /// <summary>A SQLite file path or a PostgreSQL connection string.</summary>
    public string Db { get; set; } = "toneline.db";

    public IReadOnlyList<string> Urls { get; set; } = ["http://127.0.0.1:5080"];

    /// <summary>The largest ingest body; larger ones get 413 with a message saying how to split them.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The first admin's password; when null and no user exists, one is generated and returned once.</summary>
    public string? AdminPassword { get; set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Log level for the console; the CLI keeps it at warnings.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;
}
