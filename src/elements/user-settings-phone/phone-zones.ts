import type { MetadataJson } from 'libphonenumber-js/core';
import { countryCallingCodes, version, zones } from './metadata/index.js';

/**
 * The metadata the phone-number functions read: every calling code from the start, and each
 * world zone's numbering plans once loaded (scripts/phone-metadata.mjs made the files). This
 * module sits with the editors, not with the library, so a zone can load in parallel with it.
 */
export const metadata = { version, country_calling_codes: countryCallingCodes, countries: {}, nonGeographic: {} } as unknown as MetadataJson;

/** Country → its calling code. */
export const callingCodes = new Map(Object.entries(countryCallingCodes).flatMap(([code, ids]) => ids.map((id) => [id, code] as const)));
callingCodes.delete('001');

const loading = new Map<string, Promise<void>>();
const loaded = new Set<string>();

/** The world zone (first digit of the calling code) of a country, or of a number typed with its code (+44…, 0044…). */
function zoneOf(what: string): string | undefined {
  return /^\s*(?:\+|00)\s*([1-9])/.exec(what)?.[1] ?? callingCodes.get(what.toUpperCase())?.[0];
}

/** Whether the plans a country or a +number needs are in (true when there is nothing to load). */
export function isLoaded(what: string): boolean {
  const zone = zoneOf(what);
  return !zone || loaded.has(zone);
}

/** Loads the plans for each country or +number given (unknown and empty ones are skipped). */
export async function load(...what: (string | null | undefined)[]): Promise<void> {
  const wanted = new Set(what.filter((w): w is string => !!w).map(zoneOf).filter((z): z is string => !!z && z in zones));
  await Promise.all([...wanted].map((zone) => {
    let pending = loading.get(zone);
    if (!pending) {
      pending = zones[zone]().then(({ default: plans }) => {
        Object.assign((metadata as unknown as { countries: object }).countries, plans.countries);
        Object.assign((metadata as unknown as { nonGeographic: object }).nonGeographic, plans.nonGeographic);
        loaded.add(zone);
      });
      pending.catch(() => loading.delete(zone)); // a failed load may be retried
      loading.set(zone, pending);
    }
    return pending;
  }));
}
