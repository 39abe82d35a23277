using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Moment.Application.Data;

/// <summary>
/// ASP.NET Core's data protection key ring, in the database every instance shares: a sign-in cookie, an antiforgery token
/// or a one-time notice made by one instance is read by any other, and survives a redeploy of them all. The keys are XML
/// documents ASP.NET Core writes and rotates itself (a new one every 90 days); Moment never reads them.
/// </summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("DataProtectionKeys");
}
