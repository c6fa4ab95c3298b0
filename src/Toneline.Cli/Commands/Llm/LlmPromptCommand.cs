using System.CommandLine;
using System.Globalization;
using Toneline.Llm.Prompts;

namespace Toneline.Cli.Commands.Llm;

/// <summary><c>toneline llm prompt list|show|edit|activate</c>: the prompt versions and which one is active.</summary>
internal static class LlmPromptCommand
{
    public static Command Create()
    {
        var command = new Command("prompt", "List, show, edit and activate prompt versions.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Edit());
        command.Subcommands.Add(Activate());
        return command;
    }

    private static Option<string?> StoreOption() => new("--prompts") { Description = "Prompt store folder (default: ~/.toneline/prompts)." };

    private static Option<string> ByOption() => new("--by") { Description = "Who is making the change.", DefaultValueFactory = _ => Environment.UserName };

    private static Command List()
    {
        var prompts = StoreOption();
        var command = new Command("list", "List prompt versions; the active one is marked with *.") { prompts };
        command.SetAction(parse => Run(parse, prompts, (store, output) =>
        {
            var active = store.Active().Version;
            foreach (var version in store.List())
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{(version.Version == active ? '*' : ' ')} p{version.Version}  {version.CreatedAt:yyyy-MM-dd HH:mm}Z  {version.CreatedBy}  {version.Note}"));
            }

            foreach (var activation in store.Activations())
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  activated p{activation.Version} at {activation.ActivatedAt:yyyy-MM-dd HH:mm}Z by {activation.ActivatedBy}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show()
    {
        var prompts = StoreOption();
        var version = new Argument<int?>("version") { Description = "The version; the active one when left out.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "Show a prompt version's definitions and the full text sent to the model.") { version, prompts };
        command.SetAction(parse => Run(parse, prompts, (store, output) =>
        {
            var wanted = parse.GetValue(version);
            var prompt = wanted is { } number ? store.Get(number) : store.Active();
            if (prompt is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"There is no prompt version {wanted}; list them with 'toneline llm prompt list'.");
                return ExitCodes.BadInput;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p{prompt.Version} by {prompt.CreatedBy} at {prompt.CreatedAt:yyyy-MM-dd HH:mm}Z"));
            output.WriteLine($"positive: {prompt.Definitions.Positive}");
            output.WriteLine($"negative: {prompt.Definitions.Negative}");
            output.WriteLine($"guidance: {prompt.Definitions.Guidance}");
            output.WriteLine();
            output.WriteLine(prompt.Text);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Edit()
    {
        var prompts = StoreOption();
        var by = ByOption();
        var positive = new Option<string?>("--positive") { Description = "New definition of a positive conversation." };
        var negative = new Option<string?>("--negative") { Description = "New definition of a negative conversation." };
        var guidance = new Option<string?>("--guidance") { Description = "Extra guidance for the model (products, policies)." };
        var note = new Option<string>("--note") { Description = "Why this version was written.", DefaultValueFactory = _ => string.Empty };
        var command = new Command("edit", "Save a new prompt version from the active one with changed definitions; it is not activated.")
        {
            positive, negative, guidance, note, by, prompts,
        };
        command.SetAction(parse => Run(parse, prompts, (store, output) =>
        {
            if (parse.GetValue(positive) is null && parse.GetValue(negative) is null && parse.GetValue(guidance) is null)
            {
                parse.InvocationConfiguration.Error.WriteLine("Nothing to change: give --positive, --negative or --guidance.");
                return ExitCodes.Usage;
            }

            var current = store.Active().Definitions;
            var definitions = new PromptDefinitions(
                parse.GetValue(positive) ?? current.Positive,
                parse.GetValue(negative) ?? current.Negative,
                parse.GetValue(guidance) ?? current.Guidance);
            var created = store.Create(definitions, parse.GetValue(by)!, parse.GetValue(note)!);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Saved p{created.Version}. Try it with 'toneline llm playground --prompt-version {created.Version} FILES' and 'toneline llm regress --prompt-version {created.Version} SET.jsonl', then activate it."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Activate()
    {
        var prompts = StoreOption();
        var by = ByOption();
        var version = new Argument<int>("version") { Description = "The version to make active." };
        var command = new Command("activate", "Make a prompt version the active one, recording who and when.") { version, by, prompts };
        command.SetAction(parse => Run(parse, prompts, (store, output) =>
        {
            var number = parse.GetValue(version);
            if (store.Get(number) is null)
            {
                parse.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"There is no prompt version {number} in {store.Directory}; list them with 'toneline llm prompt list'."));
                return ExitCodes.BadInput;
            }

            var activation = store.Activate(number, parse.GetValue(by)!);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"p{activation.Version} is active since {activation.ActivatedAt:yyyy-MM-dd HH:mm:ss}Z ({activation.ActivatedBy})."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static int Run(ParseResult parse, Option<string?> prompts, Func<PromptStore, TextWriter, int> action)
    {
        try
        {
            return action(new PromptStore(parse.GetValue(prompts) ?? PromptStore.DefaultDirectory), parse.InvocationConfiguration.Output);
        }
        catch (InvalidDataException ex)
        {
            parse.InvocationConfiguration.Error.WriteLine(ex.Message);
            return ExitCodes.BadInput;
        }
    }
}
