/** One world zone's slice of libphonenumber-js metadata (see scripts/phone-metadata.mjs). */
export interface MetadataZone {
  countries: Record<string, unknown>;
  nonGeographic: Record<string, unknown>;
}
