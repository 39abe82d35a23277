namespace Moment.Domain.Customers;

/// <summary>The language a customer is answered in: Moment writes to customers in Swedish or English.</summary>
public enum CustomerLanguage
{
    Swedish,
    English,
}
