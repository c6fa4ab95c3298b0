using System.CommandLine;

namespace Toneline.Cli.Commands;

/// <summary>The <c>eval</c> verb.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Not written yet.");
        command.SetAction(_ => ExitCodes.Success);
        return command;
    }
}
