// The phone simulator (/demo/phone): a call to Moment's phone line played in the browser. Each step is the webhook the
// provider (Twilio) would send, signed by the server at /demo/phone/webhook (the auth token never reaches the page); the
// TwiML answer is played: <Say> is shown and spoken with the browser's speech synthesis, <Gather> listens for one key
// or a number ended with # (its prompts and <Pause>s too), <Redirect> asks for the next step, <Dial> puts the caller through, <Hangup> ends.
(() => {
    const root = document.getElementById('phone-demo');
    if (!root) {
        return;
    }
    const text = root.dataset;
    const form = document.getElementById('call-form');
    const from = document.getElementById('from');
    const heard = document.getElementById('heard');
    const status = document.getElementById('call-status');
    const hangUp = document.getElementById('hang-up');
    const keys = [...document.querySelectorAll('#keypad button')];
    let call = null;
    let waiter = null;

    const show = words => { status.textContent = words; };
    const listening = on => {
        keys.forEach(key => { key.disabled = !on; });
        if (on) {
            show(text.listening);
        }
    };

    // Waits the seconds given, or until a key is pressed (the key) or the call ends (null).
    function listen(seconds) {
        return new Promise(resolve => {
            const timer = setTimeout(() => { waiter = null; resolve(null); }, seconds * 1000);
            waiter = digit => { clearTimeout(timer); waiter = null; resolve(digit); };
        });
    }

    function say(verb) {
        const words = verb.textContent.trim();
        const item = document.createElement('li');
        const language = verb.getAttribute('language') || text.lang;
        item.lang = language.slice(0, 2);
        item.textContent = words;
        heard.append(item);
        if ('speechSynthesis' in window) {
            const utterance = new SpeechSynthesisUtterance(words);
            utterance.lang = language;
            window.speechSynthesis.speak(utterance);
        }
    }

    async function step(path, fields, current = call) {
        const response = await fetch('/demo/phone/webhook', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ path, fields: { CallSid: current.sid, From: current.from, To: current.to, ...fields } }),
        });
        if (!response.ok) {
            end();
            show(text.failed.replace('{0}', String(response.status)));
            return null;
        }
        return response.status === 204 ? null : response.text();
    }

    async function play(twiml) {
        if (!twiml || !call) {
            return;
        }
        const verbs = new DOMParser().parseFromString(twiml, 'application/xml').documentElement.children;
        for (const verb of verbs) {
            if (!call) {
                return;
            }
            switch (verb.localName) {
                case 'Say':
                    say(verb);
                    break;
                case 'Pause':
                    await listen(Number(verb.getAttribute('length') || 1));
                    break;
                case 'Gather': {
                    let digit = null;
                    listening(true);
                    for (const prompt of verb.children) {
                        if (prompt.localName === 'Say') {
                            say(prompt);
                        } else if (prompt.localName === 'Pause') {
                            digit = await listen(Number(prompt.getAttribute('length') || 1));
                            if (digit !== null || !call) {
                                break;
                            }
                        }
                    }
                    const timeout = Number(verb.getAttribute('timeout') || 5);
                    if (digit === null && call) {
                        digit = await listen(timeout);
                    }
                    // A number keyed digit by digit (no numDigits, a finishOnKey): as Twilio, until the finishing key
                    // (not sent) or a pause as long as the timeout; nothing keyed is no answer.
                    if (!verb.hasAttribute('numDigits') && verb.hasAttribute('finishOnKey') && digit !== null) {
                        const finishing = verb.getAttribute('finishOnKey');
                        let keyed = '';
                        while (digit !== null && digit !== finishing && call) {
                            keyed += digit;
                            digit = await listen(timeout);
                        }
                        digit = keyed === '' ? null : keyed;
                    }
                    listening(false);
                    if (digit !== null && call) {
                        window.speechSynthesis?.cancel();
                        return play(await step(verb.getAttribute('action'), { Digits: digit }));
                    }
                    break;
                }
                case 'Redirect':
                    return play(await step(verb.textContent.trim(), {}));
                case 'Dial':
                    show(text.connected.replace('{0}', verb.textContent.trim()));
                    return;
                case 'Hangup':
                    return finish();
                default:
                    break;
            }
        }
        // Out of instructions: the provider hangs up.
        return finish();
    }

    // The provider's status callback for a call that ended, then the page at rest.
    async function finish() {
        const ended = call;
        end();
        if (ended) {
            await step('/api/phone/twilio/status', { CallStatus: 'completed' }, ended);
        }
        show(text.ended);
    }

    function end() {
        call = null;
        waiter?.(null);
        listening(false);
        hangUp.disabled = true;
        form.querySelector('button').disabled = false;
    }

    form.addEventListener('submit', async event => {
        event.preventDefault();
        if (call) {
            return;
        }
        const sid = 'CA' + [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
        call = { sid, from: from.value, to: text.to };
        heard.replaceChildren();
        hangUp.disabled = false;
        form.querySelector('button').disabled = true;
        show(text.calling);
        await play(await step('/api/phone/twilio/voice', {}));
    });
    keys.forEach(key => key.addEventListener('click', () => waiter?.(key.textContent.trim())));
    hangUp.addEventListener('click', () => finish());
})();
