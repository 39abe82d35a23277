using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.Mandates;

/// <summary>
/// Who may do what with mandates, decided once. Anyone who serves customers uses their own mandate (and asks above it);
/// managers and administrators set the limits per role and the exceptions per person. The report is read by those who
/// oversee, and never names a person.
/// </summary>
public static class MandateRules
{
    public static bool MaySetLimits(Actor actor) => actor.ManagesAll;

    public static void RequireSetLimits(Actor actor)
    {
        if (!MaySetLimits(actor))
            throw new ForbiddenException("Only a manager or an administrator sets mandates.");
    }
}
