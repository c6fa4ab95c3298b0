using Toneline.Core.Conversations;

namespace Toneline.Core.Formats;

/// <summary>Speaker labels that name a role rather than a person: "Agent", "Customer", "Caller"...</summary>
internal static class RoleWords
{
    public static bool TryParse(string? label, out SpeakerRole role)
    {
        role = SpeakerRole.Other;
        if (string.IsNullOrWhiteSpace(label))
        {
            return false;
        }

        switch (label.Trim().ToUpperInvariant())
        {
            case "AGENT" or "REP" or "REPRESENTATIVE" or "ADVISOR" or "SUPPORT" or "OPERATOR":
                role = SpeakerRole.Agent;
                return true;
            case "CUSTOMER" or "CALLER" or "CLIENT" or "USER" or "CONSUMER":
                role = SpeakerRole.Customer;
                return true;
            case "OTHER" or "SYSTEM" or "IVR":
                role = SpeakerRole.Other;
                return true;
            default:
                return false;
        }
    }
}
