// The live connection of a signed-in member of staff (LiveHub): news for them (an offer accepted, a promise broken)
// appears as a polite notice in their own language, and the desk's live parts refresh themselves. The texts come with
// the page (templates in the layout, one per kind of news); this fills in the case number. No inline script anywhere:
// the CSP allows scripts from 'self' only.
(() => {
    const listeners = new Set();
    const shown = 5;
    let connection = null;
    let started = Promise.resolve();

    function notice(news) {
        const region = document.getElementById('live-notices');
        const template = document.querySelector(`template[data-live-kind="${CSS.escape(news.kind)}"]`);
        if (!region || !template) {
            return;
        }
        const [before, after] = template.content.textContent.split('{0}');
        const item = document.createElement('p');
        item.className = 'live-notice';
        const link = document.createElement('a');
        link.href = 'cases/' + encodeURIComponent(news.number);
        link.dir = 'ltr';
        link.textContent = news.number;
        item.append(before ?? '', link, after ?? '');
        region.append(item);
        while (region.children.length > shown) {
            region.firstElementChild.remove();
        }
    }

    // The header's unread count (UnreadBadge): the news is in the list before it is sent, so asking now counts it.
    function count() {
        const badge = document.getElementById('unread');
        const number = document.getElementById('unread-count');
        if (!badge || !number) {
            return;
        }
        fetch('/api/notifications/unread-count', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(response => response.ok ? response.json() : null)
            .then(body => {
                if (body) {
                    number.textContent = String(body.unread);
                    badge.hidden = body.unread === 0;
                }
            })
            .catch(() => { });
    }

    function refresh() {
        for (const listener of listeners) {
            listener.invokeMethodAsync('RefreshAsync').catch(() => listeners.delete(listener));
        }
    }

    function start() {
        const region = document.getElementById('live-notices');
        if (connection || !region) {
            return;
        }
        connection = new signalR.HubConnectionBuilder().withUrl('/live').withAutomaticReconnect().build();
        connection.on('news', news => {
            notice(news);
            count();
            refresh();
        });
        connection.onreconnected(() => {
            count();
            refresh();
        });
        started = connection.start()
            .then(() => { region.dataset.live = 'on'; })
            .catch(() => { connection = null; });
    }

    // An interactive island registers a DotNetObjectReference with a RefreshAsync method, and is live once the
    // connection is (nothing said before that reaches it); it forgets the reference when disposed.
    window.momentLive = {
        listen: async listener => {
            listeners.add(listener);
            await started;
        },
        forget: listener => { listeners.delete(listener); },
    };
    start();
    if (window.Blazor) {
        window.Blazor.addEventListener('enhancedload', start);
    }
})();
