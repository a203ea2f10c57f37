// Markdown to HTML on the server, for lessons, lab descriptions and task texts: GitHub-flavoured
// markdown, code highlighted by Shiki (no client-side highlighter, no CDN), callouts
// (`> [!NOTE]`), heading anchors, and images resolved to Netdojo's own URLs.
import { Marked, type Tokens } from 'marked';
import { createHighlighter, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

const LANGUAGES = ['bash', 'shellsession', 'yaml', 'json', 'nginx', 'ini', 'diff', 'python', 'dockerfile', 'javascript', 'log'] as const;
/** Names authors use for the same language. */
const ALIASES: Record<string, string> = { sh: 'bash', shell: 'bash', console: 'shellsession', yml: 'yaml', conf: 'ini', dns: 'ini' };
const THEME = 'github-dark-dimmed';

const CALLOUTS: Record<string, string> = { NOTE: 'Note', TIP: 'Tip', WARNING: 'Warning', PITFALL: 'Pitfall' };

// The JavaScript regex engine: no WebAssembly to load, and the same output for these grammars.
let highlighter: Promise<Highlighter> | undefined;
function getHighlighter(): Promise<Highlighter> {
  return (highlighter ??= createHighlighter({ themes: [THEME], langs: [...LANGUAGES], engine: createJavaScriptRegexEngine() }));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain text of rendered inline HTML, for a table of contents. */
function plainText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
  return html.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => entities[e]!);
}

export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export interface Heading {
  id: string;
  text: string;
  depth: number;
}

export interface RenderOptions {
  /** Turns a relative image or link target into a URL the browser can load. */
  resolveUrl?: (href: string) => string;
  /** Renders a fenced block of a custom language (e.g. `capture`); undefined falls through. */
  block?: (lang: string, text: string) => string | undefined;
}

export interface Rendered {
  html: string;
  headings: Heading[];
}

export async function renderMarkdown(source: string, options: RenderOptions = {}): Promise<Rendered> {
  const shiki = await getHighlighter();
  const headings: Heading[] = [];
  const resolve = (href: string) => (/^([a-z]+:|\/|#)/i.test(href) ? href : (options.resolveUrl?.(href) ?? href));
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      code({ text, lang }: Tokens.Code) {
        const name = (lang ?? '').trim().split(/\s+/)[0] ?? '';
        const custom = name ? options.block?.(name, text) : undefined;
        if (custom !== undefined) return custom;
        const language = ALIASES[name] ?? name;
        if ((LANGUAGES as readonly string[]).includes(language)) {
          return `<div class="code" data-lang="${escapeHtml(name)}">${shiki.codeToHtml(text, { lang: language, theme: THEME })}</div>`;
        }
        return `<div class="code" data-lang="${escapeHtml(name || 'text')}"><pre class="shiki"><code>${escapeHtml(text)}</code></pre></div>`;
      },
      heading({ tokens, depth }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        const text = plainText(inner);
        const id = slugify(text);
        headings.push({ id, text, depth });
        return `<h${depth} id="${id}"><a class="anchor" href="#${id}" aria-hidden="true">#</a>${inner}</h${depth}>\n`;
      },
      blockquote({ tokens }: Tokens.Blockquote) {
        const inner = this.parser.parse(tokens);
        const callout = /^<p>\[!(NOTE|TIP|WARNING|PITFALL)\]\s*/.exec(inner);
        if (!callout) return `<blockquote>${inner}</blockquote>\n`;
        const kind = callout[1]!;
        const body = `<p>${inner.slice(callout[0].length)}`.replace(/^<p><\/p>\s*/, '');
        return `<aside class="callout callout-${kind.toLowerCase()}"><div class="callout-title">${CALLOUTS[kind]}</div>${body}</aside>\n`;
      },
      image({ href, title, text }: Tokens.Image) {
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        return `<figure><img src="${escapeHtml(resolve(href))}" alt="${escapeHtml(text)}"${titleAttr} loading="lazy"><figcaption>${escapeHtml(text)}</figcaption></figure>`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(resolve(href))}"${titleAttr}>${this.parser.parseInline(tokens)}</a>`;
      },
      table(token: Tokens.Table) {
        // Wide tables scroll inside the page instead of widening it.
        const header = token.header.map((cell) => `<th${cell.align ? ` style="text-align:${cell.align}"` : ''}>${this.parser.parseInline(cell.tokens)}</th>`).join('');
        const rows = token.rows.map((row) => `<tr>${row.map((cell) => `<td${cell.align ? ` style="text-align:${cell.align}"` : ''}>${this.parser.parseInline(cell.tokens)}</td>`).join('')}</tr>`).join('');
        return `<div class="table-wrap"><table><thead><tr>${header}</tr></thead><tbody>${rows}</tbody></table></div>\n`;
      },
    },
  });
  const html = marked.parse(source) as string;
  return { html, headings };
}

/** Inline markdown (a task title, a hint), without block wrapping. */
export function renderInline(source: string): string {
  return new Marked({ gfm: true, async: false }).parseInline(source) as string;
}
