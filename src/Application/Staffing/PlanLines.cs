using System.Globalization;
using Moment.Domain;
using Moment.Domain.Staffing;

namespace Moment.Application.Staffing;

/// <summary>
/// The plans to compare as typed on the what-if page, one plan a line: <c>80</c> (80 agents all day),
/// <c>Winter budget: 40</c> (a named plan), or one number per forecast interval (<c>Late shift: 20 30 40 …</c>).
/// </summary>
public static class PlanLines
{
    public const int MaxPlans = CompareStaffingPlans.MaxPlans;

    public static IReadOnlyList<StaffingPlan> Parse(string? text, int intervals, string field = "Plans")
    {
        var plans = new List<StaffingPlan>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            string? name = null;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                name = line[..colon].Trim();
                line = line[(colon + 1)..].Trim();
            }

            var numbers = line.Split([' ', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var agents = new List<int>(numbers.Length);
            foreach (var number in numbers)
            {
                if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > StaffingPlan.MaxAgents)
                    throw Error("Line {0}: '{1}' is not a number of agents from 0 to {2}.", field, i, number, StaffingPlan.MaxAgents);
                agents.Add(count);
            }

            if (agents.Count == 1)
                plans.Add(StaffingPlan.Constant(agents[0], intervals, name));
            else if (agents.Count == intervals)
                plans.Add(new StaffingPlan(name, agents));
            else
                throw Error("Line {0}: give one number of agents for the whole day, or one per interval ({1}); this line has {2}.", field, i, intervals, agents.Count);
        }

        if (plans.Count == 0)
            throw new DomainRuleException("Give at least one plan, such as 80.", field);
        if (plans.Count > MaxPlans)
            throw new DomainRuleException("Compare at most {0} plans at a time.", field, MaxPlans);
        return plans;
    }

    /// <summary>The plans as <see cref="Parse"/> reads them.</summary>
    public static string Write(IEnumerable<StaffingPlan> plans) =>
        string.Join('\n', plans.Select(plan =>
        {
            var agents = plan.IsConstant
                ? plan.AgentsPerInterval[0].ToString(CultureInfo.InvariantCulture)
                : string.Join(' ', plan.AgentsPerInterval.Select(a => a.ToString(CultureInfo.InvariantCulture)));
            return plan.Name is null ? agents : $"{plan.Name}: {agents}";
        }));

    /// <summary>A refusal that names the line: <paramref name="format"/> starts with "Line {0}:", the number of the line at <paramref name="index"/>.</summary>
    private static DomainRuleException Error(string format, string field, int index, params object?[] arguments) =>
        new(format, field, [index + 1, .. arguments]);
}
