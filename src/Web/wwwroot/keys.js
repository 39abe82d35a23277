// The desk's keyboard shortcuts (the agent's desk, issue 17), listed in the reader's language by "?" (KeyboardShortcuts
// in the layout). A shortcut acts only when the agent is not writing: never in a text field, a list box or an editable
// region, so "/" in the reply box still opens the canned replies (macros.js) and "j" types a "j". Nor with Ctrl, Alt or
// Meta held, which belong to the browser and the screen reader.
//
// j and k walk the case lists of a page (tables marked data-case-list: the desk's, the views'). Opening a case from
// one remembers its cases in order for this tab (sessionStorage), so that j and k on the case page go to the next and
// the previous case of the list the agent came from. Events are caught on the document, so that enhanced navigation
// needs no new binding; the page's own parts are looked up at each key.
(() => {
    const rememberedList = 'moment.keys.cases';
    const searchWanted = 'moment.keys.search';
    let afterG = false;
    let opener = null;

    function writing(element) {
        if (!(element instanceof HTMLElement)) {
            return false;
        }
        if (element.isContentEditable || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) {
            return true;
        }
        return element instanceof HTMLInputElement
            && !['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'range', 'color', 'file'].includes(element.type);
    }

    function go(address) {
        if (window.Blazor?.navigateTo) {
            window.Blazor.navigateTo(address);
        } else {
            location.assign(address);
        }
    }

    // The case links of a list, one per case, in the order shown.
    function caseLinks(scope) {
        const seen = new Set();
        return [...scope.querySelectorAll('a[href^="cases/"]')].filter(link => {
            const number = numberOf(link);
            if (!number || number === 'new' || seen.has(number)) {
                return false;
            }
            seen.add(number);
            return true;
        });
    }

    function numberOf(link) {
        const path = link.getAttribute('href').slice('cases/'.length).split(/[?#]/)[0];
        return path.includes('/') ? null : decodeURIComponent(path);
    }

    function lists() {
        return [...document.querySelectorAll('main [data-case-list]')];
    }

    function remember(links) {
        try {
            sessionStorage.setItem(rememberedList, JSON.stringify(links.map(numberOf)));
        } catch {
            // Storage refused (private mode, full): j and k on the case page do nothing, the lists still work.
        }
    }

    function remembered() {
        try {
            const numbers = JSON.parse(sessionStorage.getItem(rememberedList) ?? '[]');
            return Array.isArray(numbers) ? numbers : [];
        } catch {
            return [];
        }
    }

    // The case page's own number, from its address (cases/{number}; not cases/new, not a case's letter).
    function thisCase() {
        const match = location.pathname.match(/^\/cases\/([^/]+)$/);
        return match && match[1] !== 'new' ? decodeURIComponent(match[1]) : null;
    }

    // On a list page: the focus to the next or previous case of the page's lists, the row marked as well.
    function walk(step) {
        const links = lists().flatMap(list => caseLinks(list));
        if (links.length === 0) {
            return false;
        }
        const at = links.indexOf(document.activeElement);
        const next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(Math.max(at + step, 0), links.length - 1);
        document.querySelectorAll('.keys-current').forEach(row => row.classList.remove('keys-current'));
        links[next].closest('tr, li')?.classList.add('keys-current');
        links[next].focus();
        return true;
    }

    // On a case page: the next or previous case of the list the agent came from.
    function neighbour(step) {
        const number = thisCase();
        const numbers = remembered();
        const at = number === null ? -1 : numbers.indexOf(number);
        if (at < 0 || !numbers[at + step]) {
            return false;
        }
        go('cases/' + encodeURIComponent(numbers[at + step]));
        return true;
    }

    function focusField(id, check) {
        const field = document.getElementById(id);
        if (!field) {
            return false;
        }
        const details = field.closest('details');
        if (details && !details.open) {
            details.open = true;
        }
        check?.();
        field.focus();
        field.scrollIntoView({ block: 'center' });
        return true;
    }

    // One box takes both: the reply is a note the customer sees on their page ("note-public" ticked), the note is not.
    function note(isPublic) {
        return focusField('note-text', () => {
            const seen = document.getElementById('note-public');
            if (seen) {
                seen.checked = isPublic;
            }
        });
    }

    function search() {
        const box = document.querySelector('main form[action="desk"] input[name="q"]');
        if (box) {
            box.focus();
            box.select();
        } else {
            try {
                sessionStorage.setItem(searchWanted, 'yes');
            } catch {
                // Storage refused: the desk opens as after any other way there, its search near the top.
            }
            go('desk');
        }
        return true;
    }

    // After "/" on a page without the search: the desk's box once the desk is there. Focusing it before Blazor moves
    // the focus to the page's heading keeps the focus here (Blazor leaves a focus it finds alone).
    function searchOnArrival() {
        const box = document.querySelector('main form[action="desk"] input[name="q"]');
        try {
            if (box && sessionStorage.getItem(searchWanted)) {
                sessionStorage.removeItem(searchWanted);
                box.focus();
            }
        } catch {
            // Storage refused: nothing was asked for.
        }
    }

    function dialog() {
        return document.getElementById('keys-dialog');
    }

    function showShortcuts() {
        const shortcuts = dialog();
        if (!shortcuts || shortcuts.open) {
            return false;
        }
        opener = document.activeElement;
        shortcuts.showModal();
        document.getElementById('keys-close')?.focus();
        return true;
    }

    function act(key) {
        if (afterG) {
            afterG = false;
            switch (key) {
                case 'd': go('desk'); return true;
                case 'v': go('views'); return true;
                default: return false;
            }
        }
        switch (key) {
            case '?': return showShortcuts();
            case 'j': return walk(1) || neighbour(1);
            case 'k': return walk(-1) || neighbour(-1);
            case 'o': {
                const link = document.activeElement;
                if (link instanceof HTMLAnchorElement && link.closest('main [data-case-list]')) {
                    link.click();
                    return true;
                }
                return false;
            }
            case 'r': return note(true);
            case 'n': return note(false);
            case 'h': return focusField('handoff-person');
            case '/':
            case 's': return search();
            case 'g': afterG = true; return true;
            default: return false;
        }
    }

    document.addEventListener('keydown', event => {
        if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey
            || ['Shift', 'CapsLock'].includes(event.key) || writing(event.target) || dialog()?.open) {
            return;
        }
        if (act(event.key)) {
            event.preventDefault();
        }
    });

    // Opening a case from a list (a click, Enter or "o" on its link) remembers that list; any other way of reaching a
    // case leaves the last list as it was.
    document.addEventListener('click', event => {
        const list = event.target instanceof Element ? event.target.closest('main [data-case-list]') : null;
        const link = event.target instanceof Element ? event.target.closest('a[href^="cases/"]') : null;
        if (list && link) {
            remember(caseLinks(list));
        }
        if (event.target instanceof Element && event.target.closest('#keys-open')) {
            showShortcuts();
        } else if (event.target instanceof Element && event.target.closest('#keys-close')) {
            dialog()?.close();
        }
    }, true);

    // Closed by its button or by Escape (the browser's own): the focus back where it was.
    document.addEventListener('close', event => {
        if (event.target === dialog() && opener instanceof HTMLElement && opener.isConnected) {
            opener.focus();
        }
        opener = null;
    }, true);

    // The button for those who do not know "?": there once the script is, and again after each enhanced navigation,
    // which renders the layout anew.
    function arrive() {
        const button = document.getElementById('keys-open');
        if (button) {
            button.hidden = false;
        }
        searchOnArrival();
    }

    arrive();
    if (window.Blazor) {
        window.Blazor.addEventListener('enhancedload', arrive);
    }
})();
