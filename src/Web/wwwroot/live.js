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

    // Who else is on the case this page shows (LiveHub.Here). Each open page says so when it comes, the others answer
    // once, and everyone says it again every half minute; a page not heard from for longer than two of those is gone
    // (its "gone" may have been lost with its connection). Writing shows for a few seconds after the last keystroke.
    const others = new Map();
    const again = 30000;
    const forgotten = 70000;
    const writingShows = 8000;
    let onCase = null;
    let wroteAt = 0;
    let saidWritingAt = 0;

    function here(writing, answer) {
        if (connection && onCase && connection.state === signalR.HubConnectionState.Connected) {
            connection.invoke('Here', onCase, writing, answer).catch(() => { });
        }
    }

    function showWhoIsHere() {
        const box = document.getElementById('someone-here');
        if (!box) {
            return;
        }
        const now = Date.now();
        const people = new Map();
        for (const [page, seen] of others) {
            if (now - seen.heardAt > forgotten) {
                others.delete(page);
                continue;
            }
            const person = people.get(seen.staffId) ?? { name: seen.name, writing: false };
            person.writing ||= seen.writingUntil > now;
            people.set(seen.staffId, person);
        }
        const lines = [...people.values()].map(person => {
            const line = document.createElement('p');
            line.className = person.writing ? 'presence writing' : 'presence';
            line.textContent = (person.writing ? box.dataset.writing : box.dataset.open).replace('{0}', person.name);
            return line;
        });
        // Said only when it changed: the region is polite, and the same words again would be read again.
        if (box.textContent !== lines.map(line => line.textContent).join('')) {
            box.replaceChildren(...lines);
        }
    }

    // On every page (a full load or an enhanced navigation): join the case it shows, or leave the one it showed.
    function enterCase() {
        const number = document.getElementById('someone-here')?.dataset.case ?? null;
        if (number === onCase) {
            showWhoIsHere();
            return;
        }
        others.clear();
        if (onCase && !number && connection) {
            connection.invoke('Away').catch(() => { });
        }
        onCase = number;
        here(false, false);
        if (number) {
            // Opening the case read its news (CasePage): the header's count may have been read just before.
            count();
        }
        showWhoIsHere();
    }

    function heard(someone) {
        if (someone.number !== onCase) {
            return;
        }
        const box = document.getElementById('someone-here');
        // The reader's own other tabs are not "someone else".
        if (box && someone.staffId !== box.dataset.me) {
            const now = Date.now();
            const known = others.get(someone.page);
            others.set(someone.page, {
                staffId: someone.staffId,
                name: someone.name,
                heardAt: now,
                writingUntil: someone.writing ? now + writingShows : (known?.writingUntil ?? 0),
            });
            showWhoIsHere();
        }
        if (!someone.answer) {
            here(Date.now() - wroteAt < writingShows, true);
        }
    }

    document.addEventListener('input', event => {
        const field = event.target;
        if (!onCase || !(field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && field.type === 'text'))) {
            return;
        }
        wroteAt = Date.now();
        if (wroteAt - saidWritingAt > 3000) {
            saidWritingAt = wroteAt;
            here(true, true);
        }
    });
    setInterval(() => {
        here(Date.now() - wroteAt < writingShows, true);
        showWhoIsHere();
    }, again);
    setInterval(showWhoIsHere, 2000);

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
        connection.on('presence', heard);
        connection.on('gone', gone => {
            if (gone.number === onCase) {
                others.delete(gone.page);
                showWhoIsHere();
            }
        });
        connection.onreconnected(() => {
            count();
            refresh();
            // A new connection is in no case's group yet: come again.
            here(false, false);
        });
        started = connection.start()
            .then(() => {
                region.dataset.live = 'on';
                here(false, false);
            })
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
    enterCase();
    if (window.Blazor) {
        window.Blazor.addEventListener('enhancedload', () => {
            start();
            enterCase();
        });
    }
})();
