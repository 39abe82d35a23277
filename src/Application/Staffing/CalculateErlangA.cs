using Moment.Domain;
using Moment.Staffing;

namespace Moment.Application.Staffing;

/// <summary>
/// Erlang A for one interval (callers hang up after an exponential patience): what given agents achieve, or the
/// fewest agents meeting the targets (maximum abandonment included), then shrinkage. Every number of agents is stable.
/// </summary>
public sealed class CalculateErlangA
{
    public ErlangAnswer Handle(ErlangRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workload = request.Workload();
        var targets = request.Targets();
        if (request.AveragePatience is not { } patience)
            throw new DomainRuleException("Erlang A needs the callers' average patience.", "Patience");
        if (patience <= TimeSpan.Zero)
            throw new DomainRuleException("The callers' average patience must be longer than zero.", "Patience");
        try
        {
            if (request.Agents is { } agents)
                return ErlangAnswer.Evaluated(ErlangA.Evaluate(workload, agents, patience, request.AnswerWithin), request, targets);
            if (!request.HasTargets)
                throw new DomainRuleException("Give the number of agents, or at least one target (service level, maximum occupancy, maximum abandonment, maximum average speed of answer).", "Target");
            var requirement = RequiredAgents.Find(workload, patience, targets, request.Shrinkage);
            // The search reports the service level at the target's answer time; report it at the one asked about.
            var metrics = requirement.RawAgents == 0
                ? requirement.AtRawAgents with { AnswerWithin = request.AnswerWithin }
                : ErlangA.Evaluate(workload, requirement.RawAgents, patience, request.AnswerWithin);
            return ErlangAnswer.Found(requirement, metrics);
        }
        catch (StaffingInputException input)
        {
            throw StaffingMessages.Refusal(input, null);
        }
    }
}
