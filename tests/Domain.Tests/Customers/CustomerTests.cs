using Moment.Domain.Customers;

namespace Moment.Domain.Tests.Customers;

public sealed class CustomerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_WithOnlyAName_IsAValidCustomer()
    {
        var customer = Customer.Register("Margit Andersson", Now);

        Assert.Empty(customer.PhoneNumbers);
        Assert.Empty(customer.EmailAddresses);
        Assert.Null(customer.PostalAddress);
        Assert.Equal(Now, customer.CreatedAt);
    }

    [Fact]
    public void AddPhoneNumber_Twice_KeepsOne()
    {
        var customer = Customer.Register("Margit Andersson", Now);

        customer.AddPhoneNumber(new CustomerPhoneNumber("+4681234567"));
        customer.AddPhoneNumber(new CustomerPhoneNumber("+4681234567"));

        Assert.Single(customer.PhoneNumbers);
    }

    [Fact]
    public void AddPhoneNumber_TheTwentyFirst_IsRefused()
    {
        var customer = Customer.Register("Nordbygg AB", Now);
        foreach (var n in Enumerable.Range(0, Customer.MaxPhoneNumbers))
            customer.AddPhoneNumber(new CustomerPhoneNumber($"+46812345{n:00}"));

        var error = Assert.Throws<DomainRuleException>(() => customer.AddPhoneNumber(new CustomerPhoneNumber("+4687654321")));

        Assert.Equal("PhoneNumbers", error.Field);
        Assert.Equal(20, customer.PhoneNumbers.Count);
    }

    [Fact]
    public void AddEmailAddress_TheTwentyFirst_IsRefused()
    {
        var customer = Customer.Register("Nordbygg AB", Now);
        foreach (var n in Enumerable.Range(0, Customer.MaxEmailAddresses))
            customer.AddEmailAddress(new CustomerEmailAddress($"staff{n}@nordbygg.se"));

        var error = Assert.Throws<DomainRuleException>(() => customer.AddEmailAddress(new CustomerEmailAddress("one.more@nordbygg.se")));

        Assert.Equal("EmailAddresses", error.Field);
        Assert.Equal(20, customer.EmailAddresses.Count);
    }

    [Theory]
    [InlineData("08-123 45 67")]
    [InlineData("+46 8 123")]
    [InlineData("+")]
    [InlineData("+46812345678901234")]
    public void PhoneNumber_NotInE164_IsRefused(string number) =>
        Assert.Throws<DomainRuleException>(() => new CustomerPhoneNumber(number));

    [Fact]
    public void EmailAddress_IsStoredLowerCase()
    {
        var address = new CustomerEmailAddress(" Jonas.Persson@Example.SE ");

        Assert.Equal("jonas.persson@example.se", address.Address);
        Assert.Equal(new CustomerEmailAddress("jonas.persson@example.se"), address);
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("@example.se")]
    [InlineData("jonas@")]
    [InlineData("jonas persson@example.se")]
    public void EmailAddress_Malformed_IsRefused(string address) =>
        Assert.Throws<DomainRuleException>(() => new CustomerEmailAddress(address));
}
