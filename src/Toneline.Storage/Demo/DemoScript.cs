namespace Toneline.Storage.Demo;

/// <summary>The lines synthetic conversations are written from.</summary>
internal static class DemoScript
{
    public static readonly string[] Groups = ["Billing Support", "Technical Support", "Retention", "Sales", "Onboarding", "Collections"];

    public static readonly string[] FirstNames =
        ["Dana", "Luis", "Priya", "Tom", "Aisha", "Marco", "Sofia", "Kenji", "Emma", "Omar", "Lena", "Raj", "Chloe", "Ivan", "Maya", "Noah", "Zoe", "Ali", "Grace", "Hugo"];

    public static readonly string[] LastNames =
        ["Kim", "Garcia", "Patel", "Brown", "Khan", "Rossi", "Silva", "Sato", "Muller", "Haddad", "Novak", "Singh", "Martin", "Petrov", "Lopez", "Young"];

    public static readonly DemoTopic[] Topics =
    [
        new("billing", 0.30, ["I was charged twice on my last bill", "my invoice shows a fee I never agreed to", "the bill went up again without any notice"],
            ["It says forty dollars extra this month.", "I checked my bank statement and the charge is there twice.", "Nobody told me the price would change."],
            ["I can see the duplicate charge on your account.", "Let me look at the invoice with you.", "I have applied a credit for the extra fee."]),
        new("outage", 0.55, ["my internet has been down since yesterday", "the service keeps dropping every few minutes", "nothing works at home, no connection at all"],
            ["I work from home and I lost a whole day.", "I already restarted the router three times.", "The light on the box is blinking red."],
            ["There is a known outage in your area.", "I have opened a ticket with the network team.", "Let me run a line test from here."]),
        new("cancellation", 0.45, ["I want to cancel my subscription", "I am thinking about leaving for another provider", "please close my account"],
            ["I found a cheaper offer elsewhere.", "The service has not been worth the price.", "I have asked for this before."],
            ["I can help you with that today.", "Before you go, I can offer you a discount.", "I have processed the request."]),
        new("delivery", 0.35, ["my order has not arrived", "the package was delivered to the wrong address", "the parcel came damaged"],
            ["It was supposed to be here last week.", "The tracking has not moved in days.", "The box was crushed and the item is broken."],
            ["I can see the parcel is delayed at the depot.", "I will send a replacement right away.", "I have arranged a new delivery for tomorrow."]),
        new("password reset", 0.15, ["I cannot log in to my account", "I need to reset my password", "the app says my account is locked"],
            ["I tried the reset link but it expired.", "I do not get the verification email.", "It worked fine until yesterday."],
            ["I have unlocked the account for you.", "I am sending a new reset link now.", "Please try to log in again now."]),
        new("upgrade", 0.10, ["I would like to upgrade my plan", "I want to add another line", "can I get the faster package"],
            ["We have more people at home now.", "I saw the offer on your website.", "My current plan is a bit slow for us."],
            ["The new plan will be active tonight.", "I have added the line to your account.", "You qualify for the loyalty price."]),
        new("refund", 0.40, ["I am still waiting for my refund", "you promised me a refund a month ago", "I returned the item but got no money back"],
            ["It has been four weeks already.", "I was told it would take five days.", "I have the return receipt right here."],
            ["I can see the refund was never processed.", "I have pushed the refund through now.", "You will see the money within three days."]),
        new("new account", 0.08, ["I am opening a new account", "I just signed up and have a few questions", "I am setting up the service for the first time"],
            ["I want to make sure everything is right.", "The welcome email was a bit confusing.", "I am not sure which plan I picked."],
            ["Let me walk you through the setup.", "Your account is all set.", "I have activated everything for you."]),
    ];

    public static readonly string[] AgentGreetings =
    [
        "Thank you for calling, my name is {agent}, how can I help you today?",
        "Hi, this is {agent}, thanks for reaching out. What can I do for you?",
        "Good morning, you are speaking with {agent}. How may I help?",
    ];

    public static readonly string[] AngryOpenings =
    [
        "This is ridiculous, {problem}.", "I am really frustrated, {problem}.", "Honestly this is unacceptable, {problem}.",
        "I am so angry right now, {problem}.", "This is the third time I call, {problem}, and nobody helps.",
    ];

    public static readonly string[] CalmOpenings = ["Hi, {problem}.", "Hello, I am calling because {problem}.", "Hi there, {problem}, can you check?"];

    public static readonly string[] HappyOpenings = ["Hi, hope you are well! {problem}.", "Hello, thanks for picking up so fast, {problem}."];

    public static readonly string[] EmpatheticAgent =
    [
        "I am so sorry about that, I understand how frustrating this is.", "I completely understand, let me fix this for you right now.",
        "I apologize for the trouble, I will take care of it.",
    ];

    public static readonly string[] NeutralAgent = ["Okay, let me check that.", "Can you confirm your account number?", "One moment while I look into it."];

    public static readonly string[] CurtAgent =
    [
        "That is our policy, there is nothing I can do.", "You will have to wait like everyone else.", "I already told you, it is not my department.",
    ];

    public static readonly string[] CustomerWaiting = ["Okay.", "Sure, it is 4471 2231.", "Fine, I will wait.", "Yes, that is my address."];

    public static readonly string[] CustomerStillAngry =
    [
        "This is a waste of time, I have been on hold for an hour.", "That is terrible service, I am very disappointed.",
        "I do not understand why this is so hard.", "You people never fix anything.",
    ];

    public static readonly string[] CustomerRecovering = ["Oh okay, that makes sense.", "Alright, that sounds better.", "Okay, thank you for explaining."];

    public static readonly string[] HappyEndings =
    [
        "That is great, thank you so much for your help!", "Perfect, you have been really helpful, I appreciate it.",
        "Wonderful, thanks a lot, problem solved.", "Awesome, it works now. Thank you!",
    ];

    public static readonly string[] NeutralEndings = ["Okay, thanks.", "Alright, I will see then.", "Fine, bye.", "Okay, I will wait for the email."];

    public static readonly string[] AngryEndings =
    [
        "This is useless, I am going to cancel everything.", "I am extremely disappointed, this is the worst service ever.",
        "Forget it, I will file a complaint.", "Unbelievable, still not fixed. Terrible.",
    ];

    public static readonly string[] AgentClosings =
    [
        "Is there anything else I can help you with today?", "Thank you for your patience, have a great day.", "You are welcome, take care.",
    ];
}
