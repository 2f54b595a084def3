// The booking grid, made quicker when scripts run: shift-click ticks a run of hours, the arrow keys
// move across the grid (Shift ticks as it moves), and a line says what is ticked. Without this file
// the grid is the same form of boxes to tick.

for (const form of document.querySelectorAll('form[data-booking-grid]')) {
  const rows = [...form.querySelectorAll('tbody tr[data-slot]')].map((row) => [
    ...row.querySelectorAll('td'),
  ]);
  const boxes = [...form.querySelectorAll('input[name="cell"]')];
  const summary = form.querySelector('#grid-selection');
  const target = (cell) => cell.querySelector('input') ?? cell;
  const place = (cell) => {
    for (const [y, row] of rows.entries()) {
      const x = row.indexOf(cell);
      if (x >= 0) return { x, y };
    }
    return null;
  };
  let anchor = null;
  let shiftHeld = false;

  // One stop in the tab order; the arrow keys reach the rest, greyed cells included (they say why).
  for (const row of rows) for (const cell of row) target(cell).tabIndex = -1;
  const first = boxes[0] ?? (rows[0] ? target(rows[0][0]) : null);
  if (first) first.tabIndex = 0;
  const focusCell = (cell) => {
    for (const row of rows) for (const other of row) target(other).tabIndex = -1;
    const element = target(cell);
    element.tabIndex = 0;
    element.focus();
  };

  const tick = (box) => {
    box.checked = true;
  };
  // Hours are booked in one room at a time: ticking a box in another room clears the others.
  const keepOneRoom = (box) => {
    if (!box.checked) return;
    for (const other of boxes) if (other.dataset.room !== box.dataset.room) other.checked = false;
  };
  const tickBetween = (from, to) => {
    const a = place(from.closest('td'));
    const b = place(to.closest('td'));
    if (!a || !b || a.x !== b.x) return;
    for (let y = Math.min(a.y, b.y); y <= Math.max(a.y, b.y); y++) {
      const box = rows[y]?.[a.x]?.querySelector('input');
      if (box) tick(box);
    }
  };
  const describe = () => {
    const ticked = boxes.filter((box) => box.checked);
    if (!summary) return;
    if (ticked.length === 0) {
      summary.textContent = '';
      return;
    }
    const hours = ticked.length === 1 ? '1 hour' : `${ticked.length} hours`;
    const range = ticked.length === 1 ? ticked[0].value : `${ticked[0].value} to ${ticked.at(-1).value}`;
    summary.textContent = `Ticked: ${hours} in ${ticked[0].dataset.room} (${range}).`;
  };

  form.addEventListener('mousedown', (event) => {
    shiftHeld = event.shiftKey;
  });
  form.addEventListener('click', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.name !== 'cell') return;
    keepOneRoom(box);
    if ((event.shiftKey || shiftHeld) && anchor && anchor !== box) tickBetween(anchor, box);
    shiftHeld = false;
    anchor = box;
    describe();
  });
  form.addEventListener('change', describe);

  const moves = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
  form.addEventListener('keydown', (event) => {
    const move = moves[event.key];
    const cell = event.target instanceof Element ? event.target.closest('td') : null;
    const at = cell ? place(cell) : null;
    if (!move || !at) return;
    const next = rows[at.y + move[1]]?.[at.x + move[0]];
    event.preventDefault();
    if (!next) return;
    focusCell(next);
    const box = next.querySelector('input');
    const from = cell.querySelector('input');
    if (event.shiftKey && box && from && move[0] === 0) {
      tick(from);
      tick(box);
      keepOneRoom(box);
      anchor = box;
      describe();
    }
  });
  describe();
}
