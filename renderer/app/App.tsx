import { useEffect, type ReactNode } from 'react';
import { EmptyState } from '../components/States.tsx';
import { useEngine } from '../stores/engine.ts';
import { Calendar } from '../views/calendar/Calendar.tsx';
import { History } from '../views/history/History.tsx';
import { IncidentPage } from '../views/incident/IncidentPage.tsx';
import { Overview } from '../views/overview/Overview.tsx';
import { Popover } from '../views/popover/Popover.tsx';
import { Postmortems } from '../views/postmortems/Postmortems.tsx';
import { Settings } from '../views/settings/Settings.tsx';
import { VendorPage } from '../views/vendor/VendorPage.tsx';
import { hrefs, useRoute, type Route } from './routes.ts';
import { Shell } from './Shell.tsx';

/** The theme setting applied to the page: system follows the OS, light and dark force one. */
function useTheme(): void {
  const theme = useEngine((s) => s.settings?.ui?.theme ?? 'system');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

function titleOf(route: Route, vendorName: (id: string) => string | undefined): string {
  switch (route.name) {
    case 'overview': return 'Overview';
    case 'popover': return 'Upstream';
    case 'vendor': return vendorName(route.vendorId) ?? 'Vendor';
    case 'incident': return `${vendorName(route.vendorId) ?? 'Vendor'} incident`;
    case 'history': return 'History';
    case 'calendar': return 'Maintenance';
    case 'postmortems': return 'Postmortems';
    case 'settings': return 'Settings';
    default: return 'Not found';
  }
}

function View({ route }: { route: Route }): ReactNode {
  switch (route.name) {
    case 'overview': return <Overview />;
    case 'vendor': return <VendorPage vendorId={route.vendorId} />;
    case 'incident': return <IncidentPage vendorId={route.vendorId} incidentId={route.incidentId} />;
    case 'history': return <History params={route.params} />;
    case 'calendar': return <Calendar params={route.params} />;
    case 'postmortems': return <Postmortems params={route.params} />;
    case 'settings': return <Settings params={route.params} />;
    default: return <EmptyState title="There is no such page" action={<a href={hrefs.overview()}>Go to the overview</a>} />;
  }
}

/** The renderer's root: the theme, the route, and the shell around the view. */
export function App(): ReactNode {
  useTheme();
  const route = useRoute();
  const vendors = useEngine((s) => s.vendors);
  if (route.name === 'popover') return <Popover />;
  const title = titleOf(route, (id) => vendors.find((v) => v.source.id === id)?.source.name);
  return (
    <Shell route={route} title={title}>
      <View route={route} />
    </Shell>
  );
}
