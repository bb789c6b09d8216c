import type { UpstreamClient } from '../../shared/contract/client.ts';

/**
 * In the desktop app, a link to the outside world is never followed by the page: the click asks
 * the engine (`links.open`) with what the link belongs to (the nearest `data-vendor-id` and
 * `data-incident-id`), and the main process opens only the stored URL the engine answers. In a
 * browser (`upstream serve`) links open as links do.
 */
export function routeExternalLinks(client: UpstreamClient, root: Document = document): void {
  root.addEventListener('click', (event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement) || !/^https?:/i.test(anchor.href) || anchor.origin === window.location.origin) return;
    event.preventDefault();
    const context = anchor.closest<HTMLElement>('[data-vendor-id]');
    const vendorId = context?.dataset.vendorId;
    if (!vendorId) return;
    const incidentId = anchor.closest<HTMLElement>('[data-incident-id]')?.dataset.incidentId;
    void client.links.open({ vendorId, url: anchor.href, ...(incidentId ? { incidentId } : {}) });
  });
}
