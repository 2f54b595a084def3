import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
// Only web links: no javascript:, data: or other schemes, even when written as a Markdown link.
markdown.validateLink = (url) => /^https?:\/\//i.test(url.trim());

/**
 * The organisers' Markdown as HTML. Raw HTML in the source is shown as text, and links must be
 * http(s), so event content cannot inject markup or script.
 */
export function markdownToHtml(source: string): string {
  return markdown.render(source);
}
