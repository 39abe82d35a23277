// Moment's web chat: one <script src=".../chat/moment-chat.js" data-queue="QUEUE-ID" defer></script> on any page.
// Plain JavaScript, no framework. The customer's place lives in Moment's database; the browser keeps only the resume
// token (localStorage), so a reload or a lost connection comes back to the same place. Everything the customer or an
// agent wrote is put on the page as text, never as HTML; only a path to a public help article (/help/<id>, which the bot
// offers) becomes a link, made here from the path, to Moment's own address.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var base = new URL(".", new URL(script.src, location.href)).href.replace(/chat\/$/, "");
  var queue = script.getAttribute("data-queue");
  var lang = (script.getAttribute("data-lang") || document.documentElement.lang || navigator.language || "sv").slice(0, 2) === "en" ? "en" : "sv";
  var storageKey = "moment-chat-token:" + queue;
  var words = {
    sv: {
      open: "Chatta med oss", title: "Chatta med kundservice", close: "Stäng", name: "Ditt namn", question: "Din fråga",
      phone: "Telefon (valfritt)", email: "E-post (valfritt)", start: "Starta chatten", send: "Skicka", message: "Skriv ett meddelande",
      position: "Du är nummer {0} i kön.", wait: "Väntetid ungefär {0}–{1} minuter.", waitUnder: "Väntetid under {0} minuter.",
      nobody: "Ingen handläggare är inloggad just nu. Lämna ett nummer så ringer vi upp, eller låt oss svara här.",
      closed: "Vi har stängt nu och öppnar {0}. Lämna ett nummer så ringer vi upp, eller låt oss svara här.",
      callback: "Ring upp mig i stället – jag behåller min plats", callNumber: "Ditt telefonnummer", callMe: "Ring mig",
      writeHere: "Svara mig här när det är min tur", called: "Vi ringer dig på {0}. Du behåller din plats och kan stänga sidan.",
      written: "Vi svarar här när det är din tur. Du behåller din plats och kan stänga sidan.",
      answered: "Du chattar med {0}.", ended: "Chatten är avslutad.", leave: "Avsluta chatten", you: "Du", moment: "Moment",
      tooLong: "Meddelandet är för långt (högst 4 000 tecken).", badPhone: "Det är inte ett telefonnummer vi kan ringa.",
      required: "Fyll i ditt namn och din fråga.", person: "Prata med en person", withBot: "Du chattar med vår automatiska hjälp. En person är alltid ett steg bort.", failed: "Det gick inte just nu. Försök igen om en stund.", busy: "För många försök. Vänta en stund."
    },
    en: {
      open: "Chat with us", title: "Chat with customer service", close: "Close", name: "Your name", question: "Your question",
      phone: "Phone (optional)", email: "Email (optional)", start: "Start the chat", send: "Send", message: "Write a message",
      position: "You are number {0} in the queue.", wait: "Waiting time about {0}–{1} minutes.", waitUnder: "Waiting time under {0} minutes.",
      nobody: "No agent is signed in right now. Leave a number and we will call you, or let us answer here.",
      closed: "We are closed now and open {0}. Leave a number and we will call you, or let us answer here.",
      callback: "Call me back instead – I keep my place", callNumber: "Your phone number", callMe: "Call me",
      writeHere: "Answer me here when it is my turn", called: "We will call you on {0}. You keep your place and may close the page.",
      written: "We will answer here when it is your turn. You keep your place and may close the page.",
      answered: "You are chatting with {0}.", ended: "The chat has ended.", leave: "End the chat", you: "You", moment: "Moment",
      tooLong: "The message is too long (at most 4,000 characters).", badPhone: "That is not a phone number we can call.",
      required: "Fill in your name and your question.", person: "Talk to a person", withBot: "You are chatting with our automatic help. A person is always one step away.", failed: "That did not work just now. Try again in a moment.", busy: "Too many tries. Wait a moment."
    }
  }[lang];
  function say(key) { var text = words[key], args = arguments; return text.replace(/\{(\d)\}/g, function (_, i) { return args[+i + 1]; }); }
  function withHelpLinks(text) {
    var span = el("span", {}), at = 0, found, pattern = /\/help\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
    while ((found = pattern.exec(text)) !== null) {
      span.append(document.createTextNode(text.slice(at, found.index)), el("a", { href: base + found[0].slice(1), target: "_blank", rel: "noopener" }, found[0]));
      at = found.index + found[0].length;
    }
    span.append(document.createTextNode(text.slice(at)));
    return span;
  }
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    for (var name in attributes || {}) node.setAttribute(name, attributes[name]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var style = el("link", { rel: "stylesheet", href: base + "chat/moment-chat.css" });
  document.head.append(style);

  var token = localStorage.getItem(storageKey);
  var lastMessage = 0, timer = null, state = null;
  var root = el("div", { "class": "moment-chat", lang: lang });
  var opener = el("button", { type: "button", "class": "moment-chat-open", "aria-expanded": "false" }, words.open);
  var panel = el("section", { "class": "moment-chat-panel", role: "dialog", "aria-labelledby": "moment-chat-title", hidden: "" });
  var header = el("div", { "class": "moment-chat-header" });
  header.append(el("h2", { id: "moment-chat-title" }, words.title));
  var closer = el("button", { type: "button", "class": "moment-chat-close" }, words.close);
  header.append(closer);
  var status = el("p", { "class": "moment-chat-status", role: "status", "aria-live": "polite" });
  var error = el("p", { "class": "moment-chat-error", role: "alert" });
  var log = el("ol", { "class": "moment-chat-log", "aria-live": "polite", "aria-label": words.title });
  var body = el("div", { "class": "moment-chat-body" });
  panel.append(header, status, error, log, body);
  root.append(opener, panel);
  document.body.append(root);

  function field(id, label, input) {
    var wrap = el("p");
    wrap.append(el("label", { "for": id }, label), input);
    return wrap;
  }

  function startForm() {
    var form = el("form", { "class": "moment-chat-start" });
    var name = el("input", { id: "moment-chat-name", autocomplete: "name", required: "", maxlength: "200" });
    var question = el("textarea", { id: "moment-chat-question", required: "", rows: "3", maxlength: "4000" });
    var phone = el("input", { id: "moment-chat-phone", type: "tel", autocomplete: "tel", maxlength: "32" });
    var email = el("input", { id: "moment-chat-email", type: "email", autocomplete: "email", maxlength: "254" });
    form.append(field(name.id, words.name, name), field(question.id, words.question, question), field(phone.id, words.phone, phone), field(email.id, words.email, email),
      el("button", { type: "submit" }, words.start));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!name.value.trim() || !question.value.trim()) { error.textContent = words.required; return; }
      call("POST", "", { queueId: queue, name: name.value, question: question.value, phone: phone.value || null, email: email.value || null, language: lang })
        .then(function (started) {
          token = started.token;
          localStorage.setItem(storageKey, token);
          show(started.standing);
          follow();
        });
    });
    body.replaceChildren(form);
    name.focus();
  }

  function chatForm() {
    var form = el("form", { "class": "moment-chat-write" });
    var text = el("textarea", { id: "moment-chat-message", rows: "2", maxlength: "4000" });
    form.append(field(text.id, words.message, text), el("button", { type: "submit" }, words.send));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!text.value.trim()) return;
      if (text.value.length > 4000) { error.textContent = words.tooLong; return; }
      call("POST", "/" + encodeURIComponent(token) + "/messages?after=" + lastMessage, { text: text.value }).then(function (standing) {
        text.value = "";
        show(standing);
      });
    });
    return form;
  }

  function callbackForm() {
    var wrap = el("div", { "class": "moment-chat-callback" });
    var form = el("form");
    var number = el("input", { id: "moment-chat-callback-number", type: "tel", autocomplete: "tel", maxlength: "32" });
    form.append(el("h3", {}, words.callback), field(number.id, words.callNumber, number), el("button", { type: "submit" }, words.callMe));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      call("POST", "/" + encodeURIComponent(token) + "/callback", { phone: number.value }, { Phone: words.badPhone }).then(show);
    });
    var here = el("button", { type: "button" }, words.writeHere);
    here.addEventListener("click", function () { call("POST", "/" + encodeURIComponent(token) + "/callback", { writeHere: true }).then(show); });
    wrap.append(form, here);
    return wrap;
  }

  function show(standing) {
    error.textContent = "";
    var first = state === null || stage(state) !== stage(standing) || state.callback !== standing.callback;
    state = standing;
    standing.messages.forEach(function (message) {
      if (message.id <= lastMessage) return;
      lastMessage = message.id;
      var who = message.author === "customer" ? words.you : message.author === "person" ? message.authorName : words.moment;
      var item = el("li", { "class": "moment-chat-" + message.author });
      item.append(el("strong", {}, who + ": "), withHelpLinks(message.text));
      log.append(item);
    });
    status.textContent = describe(standing);
    if (!first) return;
    var done = standing.state === "ended" || standing.state === "abandoned" || standing.state === "endedByBot";
    var parts = [];
    if (standing.state === "withBot") {
      var person = el("button", { type: "button", "class": "moment-chat-person" }, words.person);
      person.addEventListener("click", function () { call("POST", "/" + encodeURIComponent(token) + "/person").then(show); });
      parts.push(person);
    }
    if (!done) parts.push(chatForm());
    if ((standing.state === "waiting" || standing.state === "offered" || standing.state === "withBot") && standing.callback === null) parts.push(callbackForm());
    if (!done) {
      var leave = el("button", { type: "button", "class": "moment-chat-leave" }, words.leave);
      leave.addEventListener("click", function () {
        call("POST", "/" + encodeURIComponent(token) + "/leave").then(forget);
      });
      parts.push(leave);
    }
    body.replaceChildren.apply(body, parts);
    if (done) forget();
  }

  // An offer on its way to an agent is still a place in line to the customer: the form they are filling in stays.
  function stage(s) { return s.state === "offered" ? "waiting" : s.state; }

  function minutes(span) { var p = span.split(":"); return (+p[0].split(".").pop()) * 60 + (+p[1]) + (p[0].indexOf(".") > 0 ? +p[0].split(".")[0] * 1440 : 0); }

  function describe(s) {
    if (s.state === "answered") return say("answered", s.agentName || "");
    if (s.state === "withBot") return words.withBot;
    if (s.state === "ended" || s.state === "abandoned" || s.state === "endedByBot") return words.ended;
    if (s.callback === "phone") return say("called", s.callbackNumber);
    if (s.callback === "writeHere") return !s.open && s.opensAt ? say("closed", new Date(s.opensAt).toLocaleString(lang === "en" ? "en-GB" : "sv-SE", { weekday: "long", hour: "2-digit", minute: "2-digit" })) : words.written;
    var text = s.position ? say("position", s.position) + " " : "";
    if (s.waitTo) {
      var from = minutes(s.waitFrom), to = minutes(s.waitTo);
      return text + (from === 0 ? say("waitUnder", to) : say("wait", from, to));
    }
    return text + words.nobody;
  }

  function forget() {
    localStorage.removeItem(storageKey);
    token = null;
    if (timer) clearTimeout(timer);
    timer = null;
    if (connection) connection.stop();
    connection = null;
  }

  // Live by SignalR (the hub tells the place when the line moves, and the messages when a person writes); when no
  // live connection can be had (a proxy that blocks it), the widget asks every few seconds instead.
  var connection = null;
  function follow() {
    if (!token) return;
    loadSignalR().then(function () {
      if (!token || connection) return;
      var live = new signalR.HubConnectionBuilder()
        .withUrl(base + "chat-live", { withCredentials: false })
        .withAutomaticReconnect([0, 2000, 5000, 10000, 30000])
        .build();
      connection = live;
      live.on("place", function (place) {
        if (!state || stage(state) !== "waiting") return;
        state.position = place.position; state.waitFrom = place.waitFrom; state.waitTo = place.waitTo;
        status.textContent = describe(state);
      });
      live.on("standing", show);
      live.onreconnecting(poll);
      live.onreconnected(function () { followOn(live); });
      live.onclose(function () { if (connection === live) { connection = null; poll(); } });
      return live.start().then(function () { followOn(live); });
    }).catch(poll);
  }

  function followOn(live) {
    if (timer) clearTimeout(timer);
    timer = null;
    live.invoke("follow", token).then(function (standing) {
      if (standing) { show(standing); return; }
      // An unknown or ended chat: a fresh start, never someone else's chat.
      forget(); state = null; log.replaceChildren(); lastMessage = 0; startForm();
    }, poll);
  }

  function loadSignalR() {
    if (window.signalR) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var script = el("script", { src: base + "lib/signalr/signalr.min.js" });
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
  }

  function poll() {
    if (timer) clearTimeout(timer);
    if (!token) return;
    timer = setTimeout(function () {
      if (connection && connection.state === "Connected") { timer = null; return; }
      call("GET", "/" + encodeURIComponent(token) + "?after=" + lastMessage).then(function (standing) { show(standing); poll(); }, poll);
    }, 3000);
  }

  function call(method, path, json, fields) {
    return fetch(base + "api/public/chat" + path, {
      method: method,
      credentials: "omit",
      headers: json ? { "Content-Type": "application/json", "Accept-Language": lang } : { "Accept-Language": lang },
      body: json ? JSON.stringify(json) : undefined
    }).then(function (response) {
      if (response.status === 204) return null;
      if (response.ok) return response.json();
      if (response.status === 404 && token) { forget(); state = null; log.replaceChildren(); lastMessage = 0; startForm(); throw new Error("gone"); }
      return response.json().catch(function () { return {}; }).then(function (problem) {
        var field = problem.errors && Object.keys(problem.errors)[0];
        error.textContent = response.status === 429 ? words.busy : (fields && field && fields[field]) || (response.status === 400 && field === "Text" ? words.tooLong : words.failed);
        throw new Error(problem.detail || response.statusText);
      });
    });
  }

  function openPanel() {
    panel.hidden = false;
    opener.setAttribute("aria-expanded", "true");
    if (token && state === null) {
      call("GET", "/" + encodeURIComponent(token)).then(function (standing) { show(standing); follow(); });
    } else if (!token) {
      startForm();
    }
  }
  opener.addEventListener("click", openPanel);
  closer.addEventListener("click", function () { panel.hidden = true; opener.setAttribute("aria-expanded", "false"); opener.focus(); });
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") closer.click(); });
  if (token) openPanel();
})();
