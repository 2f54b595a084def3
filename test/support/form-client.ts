import type { FastifyInstance } from 'fastify';

/** A page as a browser would get it. */
export interface Page {
  readonly status: number;
  readonly html: string;
  /** where a redirect points, if it is one */
  readonly location: string | null;
  readonly headers: Readonly<Record<string, unknown>>;
}

export type Fields = Record<string, string | readonly string[]>;

let clients = 1;

/**
 * A browser without a browser, over `app.inject()`: keeps cookies like one, reads the CSRF token out
 * of the last page it got, and posts forms as `application/x-www-form-urlencoded`.
 */
export class FormClient {
  readonly cookies = new Map<string, string>();
  /** the CSRF token of the last page that had a form */
  csrf: string | null = null;

  /** each client comes from an address of its own, as people do, so rate limits count it alone */
  readonly address = `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients++ & 255}`;

  constructor(private readonly app: FastifyInstance) {}

  async get(url: string): Promise<Page> {
    return this.request('GET', url);
  }

  /** Posts a form; the last token seen is added unless `csrf` says otherwise (`false`: none at all). */
  async post(url: string, fields: Fields, csrf: string | false | null = this.csrf): Promise<Page> {
    const body = new URLSearchParams();
    if (csrf) body.append('_csrf', csrf);
    for (const [name, value] of Object.entries(fields))
      for (const item of typeof value === 'string' ? [value] : value) body.append(name, item);
    return this.request('POST', url, body.toString());
  }

  /** The `Cookie` header this client sends, or null when it holds no cookie. */
  cookieHeader(): string | null {
    if (this.cookies.size === 0) return null;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Follows a redirect a page answered with. */
  async follow(page: Page): Promise<Page> {
    if (!page.location) throw new Error(`not a redirect (${page.status}):\n${page.html.slice(0, 500)}`);
    return this.get(page.location);
  }

  private async request(method: 'GET' | 'POST', url: string, payload?: string): Promise<Page> {
    const target = new URL(url, 'http://localhost');
    const cookie = this.cookieHeader();
    const response = await this.app.inject({
      method,
      url: `${target.pathname}${target.search}`,
      remoteAddress: this.address,
      headers: {
        accept: 'text/html',
        ...(cookie ? { cookie } : {}),
        ...(payload === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(payload === undefined ? {} : { payload }),
    });
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      expires?: Date;
      maxAge?: number;
    }[]) {
      const gone =
        !cookie.value || cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < Date.now());
      if (gone) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const html = response.body;
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrf = token;
    const location = response.headers.location;
    return {
      status: response.statusCode,
      html,
      location: typeof location === 'string' ? location : null,
      headers: response.headers,
    };
  }
}

/** The text of a page without its tags, spaces collapsed: what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The hidden fields (but the CSRF token) of the page's form that posts to an address ending in `action`. */
export function hiddenFields(html: string, action: string): Record<string, string> {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((candidate) => /action="([^"]*)"/.exec(candidate)?.[1]?.endsWith(action)) ?? '';
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    if (match[1] !== '_csrf')
      fields[match[1] as string] = (match[2] as string)
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&');
  return fields;
}
