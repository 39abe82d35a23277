using Microsoft.AspNetCore.Identity;

namespace Moment.Application.Staff;

/// <summary>A member of staff who signs in: frontline, agent, team lead, manager, leadership or administrator.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public const int ExtensionMaxLength = 32;

    public string DisplayName { get; set; } = "";

    public Guid? TeamId { get; set; }

    /// <summary>
    /// Their extension on the organisation's PBX ("201"), as its call events name it: a call ringing there shows on
    /// their desk, and a caller with an open case of theirs can be sent straight to it.
    /// </summary>
    public string? Extension { get; set; }

    /// <summary>Inactive staff cannot sign in or use API tokens, but stay on record as owners of past work.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The first name is what a customer is told ("Sara in the Phone team will call you").</summary>
    public string FirstName => FirstNameOf(DisplayName);

    public static string FirstNameOf(string displayName) =>
        displayName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : displayName;
}
