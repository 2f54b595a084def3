// A new event's short name, suggested from its title as organisers type it (the server makes the same
// one when the box is left empty). Once someone edits the short name themselves, it is theirs.
for (const form of document.querySelectorAll('form[data-slug-from]')) {
  const title = form.querySelector('input[name="title"]');
  const slug = form.querySelector('input[name="slug"]');
  if (!title || !slug) continue;
  let suggested = slug.value === '';
  slug.addEventListener('input', () => {
    suggested = slug.value === '';
  });
  title.addEventListener('input', () => {
    if (!suggested) return;
    slug.value = title.value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  });
}
