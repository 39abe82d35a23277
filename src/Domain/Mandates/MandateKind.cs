namespace Moment.Domain.Mandates;

/// <summary>What someone at the front may do for a customer on the spot (principle 4).</summary>
public enum MandateKind
{
    GoodwillCompensation,
    Refund,
    FeeWaiver,
    ReplacementProduct,
    TechnicianVisit,
    FreeForm,
}
