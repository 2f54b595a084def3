import { markdownToHtml } from '../markdown.ts';

/** Organisers' Markdown, rendered: raw HTML in it shows as text and links must be http(s). */
export function MarkdownBlock(props: { source: string; class?: string }) {
  return <div class={props.class} dangerouslySetInnerHTML={{ __html: markdownToHtml(props.source) }} />;
}
