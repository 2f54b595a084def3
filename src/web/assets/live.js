// Makes a page live: follows the event's stream and, when a view changes, fetches the page again
// and patches its regions in place (same elements, focus and scroll kept). The server renders
// every byte of HTML, so this script never builds markup from data.

const root = document.querySelector('[data-stream]');
const announcer = document.getElementById('announcer');
const followKey = 'convene.follow';

function followed() {
  try {
    return new Set(JSON.parse(localStorage.getItem(followKey) ?? '[]'));
  } catch {
    return new Set();
  }
}

function setFollowed(teams) {
  localStorage.setItem(followKey, JSON.stringify([...teams]));
}

function showFollowButtons() {
  const teams = followed();
  for (const button of document.querySelectorAll('[data-follow]')) {
    const on = teams.has(button.dataset.follow);
    button.hidden = false;
    button.setAttribute('aria-pressed', String(on));
    button.firstChild.textContent = on ? 'Following' : 'Follow';
  }
}

document.addEventListener('click', (event) => {
  const button = event.target.closest?.('[data-follow]');
  if (!button) return;
  const teams = followed();
  const team = button.dataset.follow;
  if (teams.has(team)) teams.delete(team);
  else teams.add(team);
  setFollowed(teams);
  showFollowButtons();
});

/** Topics shown now, by team, to tell what changed for the teams the viewer follows. */
function topics() {
  const found = new Map();
  for (const item of document.querySelectorAll('[data-team][data-topic]')) {
    found.set(item.dataset.team, {
      text: item.dataset.topic,
      name: item.querySelector('.badge')?.textContent,
    });
  }
  return found;
}

function announce(before, after) {
  const teams = followed();
  const said = [];
  for (const [team, topic] of after) {
    if (teams.has(team) && before.get(team)?.text !== topic.text)
      said.push(`${topic.name} now: ${topic.text}`);
  }
  if (said.length > 0 && announcer) announcer.textContent = said.join('. ');
}

/** Makes `old` look like `fresh`, touching only what differs. */
function morph(old, fresh) {
  if (old.nodeType !== fresh.nodeType || old.nodeName !== fresh.nodeName || old.id !== fresh.id) {
    old.replaceWith(document.importNode(fresh, true));
    return;
  }
  if (old.nodeType === Node.TEXT_NODE) {
    if (old.textContent !== fresh.textContent) old.textContent = fresh.textContent;
    return;
  }
  if (old.nodeType !== Node.ELEMENT_NODE) return;
  if (old.outerHTML === fresh.outerHTML) return;
  for (const { name, value } of fresh.attributes) {
    if (old.getAttribute(name) !== value && name !== 'hidden' && name !== 'aria-pressed')
      old.setAttribute(name, value);
  }
  for (const { name } of [...old.attributes]) {
    if (!fresh.hasAttribute(name) && name !== 'hidden' && name !== 'aria-pressed') old.removeAttribute(name);
  }
  const byId = new Map();
  for (const child of old.children) if (child.id) byId.set(child.id, child);
  const freshChildren = [...fresh.childNodes];
  let cursor = old.firstChild;
  for (const child of freshChildren) {
    const match = child.id ? byId.get(child.id) : cursor;
    if (child.id && !match) {
      old.insertBefore(document.importNode(child, true), cursor);
      continue;
    }
    if (!match) {
      old.appendChild(document.importNode(child, true));
      continue;
    }
    if (match !== cursor) old.insertBefore(match, cursor);
    cursor = match.nextSibling;
    morph(match, child);
  }
  while (cursor) {
    const next = cursor.nextSibling;
    cursor.remove();
    cursor = next;
  }
}

let refreshing = null;
let again = false;

/** Fetches the page as it is now and patches every region that changed. */
async function refresh() {
  if (refreshing) {
    again = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      again = false;
      const response = await fetch(location.href, { headers: { accept: 'text/html' }, cache: 'no-store' });
      if (!response.ok) return;
      const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
      const before = topics();
      for (const region of doc.querySelectorAll('[data-region]')) {
        const current = document.getElementById(region.id);
        if (current) morph(current, region);
      }
      swapStylesheets(doc);
      showFollowButtons();
      announce(before, topics());
    } while (again);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Team colours live in a versioned style sheet; a new version replaces the old link. */
function swapStylesheets(doc) {
  const wanted = [...doc.querySelectorAll('link[rel=stylesheet]')].map((link) => link.getAttribute('href'));
  const present = [...document.querySelectorAll('link[rel=stylesheet]')];
  for (const href of wanted) {
    if (present.some((link) => link.getAttribute('href') === href)) continue;
    const stale = present.find((link) => link.getAttribute('href').split('?')[0] === href.split('?')[0]);
    if (stale) stale.setAttribute('href', href);
  }
}

function rememberZone(zone) {
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie; Cookie Store is not in every browser
  document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
}

function hasZoneCookie() {
  return document.cookie.split(';').some((part) => part.trim().startsWith('tz='));
}

const switcher = document.querySelector('[data-zone-switcher]');
switcher?.addEventListener('change', () => {
  const zone = switcher.elements.tz.value;
  rememberZone(zone);
  const url = new URL(location.href);
  url.searchParams.set('tz', zone);
  history.replaceState(null, '', url);
  refresh();
});

function follow() {
  if (!root) return;
  const stream = new EventSource(root.dataset.stream);
  // The stream starts after the revision the page shows, so every message is news.
  const changed = () => refresh();
  stream.addEventListener('snapshot', changed);
  stream.addEventListener('board', changed);
  stream.addEventListener('schedule', changed);
  const status = document.getElementById('live-status');
  stream.addEventListener('open', () => {
    if (!status) return;
    status.hidden = false;
    status.textContent = 'Live: this page updates by itself.';
  });
  // The browser reconnects by itself, sending the last id it saw; the server then resends what
  // was missed, or a snapshot, and either makes this page refresh.
  // A refusal (the server is full of streams, or the database is restarting) ends the stream for
  // good: try again later, at a random moment so refused pages do not all return at once.
  stream.addEventListener('error', () => {
    if (status && !status.hidden) status.textContent = 'Connection lost; reconnecting…';
    if (stream.readyState !== EventSource.CLOSED) return;
    setTimeout(follow, 15_000 + Math.random() * 30_000);
  });
}

/** Signed in with follows kept on this browser from before: offer to move them to the account. */
function offerFollows() {
  const offer = document.querySelector('[data-follow-offer]');
  const teams = [...followed()];
  if (!offer || teams.length === 0) return;
  offer.querySelector('.follow-offer__teams').textContent = teams.join(', ');
  offer.hidden = false;
  offer.querySelector('[data-follow-offer-accept]').addEventListener('click', async () => {
    const response = await fetch(offer.dataset.followOffer, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': offer.dataset.csrf },
      body: JSON.stringify({ teams }),
    });
    if (!response.ok) return;
    setFollowed([]);
    location.reload();
  });
  offer.querySelector('[data-follow-offer-dismiss]').addEventListener('click', () => {
    setFollowed([]);
    offer.hidden = true;
  });
}

showFollowButtons();
offerFollows();
if (!hasZoneCookie() && !new URL(location.href).searchParams.has('tz')) {
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (browserZone) {
    rememberZone(browserZone);
    if (root && browserZone !== root.dataset.zone) refresh();
  }
}
follow();
