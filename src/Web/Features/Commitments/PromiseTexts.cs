using System.Globalization;
using Moment.Domain.Cases;

namespace Moment.Web.Features.Commitments;

/// <summary>The English words (resource keys) for promises, and how a deadline is written for people.</summary>
internal static class PromiseTexts
{
    public static string Kind(CommitmentKind kind) => kind switch
    {
        CommitmentKind.CallBack => "Call back",
        CommitmentKind.GetBackWithInformation => "Get back with information",
        CommitmentKind.SendSomething => "Send something",
        CommitmentKind.Compensation => "Compensation",
        CommitmentKind.FollowUpAfterConsent => "Follow-up after consent",
        CommitmentKind.ManagerContact => "Manager contact",
        CommitmentKind.Other => "Other",
    };

    public static string State(CommitmentState state, bool keptLate) => state switch
    {
        CommitmentState.Open => "Open",
        CommitmentState.Kept => "Kept",
        CommitmentState.Broken => keptLate ? "Broken, kept late" : "Broken",
        CommitmentState.Withdrawn => "Withdrawn",
    };

    /// <summary>
    /// "Tuesday 24 November 17:00" on the clock of the team that counts the deadline (the views carry its offset), so
    /// that the customer and the keeper read the same time whatever the server's zone.
    /// </summary>
    public static string Deadline(DateTimeOffset deadline) => deadline.ToString("dddd d MMMM HH:mm", CultureInfo.CurrentCulture);
}
