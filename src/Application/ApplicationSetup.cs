using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moment.Application.Absences;
using Moment.Application.ApiTokens;
using Moment.Application.Caching;
using Moment.Application.Cases;
using Moment.Application.Chat;
using Moment.Application.Commitments;
using Moment.Application.Conversations;
using Moment.Application.Customers;
using Moment.Application.Demo;
using Moment.Application.Email;
using Moment.Application.Feed;
using Moment.Application.Knowledge;
using Moment.Application.KnownIssues;
using Moment.Application.Mandates;
using Moment.Application.Phone;
using Moment.Application.Queues;
using Moment.Application.Staff;
using Moment.Application.Staffing;
using Moment.Application.Teams;
using Moment.Application.Telemetry;
using Moment.Domain.Cases;

namespace Moment.Application;

/// <summary>Registers every use case as itself: callers inject the handler class, so "go to definition" lands on the code that runs.</summary>
public static class ApplicationSetup
{
    public static IServiceCollection AddMomentApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // A host has it already; the command line and the Application tests get it here.
        services.AddMetrics();
        services.AddSingleton<MomentMetrics>();
        services.AddScoped<EnsureStaffRoles>();
        services.AddScoped<ListStaff>();
        services.AddScoped<SaveStaffMember>();
        services.AddScoped<ListTeams>();
        services.AddScoped<SaveTeam>();
        services.AddScoped<CreateApiToken>();
        services.AddScoped<ListApiTokens>();
        services.AddScoped<RevokeApiToken>();
        services.AddScoped<AuthenticateApiToken>();
        services.AddSingleton<ShortLivedCache<string, ValidApiToken>>();
        services.AddSingleton<ShortLivedCache<Guid, StaffCard>>();
        services.AddScoped<StaffCards>();
        services.TryAddSingleton<IOtherInstances, NoOtherInstances>();
        services.AddSingleton<ForgetEverywhere>();
        // Identity registers the same; the command line and the tests have it even where Identity is not set up.
        services.TryAddScoped<ILookupNormalizer, UpperInvariantLookupNormalizer>();
        services.AddScoped<SeedDemoData>();
        services.AddSingleton<CalculateErlangC>();
        services.AddSingleton<CalculateErlangA>();
        services.AddSingleton<CompareStaffingPlans>();
        services.AddSingleton<SimulateDay>();
        services.AddScoped<RecordStaffingDecision>();
        services.AddScoped<ListStaffingDecisions>();

        services.TryAddSingleton<QueueSignal>();
        services.AddScoped<QueueLines>();
        services.AddScoped<QueueSettings>();
        services.AddScoped<QueueToday>();
        services.AddScoped<QueueWall>();
        services.AddScoped<TeamAgents>();
        services.AddScoped<SetPresence>();
        services.AddScoped<EquipAgent>();
        services.AddScoped<RouteContacts>();
        services.AddScoped<AnswerOffer>();
        services.AddScoped<EndContact>();
        services.AddScoped<AgentDesk>();
        services.AddScoped<BotAnswers>();
        services.AddScoped<QueueBot>();
        services.AddScoped<ChatTokens>();
        services.AddScoped<StartChat>();
        services.AddScoped<ReadChat>();
        services.AddScoped<WriteInChat>();
        services.AddScoped<AskForCallback>();
        services.AddScoped<LeaveChat>();
        services.TryAddSingleton<ChatSignal>();
        services.AddScoped<WatchChats>();
        services.TryAddSingleton<PhoneSettings>();
        services.TryAddSingleton<ITelephony, NoTelephony>();
        services.AddScoped<PhoneLines>();
        services.AddScoped<CallLog>();
        services.AddScoped<AnswerCall>();
        services.AddScoped<WaitInLine>();
        services.AddScoped<ChooseInCall>();
        services.AddScoped<EndCall>();
        services.AddScoped<PutCallThrough>();
        services.AddScoped<SetStaffPhone>();

        services.TryAddSingleton(CasePolicy.Default);
        services.TryAddSingleton<FeedSignal>();
        services.AddScoped<CaseEventFeed>();
        services.AddScoped<RunFeedRound>();
        services.AddScoped<WhoIsTold>();
        services.AddScoped<CaseNumbers>();
        services.AddScoped<CaseTypes>();
        services.AddSingleton<ShortLivedCache<Type, IReadOnlyList<CaseTypeChoice>>>();
        services.AddScoped<CaseWork>();
        services.AddScoped<RegisterCase>();
        services.AddScoped<GetCase>();
        services.AddScoped<ListCases>();
        services.AddScoped<ListOffers>();
        services.AddScoped<RecordContact>();
        services.AddScoped<AddCaseNote>();
        services.AddScoped<OfferHandOff>();
        services.AddScoped<AnswerHandOff>();
        services.AddScoped<ProposeResolution>();
        services.AddScoped<ReassignCase>();
        services.AddScoped<LinkCases>();
        services.AddScoped<RecordCustomerAnswer>();
        services.AddScoped<CustomerCase>();
        services.AddScoped<CaseDeadlines>();
        services.AddScoped<PromiseCalendars>();
        services.AddScoped<PromiseWork>();
        services.AddScoped<CommitmentViews>();
        services.AddScoped<MakeCommitment>();
        services.AddScoped<KeepCommitment>();
        services.AddScoped<WithdrawCommitment>();
        services.AddScoped<ListCommitments>();
        services.AddScoped<RequestManager>();
        services.AddScoped<GiveConsent>();
        services.AddScoped<PromiseMeasures>();
        services.AddScoped<RegisterCustomer>();
        services.AddScoped<FindCustomers>();
        services.AddScoped<OpenCaseFromContact>();
        services.AddScoped<StartConversation>();
        services.AddScoped<WriteMessage>();
        services.AddScoped<ReportDelivery>();
        services.AddScoped<CloseConversation>();
        services.AddScoped<ListConversations>();
        services.AddScoped<OpenAttachment>();
        services.AddMomentEmail();

        services.AddScoped<RecordAbsence>();
        services.AddScoped<CurrentAbsence>();
        services.AddScoped<StartDueAbsences>();
        services.AddScoped<EndDueAbsences>();
        services.AddScoped<ListCoveredWork>();
        services.AddScoped<TakeBackCoveredWork>();
        services.AddScoped<CustomerReach>();
        services.AddScoped<AssignRegularContact>();
        services.AddScoped<CoverMoves>();

        services.AddSingleton<KnowledgeIndex>();
        services.AddScoped<WriteArticle>();
        services.AddScoped<ReviseArticle>();
        services.AddScoped<GetArticle>();
        services.AddScoped<ListArticles>();
        services.AddScoped<SearchArticles>();
        services.AddScoped<SuggestArticles>();

        services.AddScoped<KnownIssueViews>();
        services.AddScoped<RegisterKnownIssue>();
        services.AddScoped<ReviseKnownIssue>();
        services.AddScoped<MarkKnownIssueFixed>();
        services.AddScoped<LinkCaseToKnownIssue>();
        services.AddScoped<TellCustomerItIsFixed>();
        services.AddScoped<FailureDemand>();
        services.AddScoped<MandateLimits>();
        services.AddScoped<UseMandate>();
        services.AddScoped<MandateReport>();
        return services;
    }
}
