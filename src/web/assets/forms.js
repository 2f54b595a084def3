// Forms, made a little kinder when scripts run; every form works the same without this file.

// A refused form: move the focus to the message that says why, so it is read out first.
const problem = document.getElementById('form-error');
if (problem) {
  problem.setAttribute('tabindex', '-1');
  problem.focus();
}

// The team's own video link only matters when the team brings its own room.
for (const form of document.querySelectorAll('form')) {
  const link = form.querySelector('input[name="video_url"]');
  const choices = form.querySelectorAll('input[name="video"]');
  if (!link || choices.length === 0) continue;
  const field = link.closest('.field');
  const update = () => {
    const own = form.querySelector('input[name="video"]:checked')?.value === 'own';
    if (field) field.hidden = !own;
    link.required = own;
  };
  for (const choice of choices) choice.addEventListener('change', update);
  update();
}

// A mailing going out: while messages wait, read the page again every two seconds and show its
// progress (the page says the same on a reload without this).
const progress = document.getElementById('mailing-progress');
if (progress?.dataset.waiting) {
  const refresh = async () => {
    const response = await fetch(location.href, { headers: { accept: 'text/html' } });
    if (!response.ok) return;
    const next = new DOMParser()
      .parseFromString(await response.text(), 'text/html')
      .getElementById('mailing-progress');
    if (!next) return;
    const current = document.getElementById('mailing-progress');
    current?.replaceWith(document.importNode(next, true));
    if (next.dataset.waiting) setTimeout(refresh, 2000);
  };
  setTimeout(refresh, 2000);
}
