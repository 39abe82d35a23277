using Microsoft.EntityFrameworkCore;
using Moment.Application.Cases;
using Moment.Application.Commitments;
using Moment.Application.Staff;
using Moment.Domain;
using Moment.Domain.Cases;

namespace Moment.Application.KnownIssues;

/// <summary>What the customer is promised when the issue behind their case is fixed, in the words they will read (the page gives them in its language).</summary>
public sealed record MarkKnownIssueFixedRequest(string? PromiseWording, int? ExpectedVersion);

/// <summary>
/// The issue is fixed. Every customer whose case is linked to it is due a message, so each linked case gets a promise
/// "we will tell you when it is fixed", kept by the case's owner within <see cref="TellWithinBusinessDays"/> business days
/// (principle 6: "we'll let you know" is never forgotten). The promise is kept when the message goes out
/// (<see cref="TellCustomerItIsFixed"/>). The issue and every promise are saved together, or none is.
/// </summary>
public sealed class MarkKnownIssueFixed(CaseWork work, PromiseCalendars calendars, StaffCards staff)
{
    public const int TellWithinBusinessDays = 2;

    public async Task<int> HandleAsync(Actor actor, Guid id, MarkKnownIssueFixedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        KnownIssueRules.RequireRegister(actor);
        var wording = Text.Optional(request.PromiseWording, "PromiseWording", Commitment.WhatMaxLength) ?? "We will tell you when it is fixed.";
        var issue = await KnownIssueLoading.LoadAsync(work.Db, id, request.ExpectedVersion, cancellationToken);
        issue.MarkFixed(work.Now);
        var links = await work.Db.KnownIssueLinks.Where(l => l.KnownIssueId == id && l.ToldFixedAt == null && l.FixPromiseId == null).ToListAsync(cancellationToken);
        foreach (var link in links)
        {
            var @case = await work.LoadByIdAsync(link.CaseId, cancellationToken);
            var owner = await staff.FindAsync(@case.OwnerId, cancellationToken);
            var calendar = await calendars.ForAsync(owner?.TeamId, @case.TeamId, cancellationToken);
            var deadline = calendar.AddBusinessDays(work.Now, TellWithinBusinessDays);
            var promise = @case.MakeCommitment(actor.Id, CommitmentKind.GetBackWithInformation, wording, @case.OwnerId, owner?.TeamId ?? @case.TeamId, deadline, null, work.Now);
            link.Promised(promise.Id);
        }

        await work.SaveAsync(cancellationToken);

        return links.Count;
    }
}
