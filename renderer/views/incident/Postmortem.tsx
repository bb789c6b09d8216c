import type { ReactNode } from 'react';
import { Markdown } from '../../components/Markdown.tsx';
import { readPostmortem } from '../../lib/postmortem.ts';

/** A postmortem in the form that reads best for its kind (see lib/postmortem.ts). */
export function PostmortemBody({ text }: { text: string }): ReactNode {
  const pm = readPostmortem(text);
  if (pm.kind === 'structured') {
    return (
      <div className="postmortem structured" data-kind="structured">
        {pm.lead ? <Markdown text={pm.lead} className="postmortem-lead" /> : null}
        {pm.sections.map((s, i) => (
          <section key={`${s.heading}-${i}`} className="postmortem-section" aria-label={s.heading}>
            <h3>{s.heading}</h3>
            <Markdown text={s.body} />
          </section>
        ))}
      </div>
    );
  }
  if (pm.kind === 'markdown') return <div className="postmortem" data-kind="markdown"><Markdown text={pm.text} /></div>;
  return (
    <div className="postmortem prose" data-kind="narrative">
      {pm.paragraphs.map((p, i) => <p key={i}>{p}</p>)}
    </div>
  );
}
