namespace Moment.Web.Localization;

/// <summary>
/// The one resource set for the app's texts. Keys are the English texts themselves, so English needs no resource
/// file and a missing Swedish translation shows English rather than a key; <c>Resources/Localization/SharedResource.sv.resx</c> holds Swedish.
/// </summary>
public sealed class SharedResource;
