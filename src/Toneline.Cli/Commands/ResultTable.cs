using Spectre.Console;
using Toneline.Core.Conversations;

namespace Toneline.Cli.Commands;

/// <summary>Prints scored conversations as a readable table.</summary>
internal static class ResultTable
{
    public static void Write(IReadOnlyList<(Conversation Conversation, ConversationScore Score)> results, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (output != Console.Out || Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        var table = new Table().AddColumns("Conversation", "Overall", "Band", "Customer", "Agent", "Shift", "Resolved", "Explanation");
        foreach (var (conversation, score) in results)
        {
            table.AddRow(
                Markup.Escape(conversation.Id),
                score.Overall.Score.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Colored(score.Overall.Band),
                score.Customer?.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                score.Agent?.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                score.Shift.ToString(),
                score.Resolved switch { true => "yes", false => "no", _ => "?" },
                Markup.Escape(score.Explanation));
        }

        console.Write(table);
    }

    private static string Colored(ScoreBand band) => band switch
    {
        ScoreBand.VeryNegative => "[red]Very Negative[/]",
        ScoreBand.Negative => "[darkorange]Negative[/]",
        ScoreBand.Neutral => "[grey]Neutral[/]",
        ScoreBand.Positive => "[green]Positive[/]",
        _ => "[lime]Very Positive[/]",
    };
}
