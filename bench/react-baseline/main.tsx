import { createRoot } from 'react-dom/client';

// The smallest React page the same build settings produce: the bundle-size baseline (bench/ui.ts).
createRoot(document.getElementById('root')!).render(<p>Hello</p>);
