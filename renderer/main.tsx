import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { useEngine } from './stores/engine.ts';
import { connect } from './transport/connect.ts';
import { routeExternalLinks } from './transport/external-links.ts';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/views.css';

// The transport is chosen once (IPC in the desktop app, HTTP + SSE from `upstream serve`), then the
// store reads the engine and follows its message stream.
const connection = connect();
if (window.upstream) routeExternalLinks(connection.client);
void useEngine.getState().start(connection);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
