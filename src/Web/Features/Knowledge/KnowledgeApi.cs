using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moment.Application.Knowledge;
using Moment.Application.Staff;
using Moment.Domain.Knowledge;
using Moment.Web.Security;

namespace Moment.Web.Features.Knowledge;

/// <summary>An article as written: Markdown, language, visibility, owner (default: the writer), review date, the original it translates.</summary>
public sealed record ArticleBody(string? Title, string? Body, ArticleLanguage? Language, ArticleVisibility? Visibility, Guid? OwnerId,
    DateOnly? ReviewBy, Guid? OriginalId, int? ExpectedVersion);

/// <summary>Knowledge articles for staff: everyone reads and searches, those who serve customers write (rules in <see cref="KnowledgeRules"/>).</summary>
internal static class KnowledgeApi
{
    public static RouteGroupBuilder MapKnowledgeApi(this RouteGroupBuilder api)
    {
        var knowledge = api.MapGroup("/knowledge").WithTags("Knowledge");
        knowledge.MapGet("/", async (ArticleLanguage? language, bool? overdueReviews, ClaimsPrincipal user, ListArticles list, CancellationToken ct) =>
                TypedResults.Ok(await list.HandleAsync(new ArticleFilter(language, ReviewOverdueFor: overdueReviews == true ? user.StaffId() : null), ct)))
            .WithSummary("The articles by title; with overdueReviews=true the caller's own articles whose review date has passed, oldest first.");
        knowledge.MapGet("/search", async (string? q, ArticleLanguage? language, SearchArticles search, CancellationToken ct) =>
                TypedResults.Ok(await search.HandleAsync(new SearchArticlesRequest(q, language), ct)))
            .WithSummary("Searches internal and public articles: stemming, Swedish compound words, typos in short queries; snippets mark the matches.");
        knowledge.MapGet("/suggestions", async (string? text, ArticleLanguage? language, bool? publicOnly, SuggestArticles suggest, CancellationToken ct) =>
                TypedResults.Ok(await suggest.HandleAsync(text, language ?? ArticleLanguage.Swedish, publicOnly == true, ct)))
            .WithSummary("The few articles that best answer a case's or a chat's text, in its language (publicOnly for what a customer may read).");
        knowledge.MapGet("/{id:guid}", async (Guid id, GetArticle get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, cancellationToken: ct)))
            .WithSummary("One article: its Markdown and safe HTML, other languages and versions (who changed what).");
        knowledge.MapPost("/", WriteAsync).RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Writes an article or (with originalId) a translation. Public needs the owner or a team lead, manager or administrator.");
        knowledge.MapPut("/{id:guid}", ReviseAsync).RequireAuthorization(StaffPolicies.CaseWorker)
            .WithSummary("Saves a new version (give expectedVersion to be told of someone else's save); nothing changed, no version.");
        return api;
    }

    private static async Task<Created<ArticleDetails>> WriteAsync(ArticleBody body, ClaimsPrincipal user, StaffCards cards, WriteArticle write,
        GetArticle get, CancellationToken ct)
    {
        var article = await write.HandleAsync(await user.ActorAsync(cards, ct), new WriteArticleRequest(
            body.Language ?? ArticleLanguage.Swedish, body.Title, body.Body, body.Visibility ?? ArticleVisibility.Internal,
            body.ReviewBy ?? default, body.OwnerId, body.OriginalId), ct);
        return TypedResults.Created($"/api/knowledge/{article.Id}", await get.HandleAsync(article.Id, cancellationToken: ct));
    }

    private static async Task<Ok<ArticleDetails>> ReviseAsync(Guid id, ArticleBody body, ClaimsPrincipal user, StaffCards cards, ReviseArticle revise,
        GetArticle get, CancellationToken ct)
    {
        var actor = await user.ActorAsync(cards, ct);
        var current = await get.HandleAsync(id, cancellationToken: ct);
        await revise.HandleAsync(actor, new ReviseArticleRequest(id, body.Title ?? current.Title, body.Body ?? current.Body,
            body.Visibility ?? current.Visibility, body.OwnerId ?? current.OwnerId, body.ReviewBy ?? current.ReviewBy, body.ExpectedVersion), ct);
        return TypedResults.Ok(await get.HandleAsync(id, cancellationToken: ct));
    }
}

/// <summary>The public knowledge for customers and their own apps: public articles only, no sign-in, rate-limited as all of /api/public.</summary>
internal static class PublicKnowledgeApi
{
    public static void MapPublicKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var knowledge = app.MapGroup("/api/public/knowledge").WithTags("Customer").AllowAnonymous();
        knowledge.MapGet("/", async (string? q, ArticleLanguage? language, SearchArticles search, CancellationToken ct) =>
                TypedResults.Ok(await search.HandleAsync(new SearchArticlesRequest(q, language, PublicOnly: true), ct)))
            .WithSummary("Searches the public articles.");
        knowledge.MapGet("/{id:guid}", async (Guid id, GetArticle get, CancellationToken ct) => TypedResults.Ok(await get.HandleAsync(id, publicOnly: true, ct)))
            .WithSummary("One public article (no history); an internal one is 404.");
    }
}
