using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Toneline.Storage;
using Toneline.Storage.Queries;
using Toneline.Web.Access;
using Toneline.Web.Api.Contracts;

namespace Toneline.Web.Api;

/// <summary>Summary, KPIs with the previous-period compare, drill-down, time series, heatmap, drivers and the band report.</summary>
internal static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Analytics").RequireAuthorization(AccessExtensions.ReadPolicy);
        group.MapGet("/summary", (HttpContext c, [AsParameters] FilterQuery q, ConversationDatabase db, CancellationToken ct) =>
            Run(c, q, f => db.Queries.SummaryAsync(f, ct))).WithSummary("Conversations per overall band");
        group.MapGet("/kpis", (HttpContext c, [AsParameters] FilterQuery q, ConversationDatabase db, CancellationToken ct) =>
            Run(c, q, f => db.Queries.CompareAsync(f, ct))).WithSummary("KPIs of the range (default: last 30 days) against the previous equal range, with significance and small-sample flags");
        group.MapGet("/drilldown", (HttpContext c, [AsParameters] FilterQuery q, ConversationDatabase db, CancellationToken ct) =>
            Run(c, q, f => db.Queries.DrilldownAsync(f, ct))).WithSummary("Organization → group → agent → conversations, chosen by the group and agent criteria");
        group.MapGet("/timeseries", (HttpContext c, [AsParameters] FilterQuery q, string? bucket, ConversationDatabase db, CancellationToken ct) =>
        {
            var parser = new FilterParser();
            var b = parser.Enum<TimeBucket>("bucket", bucket) ?? TimeBucket.Day;
            return Run(c, q, f => db.Queries.TimeSeriesAsync(f, b, ct), parser: parser);
        }).WithSummary("KPIs per day or ISO week");
        group.MapGet("/heatmap", (HttpContext c, [AsParameters] FilterQuery q, string? rows, ConversationDatabase db, CancellationToken ct) =>
        {
            var parser = new FilterParser();
            var r = parser.Enum<HeatmapRows>("rows", rows) ?? HeatmapRows.Group;
            return Run(c, q, f => db.Queries.HeatmapAsync(f, r, ct), parser: parser);
        }).WithSummary("Group or agent × day (default: the last 30 days)");
        group.MapGet("/drivers", (HttpContext c, [AsParameters] FilterQuery q, string? top, ConversationDatabase db, CancellationToken ct) =>
        {
            var parser = new FilterParser();
            var n = parser.Int("top", top, 10, 1, 100);
            return Run(c, q, f => db.Queries.DriversAsync(f, n, ct), parser: parser);
        }).WithSummary("Topics and phrases behind negative conversations");
        group.MapGet("/reports/bands", BandReportAsync).WithSummary("Call summary: conversations per band by group or agent (format=csv for a file)");
        return routes;
    }

    private static async Task<Results<Ok<T>, ValidationProblem, ForbidHttpResult>> Run<T>(
        HttpContext context, FilterQuery query, Func<ConversationFilter, Task<T>> run, FilterParser? parser = null)
    {
        parser ??= new FilterParser();
        var filter = parser.Parse(query);
        if (parser.HasErrors)
        {
            return TypedResults.ValidationProblem(parser.Errors, title: "The request has bad criteria");
        }

        if (AccessScope.Limit(context.User, filter) is not { } limited)
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await run(limited).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<IReadOnlyList<BandReportRow>>, EmptyHttpResult, ValidationProblem, ForbidHttpResult>> BandReportAsync(
        HttpContext context, [AsParameters] FilterQuery query, string? by, string? format, ConversationDatabase database, CancellationToken cancellationToken)
    {
        var parser = new FilterParser();
        var filter = parser.Parse(query);
        var byAgent = by?.ToLowerInvariant() switch
        {
            null or "" or "group" => false,
            "agent" => true,
            _ => Invalid(parser, "by", "must be group or agent."),
        };
        var csv = format?.ToLowerInvariant() switch
        {
            null or "" or "json" => false,
            "csv" => true,
            _ => Invalid(parser, "format", "must be json or csv."),
        };
        if (parser.HasErrors)
        {
            return TypedResults.ValidationProblem(parser.Errors, title: "The report has bad criteria");
        }

        var limited = AccessScope.Limit(context.User, filter);
        if (limited is null)
        {
            return TypedResults.Forbid();
        }

        var rows = await BandReport.BuildAsync(database.Queries, limited, byAgent, cancellationToken).ConfigureAwait(false);
        if (!csv)
        {
            return TypedResults.Ok(rows);
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"call-summary-by-{(byAgent ? "agent" : "group")}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
        await writer.WriteLineAsync(byAgent ? "agent_id,agent_name,group,very_negative,negative,neutral,positive,very_positive,total,average_overall" : "group,very_negative,negative,neutral,positive,very_positive,total,average_overall").ConfigureAwait(false);
        foreach (var r in rows)
        {
            string?[] lead = byAgent ? [r.Key, r.Name, r.Group] : [r.Key];
            var numbers = new[] { r.VeryNegative, r.Negative, r.Neutral, r.Positive, r.VeryPositive, r.Total }.Select(n => n.ToString(CultureInfo.InvariantCulture));
            await writer.WriteLineAsync(string.Join(',', lead.Select(Csv).Concat(numbers).Append(r.AverageOverall?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty))).ConfigureAwait(false);
        }

        return TypedResults.Empty;
    }

    private static bool Invalid(FilterParser parser, string field, string message)
    {
        parser.Add(field, message);
        return false;
    }

    // RFC 4180, and a leading quote mark for cells a spreadsheet would run as a formula.
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
