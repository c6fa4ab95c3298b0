using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring;
using Toneline.Storage;
using Toneline.Web.Access;
using Toneline.Web.Api;
using Toneline.Web.Pages;
using Toneline.Web.Prompts;

namespace Toneline.Web.Hosting;

/// <summary>Builds the Toneline web app: the database, access, the REST API, the pages.</summary>
internal static class TonelineWebApp
{
    public const string AdminName = "admin";

    public static async Task<TonelineWebHost> BuildAsync(TonelineWebOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TonelineWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        // Keys live in memory: a restart signs everyone out, which the warning about unencrypted keys does not change.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = options.MaxBodyBytes).UseUrls([.. options.Urls]);

        var database = await ConversationDatabase.OpenAndMigrateAsync(options.Db, options.Time, cancellationToken: cancellationToken).ConfigureAwait(false);
        var users = await UserStore.OpenAsync(options.Db, options.Time, cancellationToken).ConfigureAwait(false);
        builder.Services.AddTonelineServices(options, database, users);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            users.DisposeAsync().AsTask().GetAwaiter().GetResult();
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });
        var generated = await EnsureAdminAsync(users, options.AdminPassword, app.Logger, cancellationToken).ConfigureAwait(false);
        app.UseTonelinePipeline();
        app.MapConversationsApi();
        app.MapAnalyticsApi();
        app.MapMethodsApi();
        app.MapUsersApi();
        app.MapPromptsApi();
        app.MapPromptActivationsApi();
        app.MapOpenApi().AllowAnonymous();
        app.MapTonelinePages();
        return new TonelineWebHost(app, generated);
    }

    private static IServiceCollection AddTonelineServices(this IServiceCollection services, TonelineWebOptions options, ConversationDatabase database, UserStore users)
    {
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(database);
        services.AddSingleton(users);
        services.AddSingleton(options.Time);
        var builtIn = ConversationScorer.CreateDefault();
        services.AddSingleton<IConversationScorer>(builtIn);
        services.AddSingleton(new PromptLab(options, builtIn));
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddTonelineAccess();
        return services;
    }

    private static WebApplication UseTonelinePipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            // Transcripts are untrusted: even if an encoding slip happened, no inline script may run.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            await next(context).ConfigureAwait(false);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static async Task<string?> EnsureAdminAsync(UserStore users, string? password, ILogger logger, CancellationToken cancellationToken)
    {
        if (await users.CountAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            return null;
        }

        var generated = string.IsNullOrEmpty(password) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') : null;
        await users.SaveAsync(AdminName, password ?? generated!, Roles.Admin, [], cancellationToken).ConfigureAwait(false);
        WebLog.AdminCreated(logger, AdminName);
        return generated;
    }
}
