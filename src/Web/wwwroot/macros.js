// Canned replies in the reply box (CasePage): typing "/" and the start of a macro's name shows the matching ones; arrow
// keys choose, Enter or Tab inserts the text (filled in for the case on the server) in place of "/name", and ticks what
// the macro does ("the customer sees this", "propose this as the resolution"). Without this script the list under the
// box does the same through links. Events are caught on the document, so enhanced navigation needs no new binding.
(() => {
    const trigger = /(^|\s)\/([\p{L}\p{N}_.-]*)$/u;
    let open = null;

    function macrosOf(box) {
        const list = document.getElementById(box.dataset.macros);
        return list ? [...list.querySelectorAll('a[data-name]')] : [];
    }

    function close() {
        if (open) {
            open.list.remove();
            open.box.removeAttribute('aria-controls');
            open = null;
        }
    }

    function say(text) {
        const status = document.getElementById('macro-status');
        if (status) {
            status.textContent = text;
        }
    }

    function show(box, query) {
        const wanted = query.toLocaleLowerCase();
        const found = macrosOf(box)
            .filter(a => a.dataset.name.toLocaleLowerCase().includes(wanted))
            .sort((a, b) => Number(!a.dataset.name.toLocaleLowerCase().startsWith(wanted)) - Number(!b.dataset.name.toLocaleLowerCase().startsWith(wanted)));
        close();
        if (found.length === 0) {
            say(box.dataset.macrosNone ?? '');
            return;
        }
        const list = document.createElement('ul');
        list.id = 'macro-suggestions';
        list.className = 'macro-suggestions';
        list.setAttribute('role', 'listbox');
        list.setAttribute('aria-label', box.dataset.macrosLabel ?? '');
        found.forEach((macro, index) => {
            const item = document.createElement('li');
            item.setAttribute('role', 'option');
            item.id = `macro-suggestion-${index}`;
            item.dataset.index = index;
            item.textContent = '/' + macro.dataset.name;
            item.addEventListener('mousedown', event => {
                event.preventDefault();
                insert(box, macro);
            });
            list.append(item);
        });
        box.insertAdjacentElement('afterend', list);
        box.setAttribute('aria-controls', list.id);
        open = { box, list, found, chosen: 0 };
        choose(0);
    }

    function choose(index) {
        open.chosen = (index + open.found.length) % open.found.length;
        [...open.list.children].forEach((item, i) => item.setAttribute('aria-selected', String(i === open.chosen)));
        say(`/${open.found[open.chosen].dataset.name} (${open.chosen + 1}/${open.found.length})`);
    }

    function insert(box, macro) {
        const caret = box.selectionStart;
        const before = box.value.slice(0, caret);
        const match = before.match(trigger);
        const start = match ? caret - match[0].length + match[1].length : caret;
        box.value = box.value.slice(0, start) + macro.dataset.text + box.value.slice(caret);
        const end = start + macro.dataset.text.length;
        box.setSelectionRange(end, end);
        const use = macro.dataset.use;
        const reply = document.getElementById('note-public');
        if (reply) {
            reply.checked = use === 'PublicReply';
        }
        const propose = document.getElementById('note-propose');
        if (propose) {
            propose.checked = use === 'ProposeResolution';
        }
        close();
        say('');
        box.focus();
    }

    document.addEventListener('input', event => {
        const box = event.target;
        if (!(box instanceof HTMLTextAreaElement) || !box.dataset.macros) {
            return;
        }
        const match = box.value.slice(0, box.selectionStart).match(trigger);
        if (match) {
            show(box, match[2]);
        } else {
            close();
        }
    });

    document.addEventListener('keydown', event => {
        if (!open || event.target !== open.box) {
            return;
        }
        switch (event.key) {
            case 'ArrowDown':
                choose(open.chosen + 1);
                break;
            case 'ArrowUp':
                choose(open.chosen - 1);
                break;
            case 'Enter':
            case 'Tab':
                insert(open.box, open.found[open.chosen]);
                break;
            case 'Escape':
                close();
                break;
            default:
                return;
        }
        event.preventDefault();
    });

    document.addEventListener('focusout', event => {
        if (open && event.target === open.box) {
            close();
        }
    });
})();
