using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Toneline.Cli.Storage;
using Toneline.Web.Hosting;

namespace Toneline.Cli.Commands;

/// <summary>The <c>serve</c> verb: the web app and REST API on a SQLite file or a PostgreSQL database.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var db = StorageOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen; ';'-separated.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Start the web app and REST API (dashboard, conversations, search, heatmap, reports).") { db, urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var options = new TonelineWebOptions
            {
                Db = parse.GetValue(db)!,
                Urls = parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                AdminPassword = Environment.GetEnvironmentVariable("TONELINE_ADMIN_PASSWORD"),
            };
            var host = await TonelineWebApp.BuildAsync(options, cancellationToken).ConfigureAwait(false);
            await using var app = host.App;
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            if (host.GeneratedAdminPassword is { } password)
            {
                output.WriteLine($"Created the first user: admin / {password}  (shown once; set TONELINE_ADMIN_PASSWORD to choose it)");
            }

            foreach (var url in app.Urls)
            {
                output.WriteLine($"Toneline is running at {url}/  (Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
