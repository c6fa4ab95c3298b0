namespace Toneline.Core.Conversations;

/// <summary>Which side of the conversation a turn belongs to.</summary>
public enum SpeakerRole
{
    /// <summary>The contact-center agent (or bot) serving the customer.</summary>
    Agent,

    /// <summary>The customer.</summary>
    Customer,

    /// <summary>Anyone else: a transfer target, an IVR prompt, a third party.</summary>
    Other,
}
