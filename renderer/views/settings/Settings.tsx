import './settings.css';
import type { ReactNode } from 'react';
import { hrefs, replaceParams } from '../../app/routes.ts';
import { ErrorNote, Loading } from '../../components/States.tsx';
import { useEngine } from '../../stores/engine.ts';
import { AppearanceSection } from './AppearanceSection.tsx';
import { DataSection } from './DataSection.tsx';
import { NotificationsSection } from './NotificationsSection.tsx';
import { SECTIONS, sectionOf, type SectionId } from './prefs.ts';
import { VendorsSection } from './VendorsSection.tsx';

/**
 * Settings: the watchlist and each vendor's own settings, notifications, appearance, data. Every
 * change goes to the engine through the typed client and shows its outcome beside the control;
 * what is displayed is always what the engine applied (its `settings` message updates the store).
 * The section and the open vendor live in the address (`#/settings?section=vendors&vendor=github`),
 * so a reload or a link from elsewhere lands on the same place.
 */
export function Settings({ params }: { params: URLSearchParams }): ReactNode {
  const status = useEngine((s) => s.status);
  const settings = useEngine((s) => s.settings);
  const loadError = useEngine((s) => s.loadError);
  const reload = useEngine((s) => s.reload);
  const section = sectionOf(params.get('section'));
  const openVendor = params.get('vendor');
  const setOpenVendor = (vendorId: string | null): void => {
    replaceParams('#/settings', { section, ...(vendorId ? { vendor: vendorId } : {}) });
  };
  return (
    <div className="settings">
      <header className="page-head">
        <h1>Settings</h1>
      </header>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label="Settings sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={hrefs.settings({ section: s.id })} aria-current={s.id === section ? 'page' : undefined}>{s.label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-body">
          {status === 'loading' ? <Loading what="your settings" />
            : !settings ? <ErrorNote title="Your settings could not be read." message={loadError ?? 'Upstream did not answer.'} retry={() => void reload()} />
              : <SectionView section={section} openVendor={openVendor} onOpenVendor={setOpenVendor} />}
        </div>
      </div>
    </div>
  );
}

function SectionView({ section, openVendor, onOpenVendor }: { section: SectionId; openVendor: string | null; onOpenVendor(vendorId: string | null): void }): ReactNode {
  const settings = useEngine((s) => s.settings);
  if (!settings) return null;
  switch (section) {
    case 'vendors': return <VendorsSection openVendor={openVendor} onOpenVendor={onOpenVendor} />;
    case 'notifications': return <NotificationsSection settings={settings} />;
    case 'appearance': return <AppearanceSection theme={settings.ui?.theme ?? 'system'} />;
    case 'data': return <DataSection settings={settings} />;
    default: return section satisfies never;
  }
}
