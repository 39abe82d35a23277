using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Moment.Application.Staff;
using Moment.Domain.Customers;

namespace Moment.Application.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.PostalAddress).HasMaxLength(Customer.PostalAddressMaxLength);
        builder.Property(c => c.SearchName).HasMaxLength(Customer.NameMaxLength);
        builder.HasIndex(c => c.SearchName);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.RegularContactId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(c => c.PhoneNumbers, phone =>
        {
            phone.ToTable("CustomerPhoneNumbers");
            phone.WithOwner().HasForeignKey("CustomerId");
            phone.Property<int>("Id");
            phone.HasKey("Id");
            phone.Property(p => p.E164).HasMaxLength(CustomerPhoneNumber.MaxLength);
            phone.HasIndex(p => p.E164);
        });
        builder.OwnsMany(c => c.EmailAddresses, email =>
        {
            email.ToTable("CustomerEmailAddresses");
            email.WithOwner().HasForeignKey("CustomerId");
            email.Property<int>("Id");
            email.HasKey("Id");
            email.Property(e => e.Address).HasMaxLength(CustomerEmailAddress.MaxLength);
            email.HasIndex(e => e.Address);
        });
    }
}
