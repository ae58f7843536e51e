// The JSON entries, typed from the files themselves (resolveJsonModule; a bundler reads them).
import openapi from 'user-settings-panel/openapi.json';
import manifest from 'user-settings-panel/custom-elements.json';
import pkg from 'user-settings-panel/package.json';

export const documents = [openapi.openapi, openapi.paths['/me'], manifest.schemaVersion, manifest.modules.length, pkg.version, pkg.exports['./define']];
