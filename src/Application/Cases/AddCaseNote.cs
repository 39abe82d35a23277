namespace Moment.Application.Cases;

/// <summary>An internal note for colleagues, or a public reply the customer sees on their page.</summary>
public sealed record AddCaseNoteRequest(string? Text, bool IsPublic, int? ExpectedVersion);

public sealed class AddCaseNote(CaseWork work)
{
    public async Task HandleAsync(string number, AddCaseNoteRequest request, Guid actorId, CancellationToken cancellationToken = default)
    {
        var @case = await work.LoadAsync(number, request.ExpectedVersion, cancellationToken);
        @case.AddNote(actorId, request.Text ?? "", request.IsPublic, work.Now);
        await work.SaveAsync(cancellationToken);
    }
}
