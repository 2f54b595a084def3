// House rules the formatter cannot see: imports point inward, and the core stays pure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

/** Which top-level folders of src/ each folder may import from. */
const allowed = {
  core: ['core'],
  app: ['core', 'app', 'bus', 'store', 'demo', 'mail'],
  store: ['core', 'store'],
  bus: ['core', 'bus'],
  demo: ['core', 'demo'],
  exporters: ['core', 'exporters'],
  web: ['core', 'app', 'web', 'exporters', 'chat', 'mail'],
  chat: ['core', 'app', 'chat'],
  mail: ['core', 'mail'],
};

const corePurity = [
  [/from ['"]node:/, 'imports a node: module'],
  [/\bDate\.now\(/, 'reads the wall clock (use ctx.now)'],
  [/new Date\(\s*\)/, 'reads the wall clock (use ctx.now)'],
  [/\bMath\.random\(/, 'uses randomness (use ctx.newId)'],
  [/\bprocess\./, 'reads the process environment'],
];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}

const problems = [];
for (const file of files(src)) {
  const layer = relative(src, file).split('/')[0];
  const text = readFileSync(file, 'utf8');
  const rules = /\.test\.tsx?$/.test(file) ? null : allowed[layer];
  for (const match of text.matchAll(/from ['"](\.[^'"]+)['"]/g)) {
    const target = relative(src, resolve(dirname(file), match[1])).split('/')[0];
    if (rules && !rules.includes(target))
      problems.push(`${relative(root, file)}: ${layer}/ must not import ${target}/ (${match[1]})`);
  }
  if (layer === 'core' && !/\.test\.tsx?$/.test(file)) {
    for (const [pattern, why] of corePurity)
      if (pattern.test(text)) problems.push(`${relative(root, file)}: the core ${why}`);
  }
}

if (problems.length > 0) {
  console.error(`House rules broken:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('House rules hold: imports point inward and the core is pure.');
