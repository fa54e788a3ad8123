// The customer's chat page: gets a token from the app, then runs Bot Framework Web Chat against the app's own
// Direct Line 3.0 service. Session storage keeps the conversation (id + watermark) so a reload resumes it.
// Its texts come with the page, in the browser's language (Localization/Tables/xx.pages.json, group "chat").
(function () {
  'use strict';
  const texts = JSON.parse(document.getElementById('page-texts').textContent);
  const say = (key, ...args) => texts[key].replace(/\{(\d+)\}/g, (_, n) => String(args[Number(n)]));
  const storageKey = 'closurebot.webchat';
  const query = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.slice(1));
  const webSocket = query.get('transport') !== 'polling';
  // The portal passes its signed assertion in the fragment, which never reaches server logs.
  const assertion = fragment.get('assertion') || undefined;
  const locale = navigator.language || 'en-US';
  const banner = document.getElementById('banner');
  const bannerText = document.getElementById('banner-text');
  const bannerAction = document.getElementById('banner-action');

  function showBanner(text, { error = false, action = false } = {}) {
    bannerText.textContent = text;
    banner.classList.toggle('error', error);
    bannerAction.hidden = !action;
    banner.hidden = false;
  }

  function hideBanner() { banner.hidden = true; }

  // Web Chat's own Adaptive Cards host config, with one palette of text colours that keeps at least 4.5:1 on every
  // container style (Web Chat's default leaves the library's #cc3300 on the attention container: 3.43:1).
  function adaptiveCardsHostConfig(accent, font) {
    const colour = value => ({ default: value, subtle: value });
    const foregroundColors = {
      default: colour('#1b2430'), dark: colour('#000000'), light: colour('#ffffff'), accent: colour(accent),
      attention: colour('#9b1c1f'), warning: colour('#7a4100'), good: colour('#0b5a0b')
    };
    foregroundColors.default.subtle = '#484644';
    const style = backgroundColor => ({ backgroundColor, foregroundColors });
    return {
      containerStyles: {
        default: { foregroundColors }, emphasis: style('#f9f9f9'), accent: style('#c7def9'), good: style('#ccffcc'),
        attention: style('#ffc5b2'), warning: style('#ffe2b2')
      },
      supportsInteractivity: true,
      fontFamily: font,
      imageSizes: { small: 40, medium: 80, large: 160 },
      actions: { actionAlignment: 'stretch', actionsOrientation: 'vertical', buttonSpacing: 8, maxActions: 100,
        showCard: { actionMode: 'inline', inlineTopMargin: 8 }, spacing: 'default' },
      adaptiveCard: { allowCustomStyle: false },
      imageSet: { imageSize: 'medium', maxImageHeight: 100 },
      factSet: { title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
        value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true }, spacing: 8 },
      textBlock: { headingLevel: 2 }
    };
  }

  bannerAction.addEventListener('click', () => location.reload());

  function readSaved() {
    try { return JSON.parse(sessionStorage.getItem(storageKey)) || {}; } catch { return {}; }
  }

  function save(conversationId, watermark) {
    sessionStorage.setItem(storageKey, JSON.stringify({ conversationId, watermark }));
  }

  // Every failure is told in the page's language; the browser's own error text (English) is not shown.
  async function fetchToken(conversationId) {
    const response = await fetch('/api/webchat/token', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ conversationId, assertion, locale })
    }).catch(() => { throw new Error(say('serviceUnreachable')); });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(response.status === 401 && body.error && body.error.code === 'SignInRequired' ? say('signInRequired')
      : response.status === 429 ? say('tooManyRequests') : say('serviceAnswered', response.status));
    return body;
  }

  function watchConnection(directLine) {
    let wasOnline = false;
    let current = 0;
    directLine.connectionStatus$.subscribe(status => {
      current = status;
      switch (status) {
        case 2: wasOnline = true; hideBanner(); break; // Online
        case 1: if (wasOnline) showBanner(say('reconnecting')); break;
        case 3: showBanner(say('expired'), { error: true, action: true }); break;
        case 4: showBanner(say('unreachable'), { error: true, action: true }); break;
        case 5: showBanner(say('ended'), { error: true, action: true }); break;
      }
    });
    window.addEventListener('offline', () => showBanner(say('offline'), { error: true }));
    window.addEventListener('online', () => { if (current === 2) hideBanner(); else if (wasOnline) showBanner(say('backOnline')); });
  }

  // Signing in leaves the page and comes back to it; session storage keeps the conversation, which the app then hands
  // to the signed-in person. Signing out forgets it: the next visitor on this browser starts afresh.
  function showSignIn(state) {
    const signIn = document.getElementById('sign-in');
    const signOut = document.getElementById('sign-out');
    signIn.hidden = state !== 'available';
    signOut.hidden = state !== 'signedIn';
    signIn.onclick = () => location.assign(`/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
    signOut.onsubmit = () => sessionStorage.removeItem(storageKey);
  }

  // Web Chat's snap (autoScrollSnapOnPage) stops the auto-scroll at the first reply the customer has not seen. When a
  // reply renders while Web Chat still counts the transcript as scrolled to its end (a race, seen under load), it counts
  // the reply as seen and scrolls to the end, past a long card's title. So for a moment after the first card that answers
  // the customer's message renders, its top is kept in view, until the customer scrolls, taps or types themselves.
  function keepAnsweringCardTopInView(root) {
    const cardSelector = '.webchat__basic-transcript__activity .ac-adaptiveCard';
    let after = null;
    let until = 0;
    let frame = 0;
    const stand = () => { until = 0; };
    for (const type of ['wheel', 'touchstart', 'pointerdown', 'keydown']) root.addEventListener(type, stand, { capture: true, passive: true });
    function check() {
      frame = 0;
      if (performance.now() > until) return;
      const cards = [...root.querySelectorAll(cardSelector)];
      const index = after ? cards.indexOf(after) : -1;
      // The cards shown before were drawn anew: which one is new is no longer known, and no card is kept in view.
      if (after && index < 0) return;
      const card = cards[index + 1];
      const scroller = root.querySelector('.webchat__basic-transcript__scrollable');
      const activity = card && card.closest('.webchat__basic-transcript__activity');
      if (scroller && activity) {
        const past = scroller.getBoundingClientRect().top - activity.getBoundingClientRect().top;
        if (past > 1) scroller.scrollTop -= past;
      }
      frame = requestAnimationFrame(check);
    }
    // Called before the card reaches the transcript: the cards already shown are not the one to keep in view.
    return () => {
      const cards = root.querySelectorAll(cardSelector);
      after = cards.length ? cards[cards.length - 1] : null;
      until = performance.now() + 3000;
      if (!frame) frame = requestAnimationFrame(check);
    };
  }

  const isCardFromBot = (activity, userId) => activity.from && activity.from.id !== userId
    && (activity.attachments || []).some(a => a.contentType === 'application/vnd.microsoft.card.adaptive');

  async function start() {
    if (!window.WebChat) {
      showBanner(say('notLoaded'), { error: true, action: true });
      return;
    }
    const saved = readSaved();
    let grant;
    try {
      grant = await fetchToken(saved.conversationId);
    } catch (error) {
      showBanner(say('couldNotStart', error.message), { error: true, action: true });
      return;
    }
    document.getElementById('session').textContent = grant.userName ? say('signedInAs', grant.userName) : say('guest');
    showSignIn(grant.signIn);
    save(grant.conversationId, grant.resumed ? saved.watermark : undefined);

    // Resuming replays the stored log from the start so the transcript shows again; a new conversation is started.
    const directLine = window.WebChat.createDirectLine({
      domain: `${location.origin}/v3/directline`,
      token: grant.token,
      webSocket,
      conversationId: grant.resumed ? grant.conversationId : undefined
    });
    const keepCardTopInView = keepAnsweringCardTopInView(document.getElementById('webchat'));
    let answering = false; // the customer has sent a message whose answering card has not arrived yet
    const store = window.WebChat.createStore({}, () => next => action => {
      if (action.type === 'DIRECT_LINE/POST_ACTIVITY') answering = true;
      if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
        if (directLine.watermark) save(grant.conversationId, directLine.watermark);
        if (answering && isCardFromBot(action.payload.activity, grant.userId)) { answering = false; keepCardTopInView(); }
      }
      return next(action);
    });
    watchConnection(directLine);
    window.closureBotChat = { directLine, store, conversationId: grant.conversationId, resumed: grant.resumed };

    const accent = '#0b5cad';
    const font = '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif';
    window.WebChat.renderWebChat({
      adaptiveCardsHostConfig: adaptiveCardsHostConfig(accent, font),
      directLine,
      store,
      userID: grant.userId,
      username: grant.userName || undefined,
      locale,
      styleOptions: {
        accent,
        // A long card arrives with its top (the step's title) in view, not scrolled past to its last button.
        autoScrollSnapOnPage: true,
        // Every button a person taps is at least 44 px high (WCAG 2.5.5); card buttons get the same in chat.css.
        sendBoxHeight: 44,
        suggestedActionHeight: 44,
        botAvatarInitials: 'CB',
        botAvatarBackgroundColor: '#0b5cad',
        userAvatarInitials: say('you'),
        userAvatarBackgroundColor: '#5b6b7c',
        bubbleBorderRadius: 8,
        bubbleFromUserBackground: '#e8f1fb',
        bubbleFromUserBorderRadius: 8,
        hideUploadButton: true,
        sendBoxButtonColor: '#0b5cad',
        suggestedActionBorderRadius: 16,
        primaryFont: font
      }
    }, document.getElementById('webchat'));
    document.querySelector('[data-id="webchat-sendbox-input"]')?.focus();
  }

  start();
})();
