namespace Moment.Domain.Cases;

/// <summary>Where a contact happened. Every door can open every case type (PRODUCT.md principle 3).</summary>
public enum Door
{
    Phone,
    Chat,
    Email,
    Shop,
    Onboard,
    Letter,
    Web,
    Field,
}

/// <summary>Who started the contact: the customer (inbound) or us (outbound).</summary>
public enum ContactDirection
{
    Inbound,
    Outbound,
}
