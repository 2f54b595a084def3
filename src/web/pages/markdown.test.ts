import { describe, expect, it } from 'vitest';
import { markdownToHtml } from './markdown.ts';

describe('markdownToHtml', () => {
  it('renders the organisers’ Markdown', () => {
    expect(markdownToHtml('### FAQ\n- **free**')).toBe(
      '<h3>FAQ</h3>\n<ul>\n<li><strong>free</strong></li>\n</ul>\n',
    );
  });

  it('shows raw HTML as text and refuses links that are not http(s)', () => {
    const html = markdownToHtml('<script>alert(1)</script> [x](javascript:alert(1)) [y](https://ok.example)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<a href="https://ok.example">y</a>');
  });
});
