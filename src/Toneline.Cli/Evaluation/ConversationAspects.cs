using Toneline.Core.Conversations;
using Toneline.Core.Scoring;

namespace Toneline.Cli.Evaluation;

/// <summary>
/// The conversation-level labels a dialogue line may carry, each with the JSON field it is read from,
/// its classes, and the prediction a <see cref="ConversationScore"/> makes for it.
/// </summary>
/// <remarks>
/// <c>label</c> is the conversation overall; <c>customer_label</c> and <c>agent_label</c> the two sides;
/// <c>customer_start</c> and <c>customer_end</c> the ends of the shift; <c>resolved</c> whether the
/// customer's issue was resolved (<c>true</c>, <c>false</c> or <c>null</c> for no issue or unclear).
/// </remarks>
internal static class ConversationAspects
{
    public const string Overall = "conversation";
    public const string Customer = "conversation customer";
    public const string Agent = "conversation agent";
    public const string Start = "customer start";
    public const string End = "customer end";
    public const string Resolved = "resolved";

    public static readonly string[] ResolvedLabels = ["unresolved", "unclear", "resolved"];

    /// <summary>Every aspect in report order: (aspect, JSON field, classes).</summary>
    public static readonly (string Aspect, string Field, string[] Classes)[] All =
    [
        (Overall, "label", LabeledFile.Labels),
        (Customer, "customer_label", LabeledFile.Labels),
        (Agent, "agent_label", LabeledFile.Labels),
        (Start, "customer_start", LabeledFile.Labels),
        (End, "customer_end", LabeledFile.Labels),
        (Resolved, "resolved", ResolvedLabels),
    ];

    /// <summary>The score's prediction for an aspect; null when the score has nothing to say (no agent turn, say).</summary>
    public static string? Predicted(ConversationScore score, string aspect) => aspect switch
    {
        Overall => LabelOf(score.Overall),
        Customer => score.Customer is { } customer ? LabelOf(customer) : null,
        Agent => score.Agent is { } agent ? LabelOf(agent) : null,
        Start => NameOf(Shifts.Ends(score.Shift).Start),
        End => NameOf(Shifts.Ends(score.Shift).End),
        Resolved => score.Resolved switch
        {
            true => "resolved",
            false => "unresolved",
            null => "unclear",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(aspect), aspect, "not a conversation aspect"),
    };

    private static string LabelOf(SideScore side) => NameOf(Shifts.LabelOf(side.Score));

    private static string NameOf(SentimentLabel label) => label.ToString().ToLowerInvariant();
}
