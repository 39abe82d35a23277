using Moment.Application.Staff;

namespace Moment.Application.Cases;

/// <summary>An internal note for colleagues, or a public reply the customer sees on their page.</summary>
public sealed record AddCaseNoteRequest(string? Text, bool IsPublic, int? ExpectedVersion);

public sealed class AddCaseNote(CaseWork work)
{
    public async Task HandleAsync(string number, AddCaseNoteRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        CaseRules.RequireWork(actor);
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        // An internal note is open to every case worker; a public reply speaks for the case, so it is a change.
        if (request.IsPublic)
            CaseRules.RequireChange(actor, @case);
        @case.AddNote(actor.Id, request.Text ?? "", request.IsPublic, work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
