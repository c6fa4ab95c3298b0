using System.CommandLine;

namespace Toneline.Cli.Commands;

/// <summary>The <c>score</c> verb.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var command = new Command("score", "Not written yet.");
        command.SetAction(_ => ExitCodes.Success);
        return command;
    }
}
