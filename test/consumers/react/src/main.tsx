import { createRoot } from 'react-dom/client';
import { startMockBackend } from 'user-settings-panel/mock/browser';
import { App } from './App.js';

// The test harness: the package's mock answers before the app mounts.
const mock = await startMockBackend({ apiBase: '/api' });
Object.assign(window, { mock });
createRoot(document.getElementById('root')!).render(<App />);
