namespace Toneline.Web.Hosting;

/// <summary>The web app's log messages.</summary>
internal static partial class WebLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Count} ingested conversations for {User}")]
    public static partial void Ingested(ILogger logger, int count, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "{User} signed in")]
    public static partial void SignedIn(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {User}")]
    public static partial void SignInFailed(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin user '{User}'")]
    public static partial void AdminCreated(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "{User} saved prompt version {Version}")]
    public static partial void PromptCreated(ILogger logger, int version, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{User} activated prompt version {Version}")]
    public static partial void PromptActivated(ILogger logger, int version, string user);
}
