using Moment.Domain.Calendar;

namespace Moment.Domain.Cases;

/// <summary>
/// A customer's problem, from first contact to resolution, with exactly one named owner all the way (principle 1).
/// Whoever registers the case owns it; ownership changes only when someone accepts a hand-off, when a team lead
/// reassigns it with a written reason, or when the case escalates to a team lead because it bounced (principle 2).
/// It is resolved only when the customer confirms, or stays silent through the case type's window (principle 10).
/// Every change appends to the timeline and bumps <see cref="Version"/>, which guards against lost updates.
/// </summary>
public sealed class Case
{
    public const int SubjectMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int ResolutionMaxLength = 4000;
    public const int CommentMaxLength = 2000;

    private readonly List<CaseEvent> _timeline = [];
    private readonly List<HandOff> _handOffs = [];
    private readonly List<Commitment> _commitments = [];

    private Case()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>A number people can read aloud on the phone: <c>M-2026-000123</c>.</summary>
    public string Number { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid CaseTypeId { get; private set; }

    public string Subject { get; private set; } = "";

    public string? Description { get; private set; }

    public CaseStatus Status { get; private set; }

    public CasePriority Priority { get; private set; }

    public Guid? TeamId { get; private set; }

    /// <summary>The one accountable person. Never empty.</summary>
    public Guid OwnerId { get; private set; }

    /// <summary>The door of the first contact.</summary>
    public Door FirstDoor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The unguessable secret in the customer's link to their case page (no sign-in).</summary>
    public string CustomerToken { get; private set; } = "";

    public string? ProposedResolution { get; private set; }

    /// <summary>When a proposed resolution becomes "resolved by silence" unless the customer objects.</summary>
    public DateTimeOffset? ObjectionDeadline { get; private set; }

    public DateTimeOffset? FirstResponseAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The owner who is away while <see cref="OwnerId"/> covers for them; null when not covered.</summary>
    public Guid? CoveringForId { get; private set; }

    /// <summary>An earlier case about the same problem, when an agent linked them.</summary>
    public Guid? SameProblemAsCaseId { get; private set; }

    public int HandOffCount { get; private set; }

    public int DeclineCount { get; private set; }

    public int EscalationCount { get; private set; }

    public int ReopenCount { get; private set; }

    public int RepeatContactCount { get; private set; }

    /// <summary>Escalation happens once per cause: when hand-offs reach the limit, and when declines do.</summary>
    public bool EscalatedForHandOffs { get; private set; }

    public bool EscalatedForDeclines { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<CaseEvent> Timeline => _timeline;

    public IReadOnlyList<HandOff> HandOffs => _handOffs;

    public IReadOnlyList<Commitment> Commitments => _commitments;

    public HandOff? PendingHandOff => _handOffs.FirstOrDefault(h => h.State == HandOffState.Pending);

    public bool IsResolved => Status is CaseStatus.Resolved or CaseStatus.ResolvedBySilence;

    public TimeSpan? TimeToFirstResponse => FirstResponseAt - CreatedAt;

    public TimeSpan? TimeToResolution => ResolvedAt - CreatedAt;

    /// <summary>
    /// Registers a case at any door. The person who registers it owns it ("the first person the customer meets"),
    /// and the first contact is on the timeline.
    /// </summary>
    public static Case Register(CaseRegistration registration, DateTimeOffset now)
    {
        var subject = Text.Required(registration.Subject, "Subject", SubjectMaxLength);
        var description = Text.Optional(registration.Description, "Description", DescriptionMaxLength);
        if (registration.CustomerToken is not { Length: >= 32 })
            throw new ArgumentException("The customer token must be a long random secret.", nameof(registration));
        var @case = new Case
        {
            Id = Guid.CreateVersion7(),
            Number = registration.Number,
            CustomerId = registration.CustomerId,
            CaseTypeId = registration.CaseTypeId,
            Subject = subject,
            Description = description,
            Priority = registration.Priority,
            Status = CaseStatus.Open,
            TeamId = registration.TeamId,
            OwnerId = registration.RegisteredById,
            FirstDoor = registration.Door,
            CreatedAt = now,
            UpdatedAt = now,
            CustomerToken = registration.CustomerToken,
        };
        @case.Append(CaseEventKind.Created, now, registration.RegisteredById, subject).About(registration.RegisteredById, registration.TeamId);
        @case.Append(CaseEventKind.Contact, now, registration.RegisteredById, description ?? subject).WithContact(registration.Door, ContactDirection.Inbound);
        return @case;
    }

    /// <summary>
    /// Records a call, chat, email, visit or letter. On a resolved case only a contact about the same problem is
    /// accepted: within the repeat window it reopens the case and counts a repeat contact instead of creating new work.
    /// </summary>
    public void RecordContact(Guid actorId, Door door, ContactDirection direction, string summary, bool sameProblem, CasePolicy policy, DateTimeOffset now)
    {
        var text = Text.Required(summary, "Summary", CaseEvent.TextMaxLength);
        if (IsResolved)
        {
            if (!sameProblem)
                throw new ConflictException("Case {0} is resolved. Mark the contact as the same problem to reopen it, or open a new case.", Number);
            if (now - ResolvedAt > policy.RepeatContactWindow)
                throw new ConflictException("Case {0} was resolved more than {1} days ago. Open a new case and link it as the same problem.", Number, (int)policy.RepeatContactWindow.TotalDays);
            RepeatContactCount++;
            Reopen(actorId, now, CaseEventReason.RepeatContact);
        }

        Append(CaseEventKind.Contact, now, actorId, text).WithContact(door, direction);
        if (direction == ContactDirection.Outbound)
            FirstResponseAt ??= now;
    }

    public void AddNote(Guid actorId, string text, bool isPublic, DateTimeOffset now) => AddNote(actorId, text, isPublic, null, now);

    /// <summary>
    /// A note, or a public reply; a reply that also went to the customer through a door (an email) names the message
    /// that carries it, whose delivery the timeline shows.
    /// </summary>
    public void AddNote(Guid actorId, string text, bool isPublic, (Door Door, long MessageId)? sentBy, DateTimeOffset now) =>
        AddNote(actorId, text, isPublic, sentBy, now, []);

    /// <summary>
    /// A note or a reply, as above; an internal note that mentions colleagues (<paramref name="mentioned"/>, found by
    /// <see cref="Mentions"/>) has one entry per colleague after it, so that each is told. Nobody's work moves: the owner
    /// stays the owner. A reply to the customer mentions nobody: it is written for the customer.
    /// </summary>
    public void AddNote(Guid actorId, string text, bool isPublic, (Door Door, long MessageId)? sentBy, DateTimeOffset now, IReadOnlyCollection<Guid> mentioned)
    {
        ArgumentNullException.ThrowIfNull(mentioned);
        var note = Text.Required(text, "Text", CaseEvent.TextMaxLength);
        if (isPublic && mentioned.Count > 0)
            throw new DomainRuleException("Mention colleagues in an internal note: a reply is written for the customer.", "Text");
        var entry = Append(isPublic ? CaseEventKind.PublicReply : CaseEventKind.InternalNote, now, actorId, note, isPublic);
        foreach (var colleague in mentioned.Distinct())
            Append(CaseEventKind.Mentioned, now, actorId).About(colleague);
        if (isPublic && sentBy is { } sent)
            entry.WithContact(sent.Door, ContactDirection.Outbound).CarriedBy(sent.MessageId);
        if (isPublic)
            FirstResponseAt ??= now;
    }

    /// <summary>
    /// A member of staff puts a file on the case (a photo of the fault, a PDF), saying what it shows if they like. The
    /// file's type is told from its content by <see cref="CaseFileTypes.Of"/> before this is asked; the bytes are kept
    /// already, under <paramref name="storageKey"/>. The entry is internal: files are staff's, as notes are.
    /// </summary>
    public CaseFile AttachFile(Guid actorId, string fileName, string contentType, long length, string sha256, string storageKey, string? comment, DateTimeOffset now)
    {
        var file = CaseFile.Of(Id, fileName, contentType, length, sha256, storageKey, actorId, now);
        var said = string.IsNullOrWhiteSpace(comment) ? null : Text.Required(comment, "Comment", CaseEvent.TextMaxLength);
        Append(CaseEventKind.FileAttached, now, actorId, said).Showing(file);
        return file;
    }

    /// <summary>
    /// The customer wrote on their open case through a door (an email on its thread): a contact of theirs, with no member
    /// of staff behind it, so that the owner is told and the timeline shows it.
    /// </summary>
    public void ReceiveMessage(Door door, string text, long messageId, DateTimeOffset now)
    {
        if (IsResolved)
            throw new ConflictException("Case {0} is resolved. Mark the contact as the same problem to reopen it, or open a new case.", Number);
        Append(CaseEventKind.Contact, now, null, Text.Required(text, "Summary", CaseEvent.TextMaxLength)).WithContact(door, ContactDirection.Inbound).CarriedBy(messageId);
    }

    /// <summary>
    /// The owner offers the case to a person or a team. The owner stays owner until someone accepts. The offer waits
    /// <see cref="CasePolicy.OfferTimeout"/> of the receiver's open time (<paramref name="receiverHours"/>): made in the
    /// evening, it waits for the morning instead of lapsing at night. The owner's open promises on the case go with it on
    /// accept, except those in <paramref name="offererKeeps"/>, which the owner keeps themselves.
    /// </summary>
    public HandOff OfferHandOff(
        Guid offeredById, HandOffTarget target, string summary, string reason, CasePolicy policy, BusinessCalendar receiverHours, DateTimeOffset now,
        IReadOnlyCollection<Guid>? offererKeeps = null)
    {
        var summaryText = Text.Required(summary, "Summary", HandOff.SummaryMaxLength);
        var reasonText = Text.Required(reason, "Reason", HandOff.ReasonMaxLength);
        if (offeredById != OwnerId)
            throw new ForbiddenException("Only the owner of case {0} can hand it off.", Number);
        if (target.UserId == OwnerId)
            throw new DomainRuleException("You cannot hand a case off to yourself.", "ToUser");
        if (Status != CaseStatus.Open)
            throw new ConflictException("Case {0} must be open to be handed off.", Number);
        if (PendingHandOff is { } pending)
            throw new ConflictException("Case {0} already has an offer waiting for an answer (until {1:yyyy-MM-dd HH:mm} UTC).", Number, pending.ExpiresAt.UtcDateTime);
        var keeps = (offererKeeps ?? []).Distinct().ToList();
        if (keeps.Any(id => !_commitments.Any(c => c.Id == id && c.IsOpen && (c.KeeperId == offeredById || c.CoveringForId == offeredById))))
            throw new DomainRuleException("You can keep only your own open promises on this case.", "KeepPromises");

        var expiresAt = receiverHours.AddBusinessHours(now, policy.OfferTimeout);
        var handOff = HandOff.Offer(Id, offeredById, target.UserId, target.TeamId, summaryText, reasonText, now, expiresAt, keeps);
        _handOffs.Add(handOff);
        Append(CaseEventKind.HandOffOffered, now, offeredById, $"{summaryText}\n\n{reasonText}").About(target.UserId, target.TeamId, handOff.Id);
        return handOff;
    }

    /// <summary>
    /// The receiver accepts, having seen the summary, the timeline and the promises that come with the case; they become
    /// the owner, in their team, and the keeper of the offerer's open promises except those the offerer said they keep.
    /// A manager's promise to call stays with the named manager (principle 8).
    /// </summary>
    public void AcceptHandOff(Guid handOffId, Guid acceptorId, Guid? acceptorTeamId, DateTimeOffset now)
    {
        var handOff = AnswerableHandOff(handOffId, acceptorId, acceptorTeamId, now);
        handOff.Answer(HandOffState.Accepted, acceptorId, now);
        HandOffCount++;
        SetOwner(acceptorId);
        TeamId = handOff.ToTeamId ?? acceptorTeamId ?? TeamId;
        Append(CaseEventKind.HandOffAccepted, now, acceptorId).About(acceptorId, TeamId, handOff.Id);
        foreach (var commitment in PromisesComingWith(handOff).ToList())
        {
            commitment.PassTo(acceptorId, acceptorTeamId ?? commitment.TeamId);
            Append(CaseEventKind.CommitmentHandedOff, now, acceptorId, commitment.What).AboutCommitment(commitment);
        }
    }

    /// <summary>
    /// The open promises that go to whoever accepts this offer: the offerer's (or their stand-in's, while they are away),
    /// except those the offerer keeps and the manager's promise to call.
    /// </summary>
    public IEnumerable<Commitment> PromisesComingWith(HandOff handOff) =>
        _commitments.Where(c => c.IsOpen
            && (c.KeeperId == handOff.OfferedById || c.CoveringForId == handOff.OfferedById)
            && c.Kind != CommitmentKind.ManagerContact
            && !handOff.OffererKeeps.Contains(c.Id));

    /// <summary>The receiver declines with a reason; the owner stays the owner.</summary>
    public void DeclineHandOff(Guid handOffId, Guid declinerId, Guid? declinerTeamId, string reason, DateTimeOffset now)
    {
        var reasonText = Text.Required(reason, "Reason", HandOff.ReasonMaxLength);
        var handOff = AnswerableHandOff(handOffId, declinerId, declinerTeamId, now);
        handOff.Answer(HandOffState.Declined, declinerId, now, reasonText);
        DeclineCount++;
        Append(CaseEventKind.HandOffDeclined, now, declinerId, reasonText).About(OwnerId, null, handOff.Id);
    }

    /// <summary>Offers nobody answered in time go back to the offerer and count as declined. Returns those that lapsed now, so that their offerers can be told.</summary>
    public IReadOnlyList<HandOff> ExpireHandOffs(DateTimeOffset now)
    {
        var expired = _handOffs.Where(h => h.IsExpiredAt(now)).ToList();
        foreach (var handOff in expired)
        {
            handOff.Answer(HandOffState.Expired, null, now);
            DeclineCount++;
            Append(CaseEventKind.HandOffExpired, now, null).About(handOff.OfferedById, null, handOff.Id);
        }

        return expired;
    }

    /// <summary>Whether the case has bounced enough to go to a team lead, and why; null when it has not.</summary>
    public EscalationCause? EscalationDue(CasePolicy policy) =>
        !EscalatedForHandOffs && HandOffCount >= policy.EscalateAfterHandOffs ? EscalationCause.HandOffs
        : !EscalatedForDeclines && DeclineCount >= policy.EscalateAfterDeclines ? EscalationCause.Declines
        : null;

    /// <summary>The named team lead takes the case. A pending offer is withdrawn by this: the team lead decides now.</summary>
    public void Escalate(EscalationCause cause, Guid teamLeadId, Guid? teamLeadTeamId, DateTimeOffset now)
    {
        if (cause == EscalationCause.HandOffs)
            EscalatedForHandOffs = true;
        else
            EscalatedForDeclines = true;
        EscalationCount++;
        if (PendingHandOff is { } pending)
            pending.Answer(HandOffState.Expired, null, now);
        SetOwner(teamLeadId);
        TeamId = teamLeadTeamId ?? TeamId;
        var (reason, count) = cause == EscalationCause.HandOffs
            ? (CaseEventReason.HandOffs, HandOffCount)
            : (CaseEventReason.Declines, DeclineCount);
        Append(CaseEventKind.Escalated, now, null).Because(reason, count).About(teamLeadId, TeamId);
    }

    /// <summary>A team lead gives the case to someone else, with a written reason that is logged.</summary>
    public void Reassign(Guid teamLeadId, Guid newOwnerId, Guid? newOwnerTeamId, string reason, DateTimeOffset now)
    {
        var reasonText = Text.Required(reason, "Reason", HandOff.ReasonMaxLength);
        if (newOwnerId == OwnerId)
            throw new DomainRuleException("That person already owns the case.", "OwnerId");
        SetOwner(newOwnerId);
        TeamId = newOwnerTeamId ?? TeamId;
        Append(CaseEventKind.Reassigned, now, teamLeadId, reasonText).About(newOwnerId, TeamId);
    }

    /// <summary>
    /// Corrects the case's subject, type, priority or team, with a written reason: one timeline entry lists each change
    /// from what to what. Whether the type and the team exist is the caller's to know. An edit that changes nothing is refused.
    /// </summary>
    /// <remarks>
    /// The owner stays. Ownership moves only when someone accepts a hand-off, a team lead reassigns or the case escalates
    /// (principles 1 and 2), each of which also moves the team to the new owner's; an edit never does, or it would be a
    /// transfer nobody accepted. The team is the one that answers for the case (its lead may reassign it, and it escalates
    /// there), and it need not be the owner's: a case may be registered for another team than its registrar's. So a
    /// corrected team leaves the owner where they are; giving the case to people of another team is a hand-off. A case
    /// keeps a team once it has one, as escalation needs a lead to go to.
    /// </remarks>
    public void Edit(Guid actorId, CaseEdit edit, string reason, DateTimeOffset now)
    {
        var reasonText = Text.Required(reason, "Reason", HandOff.ReasonMaxLength);
        var subject = Text.Required(edit.Subject, "Subject", SubjectMaxLength);
        if (!Enum.IsDefined(edit.Priority))
            throw new DomainRuleException("Choose a priority: low, normal, high or urgent.", "Priority");
        if (TeamId is not null && edit.TeamId is null)
            throw new DomainRuleException("A case keeps its team once it has one: choose the team that answers for it.", "TeamId");

        var changes = new List<CaseChange>();
        if (!string.Equals(subject, Subject, StringComparison.Ordinal))
            changes.Add(CaseChange.Of(CaseField.Subject, Subject, subject));
        if (edit.CaseTypeId != CaseTypeId)
            changes.Add(CaseChange.Of(CaseField.CaseType, CaseTypeId.ToString(), edit.CaseTypeId.ToString()));
        if (edit.Priority != Priority)
            changes.Add(CaseChange.Of(CaseField.Priority, Priority.ToString(), edit.Priority.ToString()));
        if (edit.TeamId != TeamId)
            changes.Add(CaseChange.Of(CaseField.Team, TeamId?.ToString(), edit.TeamId?.ToString()));
        if (changes.Count == 0)
            throw new DomainRuleException("Nothing to change: the case already has these details.");

        Subject = subject;
        CaseTypeId = edit.CaseTypeId;
        Priority = edit.Priority;
        TeamId = edit.TeamId;
        Append(CaseEventKind.Edited, now, actorId, reasonText).Changing(changes);
    }

    /// <summary>
    /// A callback kept on this case while it waited in a queue was taken by an agent: from now they own the case and keep
    /// its callback promise (principle 1: the one who takes the contact owns it). Whoever held it while it waited (the
    /// team lead) is no longer answerable for it.
    /// </summary>
    public void TakeFromQueue(Guid agentId, Guid? agentTeamId, DateTimeOffset now)
    {
        if (IsResolved)
            throw new ConflictException("Case {0} is resolved. Open a new case for the customer's new contact.", Number);
        if (agentId == OwnerId)
            return;
        var holder = OwnerId;
        SetOwner(agentId);
        TeamId = agentTeamId ?? TeamId;
        foreach (var callback in _commitments.Where(c => c.IsOpen && c.KeeperId == holder && c.Kind == CommitmentKind.CallBack))
            callback.PassTo(agentId, agentTeamId ?? callback.TeamId);
        Append(CaseEventKind.Reassigned, now, null).Because(CaseEventReason.TakenFromQueue).About(agentId, TeamId);
    }

    /// <summary>The owner proposes a resolution in words the customer will read; the customer then has the window to object.</summary>
    public void ProposeResolution(Guid actorId, string publicText, TimeSpan objectionWindow, DateTimeOffset now)
    {
        var text = Text.Required(publicText, "Text", ResolutionMaxLength);
        if (actorId != OwnerId)
            throw new ForbiddenException("Only the owner of case {0} can propose its resolution.", Number);
        if (Status != CaseStatus.Open)
            throw new ConflictException("Case {0} must be open to propose a resolution.", Number);
        if (PendingHandOff is not null)
            throw new ConflictException("Case {0} has an offer waiting for an answer; wait for it before proposing a resolution.", Number);
        Status = CaseStatus.ProposedSolved;
        ProposedResolution = text;
        ObjectionDeadline = now + objectionWindow;
        FirstResponseAt ??= now;
        Append(CaseEventKind.ResolutionProposed, now, actorId, text, isPublic: true);
    }

    /// <summary>The customer says "yes, it is solved", on their own page.</summary>
    public void ConfirmResolution(string? comment, DateTimeOffset now)
    {
        var text = Text.Optional(comment, "Comment", CommentMaxLength);
        RequireProposed();
        Resolve(now);
        Append(CaseEventKind.ResolutionConfirmed, now, null, text, isPublic: true);
    }

    /// <summary>The customer says "no, it is not solved", on their own page: the case reopens with the same owner and a reopen is counted.</summary>
    public void ObjectToResolution(string? comment, DateTimeOffset now)
    {
        var text = Text.Optional(comment, "Comment", CommentMaxLength);
        RequireProposed();
        Append(CaseEventKind.ResolutionObjected, now, null, text, isPublic: true);
        Reopen(null, now, CaseEventReason.NotSolved);
    }

    /// <summary>
    /// A member of staff records the customer's answer as the customer gave it to them (on the phone, at the counter):
    /// with them as the one who recorded it and the door it came through, never as the customer's own answer on their
    /// page. The comment is public: the customer reads it.
    /// </summary>
    public void RecordCustomerAnswer(Guid staffId, bool solved, Door door, string? comment, DateTimeOffset now)
    {
        var text = Text.Optional(comment, "Comment", CommentMaxLength);
        RequireProposed();
        if (solved)
        {
            Resolve(now);
            Append(CaseEventKind.CustomerConfirmationRecorded, now, staffId, text, isPublic: true).WithContact(door, ContactDirection.Inbound);
        }
        else
        {
            Append(CaseEventKind.CustomerObjectionRecorded, now, staffId, text, isPublic: true).WithContact(door, ContactDirection.Inbound);
            Reopen(staffId, now, CaseEventReason.NotSolved);
        }
    }

    /// <summary>Silence through the whole window resolves the case, recorded as such. Returns whether it did.</summary>
    public bool ResolveBySilenceIfDue(DateTimeOffset now)
    {
        if (Status != CaseStatus.ProposedSolved || ObjectionDeadline is not { } deadline || now < deadline)
            return false;
        Status = CaseStatus.ResolvedBySilence;
        ResolvedAt = deadline;
        ObjectionDeadline = null;
        Append(CaseEventKind.ResolvedBySilence, now, null, isPublic: true);
        return true;
    }

    /// <summary>Links this (later) case to an earlier one about the same problem.</summary>
    public void LinkAsSameProblem(Case earlier, Guid actorId, DateTimeOffset now)
    {
        if (earlier.Id == Id)
            throw new DomainRuleException("A case cannot be linked to itself.", "OtherCase");
        if (SameProblemAsCaseId is not null)
            throw new ConflictException("Case {0} is already linked to another case about the same problem.", Number);
        SameProblemAsCaseId = earlier.Id;
        Append(CaseEventKind.LinkedAsSameProblem, now, actorId, earlier.Number).About(null, null, null, earlier.Id);
        earlier.RepeatContactCount++;
        earlier.Append(CaseEventKind.LinkedAsSameProblem, now, actorId, Number).About(null, null, null, Id);
    }

    /// <summary>
    /// Logs a use of the mandate (principle 4) for staff: what was given and how much, or, when it was above the user's
    /// mandate, whom it was asked of (<paramref name="askedId"/>). The customer reads the promise that goes with it, not this.
    /// </summary>
    public void RecordMandateUse(Guid actorId, string text, Guid? askedId, DateTimeOffset now)
    {
        var entry = Text.Required(text, "What", CaseEvent.TextMaxLength);
        if (IsResolved)
            throw new ConflictException("Case {0} is resolved. Reopen it with a contact about the same problem first.", Number);
        Append(CaseEventKind.MandateUsed, now, actorId, entry).About(askedId);
    }

    /// <summary>A promise to the customer (principle 6), kept by a named person by a deadline. The customer sees it on their page.</summary>
    public Commitment MakeCommitment(
        Guid? madeById, CommitmentKind kind, string? what, Guid keeperId, Guid? keeperTeamId, DateTimeOffset deadline, Door? channel, DateTimeOffset now)
    {
        var commitment = Commitment.Make(Id, kind, what, madeById, keeperId, keeperTeamId, deadline, channel, now);
        _commitments.Add(commitment);
        Append(CaseEventKind.CommitmentMade, now, madeById, commitment.What, isPublic: true).AboutCommitment(commitment);
        return commitment;
    }

    /// <summary>
    /// The customer asks for the responsible manager (principle 8): a promise kept by that named manager.
    /// While one such request is open, asking again returns it instead of making another.
    /// </summary>
    public (Commitment Request, bool IsNew) RequestManager(Guid managerId, Guid? managerTeamId, string? what, Guid? recordedById, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (OpenCommitment(CommitmentKind.ManagerContact) is { } open)
            return (open, false);
        var request = Commitment.Make(Id, CommitmentKind.ManagerContact, what, recordedById, managerId, managerTeamId, deadline, null, now);
        _commitments.Add(request);
        Append(CaseEventKind.ManagerRequested, now, recordedById, request.What, isPublic: true).AboutCommitment(request);
        return (request, true);
    }

    /// <summary>
    /// "Yes, you may contact me": a promise kept by the owner, counted on the case's team, so that consent can never
    /// again be followed by silence without a broken promise being counted. Saying yes twice keeps the first promise.
    /// </summary>
    public (Commitment FollowUp, bool IsNew) GiveConsent(Guid? recordedById, DateTimeOffset deadline, DateTimeOffset now)
    {
        if (OpenCommitment(CommitmentKind.FollowUpAfterConsent) is { } open)
            return (open, false);
        var followUp = Commitment.Make(Id, CommitmentKind.FollowUpAfterConsent, null, recordedById, OwnerId, TeamId, deadline, null, now);
        _commitments.Add(followUp);
        Append(CaseEventKind.ConsentGiven, now, recordedById, followUp.What, isPublic: true).AboutCommitment(followUp);
        return (followUp, true);
    }

    /// <summary>
    /// Marks a promise kept, saying how (for staff; the customer reads only that it was kept). The keeper keeps their own
    /// promises; someone else only with <paramref name="mayKeepForOthers"/> (team leads and managers). Kept after the
    /// deadline, it stays broken and is recorded as kept late.
    /// </summary>
    public Commitment KeepCommitment(Guid commitmentId, Guid actorId, bool mayKeepForOthers, string how, DateTimeOffset now)
    {
        var text = Text.Required(how, "How", CaseEvent.TextMaxLength);
        var commitment = CommitmentById(commitmentId);
        if (actorId != commitment.KeeperId && !mayKeepForOthers)
            throw new ForbiddenException("Only the person who must keep this promise, or a team lead or manager, can mark it kept.");
        commitment.Keep(actorId, text, now);
        // The customer reads the promise kept in the words they were given. How it was kept is for staff: it is often a
        // contact's summary, which may say what the customer must never read (a credit score, a colleague's note).
        Append(commitment.KeptLate ? CaseEventKind.CommitmentKeptLate : CaseEventKind.CommitmentKept, now, actorId, commitment.What, isPublic: true)
            .AboutCommitment(commitment);
        return commitment;
    }

    /// <summary>Takes a promise back, with a reason the customer is told on their page.</summary>
    public Commitment WithdrawCommitment(Guid commitmentId, Guid actorId, bool mayKeepForOthers, string reason, DateTimeOffset now)
    {
        var text = Text.Required(reason, "Reason", Commitment.ReasonMaxLength);
        var commitment = CommitmentById(commitmentId);
        if (actorId != commitment.KeeperId && !mayKeepForOthers)
            throw new ForbiddenException("Only the person who must keep this promise, or a team lead or manager, can withdraw it.");
        commitment.Withdraw(text, now);
        Append(CaseEventKind.CommitmentWithdrawn, now, actorId, text, isPublic: true).AboutCommitment(commitment);
        return commitment;
    }

    /// <summary>
    /// The customer answered the callback a person placed: the case's open callback promises are kept, by that person.
    /// Returns those kept now.
    /// </summary>
    public IReadOnlyList<Commitment> CalledBack(Guid agentId, string how, DateTimeOffset now) =>
        _commitments.Where(c => c.IsOpen && c.Kind == CommitmentKind.CallBack).ToList()
            .Select(c => KeepCommitment(c.Id, agentId, mayKeepForOthers: true, how, now)).ToList();

    /// <summary>
    /// The customer answered none of the callbacks placed (the first and its one retry): the case's open callback
    /// promises are broken now, not at their deadline, so that their keeper sees it while there is time to act, and the
    /// customer is told the truth on their page. Returns those broken now.
    /// </summary>
    public IReadOnlyList<Commitment> CallbackMissed(DateTimeOffset now)
    {
        var missed = _commitments.Where(c => c.IsOpen && c.Kind == CommitmentKind.CallBack).ToList();
        foreach (var commitment in missed)
        {
            commitment.BreakNow(now);
            Append(CaseEventKind.CommitmentBroken, now, null, commitment.What, isPublic: true).AboutCommitment(commitment);
        }

        return missed;
    }

    /// <summary>Open promises whose deadline has passed become broken, once. Returns those that broke now.</summary>
    public IReadOnlyList<Commitment> BreakDueCommitments(DateTimeOffset now)
    {
        var due = _commitments.Where(c => c.IsDueToBreakAt(now)).ToList();
        foreach (var commitment in due)
        {
            commitment.Break();
            Append(CaseEventKind.CommitmentBroken, now, null, commitment.What, isPublic: true).AboutCommitment(commitment);
        }

        return due;
    }

    /// <summary>
    /// Someone is away (principle 12): their named stand-in takes what they hold on this case (ownership of an
    /// unresolved case, an offer addressed to them, their open promises), each with a timeline entry. Returns whether anything moved.
    /// </summary>
    public bool CoverFor(Guid awayId, Guid standInId, DateTimeOffset now)
    {
        var moved = false;
        if (OwnerId == awayId && !IsResolved)
        {
            OwnerId = standInId;
            CoveringForId = awayId;
            Append(CaseEventKind.CoverStarted, now, null, isPublic: true).Covering(awayId, standInId);
            moved = true;
        }

        if (PendingHandOff is { ToUserId: { } to } offer && to == awayId)
        {
            offer.Readdress(standInId);
            Append(CaseEventKind.CoverStarted, now, null).Covering(awayId, standInId, handOffId: offer.Id);
            moved = true;
        }

        foreach (var commitment in _commitments.Where(c => c.IsOpen && c.KeeperId == awayId))
        {
            commitment.HandTo(standInId, awayId);
            Append(CaseEventKind.CoverStarted, now, null, commitment.What).Covering(awayId, standInId, commitmentId: commitment.Id);
            moved = true;
        }

        return moved;
    }

    /// <summary>
    /// Back from being away: the person takes back what they choose of what their stand-in still holds for them.
    /// Something that has moved on since (handed off, kept) stays where it is. Returns whether anything moved back.
    /// </summary>
    public bool EndCover(Guid returnerId, bool takeBackOwnership, IReadOnlySet<Guid> takeBackCommitments, DateTimeOffset now)
    {
        var moved = false;
        if (takeBackOwnership && CoveringForId == returnerId)
        {
            var standIn = OwnerId;
            OwnerId = returnerId;
            CoveringForId = null;
            Append(CaseEventKind.CoverEnded, now, returnerId, isPublic: true).Covering(returnerId, standIn);
            moved = true;
        }

        foreach (var commitment in _commitments.Where(c => c.IsOpen && c.CoveringForId == returnerId && takeBackCommitments.Contains(c.Id)))
        {
            var standIn = commitment.KeeperId;
            commitment.HandBack();
            Append(CaseEventKind.CoverEnded, now, returnerId, commitment.What).Covering(returnerId, standIn, commitmentId: commitment.Id);
            moved = true;
        }

        return moved;
    }

    private Commitment? OpenCommitment(CommitmentKind kind) => _commitments.FirstOrDefault(c => c.IsOpen && c.Kind == kind);

    private Commitment CommitmentById(Guid commitmentId) =>
        _commitments.FirstOrDefault(c => c.Id == commitmentId)
        ?? throw new DomainRuleException("That promise does not belong to this case.", "CommitmentId");

    private void SetOwner(Guid ownerId)
    {
        OwnerId = ownerId;
        CoveringForId = null;
    }

    private void Reopen(Guid? actorId, DateTimeOffset now, CaseEventReason why)
    {
        Status = CaseStatus.Open;
        ReopenCount++;
        ResolvedAt = null;
        ObjectionDeadline = null;
        ProposedResolution = null;
        Append(CaseEventKind.Reopened, now, actorId, isPublic: true).Because(why);
    }

    private HandOff AnswerableHandOff(Guid handOffId, Guid answererId, Guid? answererTeamId, DateTimeOffset now)
    {
        var handOff = _handOffs.FirstOrDefault(h => h.Id == handOffId)
            ?? throw new DomainRuleException("That offer does not belong to this case.", "HandOffId");
        if (handOff.State == HandOffState.Accepted)
            throw new ConflictException("The offer has already been accepted.");
        if (handOff.State == HandOffState.Declined)
            throw new ConflictException("The offer has already been declined.");
        if (handOff.State == HandOffState.Expired || handOff.IsExpiredAt(now))
            throw new ConflictException("The offer has expired and gone back to the owner.");
        if (!handOff.IsAddressedTo(answererId, answererTeamId))
            throw new ForbiddenException("The offer is addressed to someone else.");
        return handOff;
    }

    private void Resolve(DateTimeOffset now)
    {
        Status = CaseStatus.Resolved;
        ResolvedAt = now;
        ObjectionDeadline = null;
    }

    private void RequireProposed()
    {
        if (Status != CaseStatus.ProposedSolved)
            throw new ConflictException("No resolution is waiting for your answer on this case.");
    }

    private CaseEvent Append(CaseEventKind kind, DateTimeOffset now, Guid? actorId, string? text = null, bool isPublic = false)
    {
        var entry = CaseEvent.Of(Id, kind, now, actorId, text, isPublic);
        _timeline.Add(entry);
        UpdatedAt = now;
        Version++;
        return entry;
    }
}

public enum EscalationCause
{
    HandOffs,
    Declines,
}

/// <summary>A person or a team to hand a case to: exactly one of the two.</summary>
public sealed record HandOffTarget
{
    private HandOffTarget(Guid? userId, Guid? teamId)
    {
        UserId = userId;
        TeamId = teamId;
    }

    public Guid? UserId { get; }

    public Guid? TeamId { get; }

    public static HandOffTarget Person(Guid userId) => new(userId, null);

    public static HandOffTarget Team(Guid teamId) => new(null, teamId);
}

/// <summary>The case's details an edit may change, as they should be now.</summary>
public sealed record CaseEdit(string? Subject, Guid CaseTypeId, CasePriority Priority, Guid? TeamId);

/// <summary>What registering a case needs; the number and the customer token come from the application.</summary>
public sealed record CaseRegistration(
    string Number,
    Guid CustomerId,
    Guid CaseTypeId,
    string Subject,
    string? Description,
    CasePriority Priority,
    Door Door,
    Guid RegisteredById,
    Guid? TeamId,
    string CustomerToken);
