import { markdownToHtml } from '../markdown.ts';

/**
 * Organisers' Markdown, rendered; nothing at all for blank text. Setting the HTML directly is safe:
 * markdown-it runs with raw HTML off and http(s)-only links, so every piece of text is escaped.
 */
export function MarkdownBlock(props: { source: string; class?: string }) {
  if (!props.source.trim()) return null;
  return <div class={props.class} dangerouslySetInnerHTML={{ __html: markdownToHtml(props.source) }} />;
}
