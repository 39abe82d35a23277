using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Moment.Web.Realtime;

/// <summary>
/// An interactive part of a page that refreshes when its person is told something: the page's live connection
/// (<c>live.js</c>) hears their news, from whichever instance sent it, and calls <see cref="RefreshAsync"/>. It counts as
/// live (<see cref="Live"/>) once it has registered.
/// </summary>
public abstract class LiveIsland : ComponentBase, IAsyncDisposable
{
    private DotNetObjectReference<LiveIsland>? _listener;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    protected bool Live { get; private set; }

    /// <summary>Loads what the part shows, in a scope of its own (the circuit lives long; the page's DbContext may be busy).</summary>
    protected abstract Task LoadAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _listener = DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("momentLive.listen", _listener);
            Live = true;
            StateHasChanged();
        }
    }

    [JSInvokable]
    public async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is null)
            return;
        try
        {
            await JS.InvokeVoidAsync("momentLive.forget", _listener);
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone: nothing there to forget.
        }

        _listener.Dispose();
        GC.SuppressFinalize(this);
    }
}
