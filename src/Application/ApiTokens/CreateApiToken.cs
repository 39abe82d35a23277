using Moment.Application.Data;
using Moment.Application.Staff;
using Moment.Domain;

namespace Moment.Application.ApiTokens;

public sealed record CreateApiTokenRequest(string UserEmail, string Name, DateTimeOffset? ExpiresAt);

/// <summary>The secret is returned here and nowhere else: it is stored only as a hash.</summary>
public sealed record CreatedApiToken(Guid Id, string Name, string Secret, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

public sealed class CreateApiToken(AppDbContext db, StaffCards staff, TimeProvider time)
{
    public async Task<CreatedApiToken> HandleAsync(CreateApiTokenRequest request, CancellationToken cancellationToken = default)
    {
        var name = Text.Required(request.Name, "Name", ApiToken.NameMaxLength);
        var now = time.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
            throw new DomainRuleException("The expiry date must be in the future.", "ExpiresAt");
        var user = await staff.FindByEmailAsync(request.UserEmail, cancellationToken)
            ?? throw new NotFoundException("No member of staff has the email address {0}.", request.UserEmail);
        if (!user.IsActive)
            throw new DomainRuleException("{0} is inactive and cannot have API tokens.", "UserEmail", user.DisplayName);

        var (token, secret) = ApiToken.Issue(user.Id, name, now, request.ExpiresAt?.ToUniversalTime());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(token.Id, token.Name, secret, token.Prefix, token.CreatedAt, token.ExpiresAt);
    }
}
