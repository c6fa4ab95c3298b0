using System.CommandLine;
using System.Globalization;
using Toneline.Core.Conversations;
using Toneline.Core.Scoring.BuiltIn;

namespace Toneline.Cli.Commands;

/// <summary>The <c>analyze</c> verb: scores one text and shows the evidence, to see why.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "The sentence or turn to score." };
        var role = new Option<SpeakerRole>("--role") { Description = "Who said it.", DefaultValueFactory = _ => SpeakerRole.Customer };
        var command = new Command("analyze", "Score one text with the built-in engine and show the evidence.") { text, role };
        command.SetAction(parse =>
        {
            var result = BuiltInEngine.Default.Analyze(parse.GetValue(text)!, parse.GetValue(role));
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"score {result.Score:F3}  label {result.Label}  confidence {result.Confidence:F2}"));
            foreach (var evidence in result.Evidence)
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {evidence.Weight,7:+0.00;-0.00}  [{evidence.Start},{evidence.Start + evidence.Length})  {evidence.Text}  {evidence.Kind}{(evidence.Emotion is { } e ? " " + e : "")}{(evidence.Note is { } n ? " (" + n + ")" : "")}"));
            }

            foreach (var (emotion, intensity) in result.Emotions)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  emotion {emotion} {intensity:F2}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
