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
        builder.Property(c => c.Language).HasConversion<string>().HasMaxLength(16);
        // On PostgreSQL a trigram index (AppDbContext): FindCustomers matches any part of the name, which a B-tree cannot.
        builder.HasIndex(c => c.SearchName);
        // FindCustomers lists the first 50 by name: for a common part ("an") reading in name order finds them at once
        // (on PostgreSQL with the lower-cased name in the index, so that no row is read to test it: AppDbContext).
        builder.HasIndex(c => c.Name);
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

internal sealed class CustomerChangeConfiguration : IEntityTypeConfiguration<CustomerChange>
{
    public void Configure(EntityTypeBuilder<CustomerChange> builder)
    {
        builder.ToTable("CustomerChanges");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.From).HasMaxLength(CustomerChange.ValueMaxLength);
        builder.Property(c => c.To).HasMaxLength(CustomerChange.ValueMaxLength);
        // A merged customer's history goes with them: the kept customer's Merged entry names them.
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.ById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CustomerId, c.At });
    }
}
