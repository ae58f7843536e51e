// The floor page of `npm run bench`: the least a profile view can do with the panel's own
// dependencies (lit, @lit/context, ky, zod/mini): fetch the same GET /me, validate it with the
// same schema, provide it through a context and render one element. The panel is compared to it.
import { ContextProvider, createContext } from '@lit/context';
import ky from 'ky';
import { css, html, LitElement } from 'lit';
import { Profile } from '../../src/api/schemas.js';

type ProfileData = ReturnType<typeof Profile.parse>;
const profileContext = createContext<ProfileData | undefined>('floor-profile');

class FloorProfile extends LitElement {
  static override styles = css`:host { display: block; font: 14px system-ui; }`;

  #provider = new ContextProvider(this, { context: profileContext, initialValue: undefined });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    const body = await ky.get('/api/me', { headers: { accept: 'application/json' } }).json();
    this.#provider.setValue(Profile.parse(body));
    this.requestUpdate();
  }

  protected override render() {
    const profile = this.#provider.value;
    return profile ? html`<p>${profile.displayName}: ${profile.email?.address ?? ''}</p>` : html`<p>Loading…</p>`;
  }
}

customElements.define('floor-profile', FloorProfile);
