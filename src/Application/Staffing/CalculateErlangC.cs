using Moment.Domain;
using Moment.Staffing;

namespace Moment.Application.Staffing;

/// <summary>
/// Erlang C for one interval (nobody hangs up): the fewest agents meeting the targets, then shrinkage; or what given
/// agents achieve. Fewer agents than Erlangs is refused as unstable: the queue would grow without bound.
/// </summary>
public sealed class CalculateErlangC
{
    public ErlangAnswer Handle(ErlangRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workload = request.Workload();
        var targets = request.Targets();
        if (request.MaxAbandonment is not null)
            throw new DomainRuleException("A maximum abandonment needs the callers' patience: Erlang C assumes nobody hangs up, so use Erlang A.", "MaxAbandonment");
        if (request.AveragePatience is not null)
            throw new DomainRuleException("Erlang C assumes nobody hangs up: for the callers' patience use Erlang A.", "Patience");
        try
        {
            if (request.Agents is { } agents)
                return ErlangAnswer.Evaluated(ErlangC.Evaluate(workload, agents, request.AnswerWithin), request, targets);
            if (!request.HasTargets)
                throw new DomainRuleException("Give the number of agents, or at least one target (service level, maximum occupancy, maximum average speed of answer).", "Target");
            var requirement = RequiredAgents.Find(workload, targets, request.Shrinkage);
            // The search reports the service level at the target's answer time; report it at the one asked about.
            var metrics = requirement.RawAgents == 0
                ? requirement.AtRawAgents with { AnswerWithin = request.AnswerWithin }
                : ErlangC.Evaluate(workload, requirement.RawAgents, request.AnswerWithin);
            return ErlangAnswer.Found(requirement, metrics);
        }
        catch (UnstableQueueException unstable)
        {
            throw StaffingMessages.Refusal(unstable, "Agents");
        }
        catch (StaffingInputException input)
        {
            throw StaffingMessages.Refusal(input, null);
        }
    }
}
