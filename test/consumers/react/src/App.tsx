// A React 19 host: no declaration of its own; the JSX typing comes with `user-settings-panel/define`.
import { useState } from 'react';
import 'user-settings-panel/define';

export function App() {
  const [changed, setChanged] = useState<string[]>([]);
  return (
    <main>
      <user-settings-panel
        host="business-center"
        api-base="/api"
        headers={{ authorization: 'Bearer consumer-token' }}
        onusp-changed={(e) => setChanged([...changed, e.detail.capability])}
        onusp-session-expired={() => window.location.assign('#login')}
      />
      <output>{changed.join(', ')}</output>
    </main>
  );
}
