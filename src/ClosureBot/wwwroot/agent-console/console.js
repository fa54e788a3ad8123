// The support console: lists the queues, shows one conversation, and acts through /agent/api. Live changes arrive
// over SignalR (/agent/hub); after a lost connection or an app restart it reconnects and reloads everything.
// Its texts come with the page, in the agent's browser language (Localization/Tables/xx.pages.json, group "console").
(() => {
  'use strict';
  const $ = id => document.getElementById(id);
  const texts = JSON.parse($('page-texts').textContent);
  const say = (key, ...args) => texts[key].replace(/\{(\d+)\}/g, (_, n) => String(args[Number(n)]));
  const factLabels = { dataRetrieved: say('factDataRetrieved'), noTermCommitment: say('factNoTermCommitment') };
  const statusLabels = { waiting: say('statusWaiting'), held: say('statusHeld'), ended: say('statusEnded') };
  const queueLabels = { support: say('queueSupport'), sales: say('queueSales') };
  const reasonLabels = { asked: say('reasonAsked'), misunderstood: say('reasonMisunderstood'), stuck: say('reasonStuck'), 'term-commitment': say('reasonTermCommitment') };
  const stateLabels = { done: say('stateDone'), current: say('stateCurrent'), todo: say('stateTodo') };
  const who = { customer: say('whoCustomer'), bot: say('whoBot'), system: say('whoSystem') };
  const state = { session: null, tickets: new Map(), selected: null, current: null, clockOffset: 0, hub: null };
  const headers = { RequestVerificationToken: '' };

  // A request the network refuses (the app restarting) is answered as a failure (status 0), like one the app refuses:
  // every caller already says what failed, and nothing is left as an unhandled rejection.
  async function api(method, path, body) {
    let response;
    try {
      response = await fetch('/agent/api' + path, {
        method, credentials: 'same-origin',
        headers: method === 'GET' ? {} : { 'Content-Type': 'application/json', RequestVerificationToken: headers.RequestVerificationToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, status: 0, data: null };
    }
    if (response.status === 401) { location.assign('/agent/signin'); throw new Error('signed out'); }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, data };
  }

  const now = () => Date.now() + state.clockOffset;
  const waited = iso => {
    const minutes = Math.max(0, Math.floor((now() - Date.parse(iso)) / 60000));
    return minutes < 60 ? say('minutes', minutes) : say('hoursMinutes', Math.floor(minutes / 60), minutes % 60);
  };
  const stepTitle = screen => screen ? (state.session.handBackPoints.find(p => p.screen === screen)?.title ?? screen) : say('notInFlow');
  const mine = ticket => ticket.status === 'held' && ticket.agentUserName?.toLowerCase() === state.session.agent.userName.toLowerCase();
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  };
  const badge = (text, kind) => el('span', { className: `badge ${kind}`, textContent: text });

  // Re-rendering keeps the keyboard focus on the same control of the same ticket.
  function renderQueues() {
    const focused = document.activeElement?.dataset?.focusKey;
    for (const queue of ['support', 'sales']) {
      const list = $(`queue-${queue}`);
      const tickets = [...state.tickets.values()].filter(t => t.queue === queue && t.status !== 'ended')
        .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt));
      list.replaceChildren(...(tickets.length ? tickets.map(ticketItem) : [el('li', { className: 'empty', textContent: say('nobodyWaiting') })]));
    }
    if (focused) document.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  }

  function ticketItem(ticket) {
    const name = ticket.accountAlias ?? say('accountNotNamed');
    const open = el('button', { type: 'button', className: 'open' },
      el('strong', { textContent: name }),
      el('span', { className: 'meta' }, badge(ticket.verified ? say('verified') : say('notVerified'), ticket.verified ? 'verified' : 'unverified'),
        ticket.status === 'held' ? badge(mine(ticket) ? say('yours') : say('takenBy', ticket.agentDisplayName), mine(ticket) ? 'mine' : 'taken') : null,
        ticket.leftMessage ? badge(say('leftMessage'), 'unverified') : null),
      el('span', { className: 'meta', textContent: `${stepTitle(ticket.screen)} · ${ticket.channelId}` }),
      el('span', { className: 'meta', textContent: say('waitingFor', waited(ticket.requestedAt)) + (ticket.position ? ` · ${say('position', ticket.position)}` : '') }));
    open.setAttribute('aria-current', String(ticket.id === state.selected));
    open.dataset.focusKey = `open:${ticket.id}`;
    open.addEventListener('click', () => select(ticket.id));
    const item = el('li', { className: `ticket${ticket.id === state.selected ? ' selected' : ''}` }, open);
    if (ticket.status === 'waiting') {
      const accept = el('button', { type: 'button', className: 'secondary', textContent: say('accept') });
      accept.setAttribute('aria-label', say('acceptNamed', name));
      accept.dataset.focusKey = `accept:${ticket.id}`;
      accept.addEventListener('click', () => accept_(ticket.id));
      item.append(accept);
    }
    return item;
  }

  async function select(id, focus = true) {
    state.selected = id;
    renderQueues();
    setResult('');
    // Watch first, then read: a line added in between arrives twice (shown once), never not at all.
    if (state.hub?.state === 'Connected') await state.hub.invoke('Watch', id).catch(() => {});
    const response = await api('GET', `/tickets/${encodeURIComponent(id)}`);
    if (!response.ok) { setResult(response.data?.error?.message ?? say('loadFailed')); return; }
    state.current = response.data;
    renderCase();
    if (focus) $('conversation').focus();
  }

  function renderCase() {
    const found = state.current;
    $('case').hidden = !found;
    $('conversation-hint').hidden = !!found;
    if (!found) { $('conversation-title').textContent = say('noneSelected'); return; }
    const t = found.ticket;
    $('conversation-title').textContent = say('caseTitle', t.accountAlias ?? say('accountNotNamed'), queueLabels[t.queue] ?? t.queue);
    const facts = [[say('identity'), t.verified ? say('verified') : say('notVerified')], [say('step'), stepTitle(t.screen)], [say('channel'), t.channelId],
      [say('reason'), reasonLabels[t.reason] ?? t.reason],
      [say('status'), t.status === 'held' ? (mine(t) ? say('heldByYou') : say('heldBy', t.agentDisplayName)) : statusLabels[t.status] ?? t.status],
      [say('waitingSince'), `${new Date(t.requestedAt).toLocaleTimeString()} (${waited(t.requestedAt)})`],
      [say('leftMessage'), t.leftMessage ? say('yes') : say('no')]];
    $('case-facts').replaceChildren(...facts.flatMap(([k, v]) => [el('dt', { textContent: k }), el('dd', { textContent: v })]));
    $('accept-area').hidden = t.status !== 'waiting';
    const holding = mine(t);
    for (const form of [$('chat'), $('hand-back')])
      for (const control of form.elements) control.disabled = !holding;
    $('transcript').replaceChildren(...found.transcript.map(line));
    scrollTranscript();
    $('progress').replaceChildren(...found.steps.map(s => el('li', {},
      el('span', { className: `state ${s.state}`, textContent: stateLabels[s.state] ?? s.state }),
      ` — ${s.title}`)));
    renderRemaining(found.remaining);
    $('closure').textContent = found.closureReference ? say('requested', found.closureReference) : say('noClosure');
    const resume = $('resume-at');
    if (!resume.options.length) {
      resume.replaceChildren(...state.session.handBackPoints.map(p => el('option', { value: p.screen, textContent: p.title })));
    }
    // A newly shown conversation proposes to resume where the customer asked for help.
    if (resume.dataset.ticket !== t.id) { resume.dataset.ticket = t.id; if (t.screen) resume.value = t.screen; }
  }

  function renderRemaining(remaining) {
    const box = $('remaining');
    if (!remaining) { box.replaceChildren(el('p', { textContent: say('remainingUnknown') })); return; }
    const list = (title, items) => [el('h4', { textContent: say(title, items.length) }),
      items.length ? el('ul', {}, ...items.map(i => el('li', { textContent: i }))) : el('p', { textContent: say('noneLeft') })];
    box.replaceChildren(...list('servers', remaining.servers), ...list('services', remaining.services),
      el('p', { className: 'meta', textContent: say('checked', new Date(remaining.checkedAt).toLocaleTimeString()) }));
  }

  function line(message) {
    const author = message.from === 'agent' ? (message.author ?? say('whoAgent')) : who[message.from] ?? message.from;
    const item = el('li', { className: `from-${message.from}` },
      el('span', { className: 'who', textContent: `${author} · ${new Date(message.at).toLocaleTimeString()}` }), message.text);
    item.dataset.id = message.id;
    return item;
  }

  function addLine(message) {
    if (!state.current || message.ticketId !== state.current.ticket.id) return;
    if (state.current.transcript.some(m => m.id === message.id)) return;
    state.current.transcript.push(message);
    $('transcript').append(line(message));
    scrollTranscript();
  }

  const scrollTranscript = () => { const t = $('transcript-log'); t.scrollTop = t.scrollHeight; };
  function setResult(text, ok) { const r = $('case-action-result'); r.textContent = text; r.classList.toggle('ok', !!ok); }

  async function accept_(id) {
    const response = await api('POST', `/tickets/${encodeURIComponent(id)}/accept`);
    if (response.data?.ticket) ticketChanged(response.data.ticket);
    if (id !== state.selected) await select(id);
    setResult(response.ok ? say('accepted') : response.data?.error?.message ?? say('acceptFailed'), response.ok);
    if (response.ok) $('chat-text').focus();
  }

  function ticketChanged(ticket) {
    // A change pushed while the queues are being read is applied again once the list has arrived (see loadQueues).
    state.pendingChanges?.push(ticket);
    if (ticket.status === 'ended') state.tickets.delete(ticket.id); else state.tickets.set(ticket.id, ticket);
    renderQueues();
    if (state.current && state.current.ticket.id === ticket.id) { state.current.ticket = ticket; renderCase(); }
  }

  $('accept').addEventListener('click', () => state.selected && accept_(state.selected));
  $('chat').addEventListener('submit', async event => {
    event.preventDefault();
    const text = $('chat-text').value.trim();
    if (!text || !state.selected) return;
    const response = await api('POST', `/tickets/${encodeURIComponent(state.selected)}/messages`, { text });
    if (response.ok) { $('chat-text').value = ''; addLine(response.data); setResult(''); }
    else setResult(response.data?.error?.message ?? say('sendFailed'));
  });
  $('chat-text').addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('chat').requestSubmit(); }
  });
  $('hand-back').addEventListener('submit', async event => {
    event.preventDefault();
    const facts = [...document.querySelectorAll('#fact-choices input:checked')].map(i => i.value);
    const resumeAt = $('resume-at').value;
    const response = await api('POST', `/tickets/${encodeURIComponent(state.selected)}/hand-back`,
      { resumeAt, facts, note: $('hand-back-note').value });
    if (!response.ok) { setResult(response.data?.error?.message ?? say('handBackFailed')); return; }
    $('hand-back-note').value = '';
    await select(state.selected);
    setResult(say('handedBack', stepTitle(resumeAt)), true);
  });

  async function loadSession() {
    const session = await api('GET', '/session');
    if (!session.ok) throw new Error('the session could not be read');
    state.session = session.data;
    headers.RequestVerificationToken = session.data.antiforgeryToken;
    $('sign-out-token').value = session.data.antiforgeryToken;
    $('me').textContent = say('signedInAs', session.data.agent.displayName);
    $('fact-choices').replaceChildren(...session.data.facts.map(f => el('label', { className: 'fact' },
      el('input', { type: 'checkbox', value: f, name: 'facts' }), factLabels[f] ?? f)));
  }

  async function loadQueues() {
    state.pendingChanges = [];
    try {
      const list = await api('GET', '/tickets');
      if (!list.ok) throw new Error('the queues could not be read');
      state.clockOffset = Date.parse(list.data.now) - Date.now();
      state.tickets = new Map(list.data.tickets.map(t => [t.id, t]));
      // The list replaced what the pushes had set meanwhile. Every change since Ready is pushed, in order, so applying
      // those pushes again leaves each ticket as its newest change set it (a push older than the list is followed by
      // the pushes of the newer changes).
      for (const ticket of state.pendingChanges.splice(0)) ticketChanged(ticket);
    } finally {
      state.pendingChanges = null;
    }
    renderQueues();
    if (state.selected) await select(state.selected, false);
  }

  // Every retry of the page (the hub's reconnection, its start, the reads after it) waits 1 s more each time, up to 10 s.
  const retryDelay = attempt => Math.min(10000, 1000 * (attempt + 1));

  function setConnection(text, live) { const c = $('connection'); c.textContent = text; c.classList.toggle('live', !!live); }

  function connect() {
    const hub = new signalR.HubConnectionBuilder()
      .withUrl('/agent/hub', { headers })
      .withAutomaticReconnect({
        // Keep trying for as long as the page is open (an app restart can take a while); a refused session goes to sign-in.
        nextRetryDelayInMilliseconds: context => {
          if (context.retryReason?.statusCode === 401) location.assign('/agent/signin');
          if (context.retryReason?.statusCode === 403) location.reload();
          return retryDelay(context.previousRetryCount);
        },
      })
      .configureLogging(signalR.LogLevel.None)
      .build();
    hub.on('ticketChanged', ticketChanged);
    hub.on('messageAdded', addLine);
    hub.onreconnecting(() => setConnection(say('reconnecting')));
    // "Live" only once the queues and the open conversation are read again: nothing missed while away stays missing.
    hub.onreconnected(() => reload(hub));
    state.hub = hub;
    return hub;
  }

  // The queues (and the open conversation) are read after the hub's Ready: from its answer on, every change is pushed to
  // this connection. The hub may come back a moment before the app answers requests (or while it stops): read again
  // until it does.
  async function reload(hub, attempt = 0) {
    try {
      await hub.invoke('Ready');
      await loadQueues();
      setConnection(say('live'), true);
    } catch {
      if (hub.state !== 'Connected') return; // the hub's own reconnection takes over and reloads when it is back
      setConnection(say('notConnected'));
      setTimeout(() => reload(hub, attempt + 1), retryDelay(attempt));
    }
  }

  async function start(hub, attempt = 0) {
    try {
      await hub.start();
    } catch (error) {
      if (error?.statusCode === 401) { location.assign('/agent/signin'); return; }
      setConnection(say('notConnected'));
      setTimeout(() => start(hub, attempt + 1), retryDelay(attempt));
      return;
    }
    await reload(hub);
  }

  setInterval(renderQueues, 30000);
  window.closureBotConsole = state;
  loadSession().then(() => start(connect())).catch(() => setConnection(say('couldNotLoad')));
})();
