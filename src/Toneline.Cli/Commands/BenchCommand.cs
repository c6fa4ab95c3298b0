using System.CommandLine;

namespace Toneline.Cli.Commands;

/// <summary>The <c>bench</c> verb.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Not written yet.");
        command.SetAction(_ => ExitCodes.Success);
        return command;
    }
}
