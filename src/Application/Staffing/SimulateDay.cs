using Moment.Domain;
using Moment.Domain.Staffing;
using Moment.Staffing;
using Moment.Staffing.Simulation;

namespace Moment.Application.Staffing;

/// <summary>One simulated day of one plan, with every figure the simulation gives (for <c>moment staffing simulate</c>).</summary>
public sealed record SimulateDayRequest(StaffingForecast Forecast, StaffingPlan Plan, TimeSpan? AveragePatience, TimeSpan AnswerWithin, ulong Seed);

public sealed class SimulateDay
{
    public SimulationResult Handle(SimulateDayRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Plan.AgentsPerInterval.Count != request.Forecast.Intervals.Count)
        {
            throw new DomainRuleException(
                "The plan has {0} intervals but the forecast has {1}: give one number of agents per interval.",
                "Plan", request.Plan.AgentsPerInterval.Count, request.Forecast.Intervals.Count);
        }
        if (request.AveragePatience is { } patience && patience <= TimeSpan.Zero)
            throw new DomainRuleException("The callers' average patience must be longer than zero.", "Patience");
        if (request.AnswerWithin < TimeSpan.Zero)
            throw new DomainRuleException("The answer-time target cannot be negative.", "Target");

        var scenario = new SimulationScenario
        {
            IntervalLength = request.Forecast.IntervalLength,
            Forecast = request.Forecast.Intervals.Select(i => new IntervalForecast(i.Contacts, i.AverageHandleTime)).ToList(),
            AgentsPerInterval = request.Plan.AgentsPerInterval,
            AveragePatience = request.AveragePatience,
            AnswerWithin = request.AnswerWithin,
            Seed = request.Seed,
        };
        try
        {
            return ContactCentreSimulation.Run(scenario, progress, cancellationToken);
        }
        catch (StaffingInputException input)
        {
            throw StaffingMessages.Refusal(input, null);
        }
    }
}
