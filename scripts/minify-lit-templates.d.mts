import type { Plugin } from 'vite';
/** Minifies the static text of every css`` and html`` tagged template in `code`. */
export function minifyLitTemplates(code: string): string;
/** The vite plugin: applies {@link minifyLitTemplates} to the project's TypeScript sources. */
export function minifyLitTemplatesPlugin(): Plugin;
