// Shows a signed-in person's own alerts — topics they subscribed to, meetings about to start — on
// the page they have open, as they arrive on the event's stream; also as a browser notification
// when they allowed it. The markup comes from the page's template; data only fills in text.

const region = document.querySelector('[data-alerts-stream]');
const list = document.getElementById('alert-list');
const template = document.getElementById('alert-template');

function show(alert) {
  const item = template.content.firstElementChild.cloneNode(true);
  item.querySelector('.alert__text').textContent = alert.message;
  const link = item.querySelector('.alert__link');
  link.href = alert.url;
  link.textContent = alert.join ? 'Join' : 'Open';
  item.querySelector('.alert__close').addEventListener('click', () => item.remove());
  item.dataset.kind = alert.kind;
  list.append(item);
  if ('Notification' in window && Notification.permission === 'granted') {
    const notice = new Notification('Convene', { body: alert.message, tag: `${alert.kind}:${alert.team}` });
    notice.addEventListener('click', () => window.open(alert.url, '_self'));
  }
}

if (region && list && template) {
  const stream = new EventSource(region.dataset.alertsStream);
  stream.addEventListener('alert', (event) => {
    try {
      show(JSON.parse(event.data));
    } catch {
      // A message this page cannot read is skipped; the next one may be fine.
    }
  });
}

for (const button of document.querySelectorAll('[data-notification-permission]')) {
  if (!('Notification' in window) || Notification.permission !== 'default') continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    await Notification.requestPermission();
    button.hidden = true;
  });
}
