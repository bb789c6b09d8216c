import type { ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import { safeHref } from '../lib/links.ts';

/*
 * SECURITY-CRITICAL. Vendor text is hostile. react-markdown builds React elements and never sets
 * innerHTML; raw HTML in the text is turned into visible text (not parsed), links are kept only
 * for absolute http(s) URLs and open outside the app, and images never load (the alt text and a
 * link are shown instead). Do not add rehype-raw or an `img` element here.
 */
const components: Components = {
  a: ({ href, children }) => {
    const safe = safeHref(href);
    return safe ? <a href={safe} target="_blank" rel="noopener noreferrer external">{children}</a> : <span className="md-dead-link">{children}</span>;
  },
  img: ({ src, alt }) => {
    const safe = safeHref(typeof src === 'string' ? src : null);
    return safe ? <a href={safe} target="_blank" rel="noopener noreferrer external">{alt || 'image'}</a> : <span>{alt}</span>;
  },
  // Headings inside vendor text sit below our page's own headings.
  h1: ({ children }) => <h4>{children}</h4>,
  h2: ({ children }) => <h4>{children}</h4>,
  h3: ({ children }) => <h5>{children}</h5>,
};

/** Keep links only where safeHref allows; react-markdown's own filter runs first. */
const urlTransform = (url: string): string => safeHref(url) ?? '';

/**
 * Vendor text (updates, postmortems) rendered as markdown, safely. Single line breaks are kept:
 * vendors write plain text with hard-wrapped lists far more often than real markdown.
 */
export function Markdown({ text, className }: { text: string; className?: string }): ReactNode {
  return (
    <div className={['markdown', className].filter(Boolean).join(' ')}>
      <ReactMarkdown remarkPlugins={[remarkGfm, remarkBreaks]} components={components} urlTransform={urlTransform}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
