using System.Globalization;
using Moment.Domain.Cases;
using Moment.Web.Localization;

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

    /// <summary>"Tuesday 24 November 17:00" on the reader's clock, whatever the server's zone.</summary>
    public static string Deadline(DateTimeOffset deadline, Clock clock) => clock.On(deadline).ToString("dddd d MMMM HH:mm", CultureInfo.CurrentCulture);
}
