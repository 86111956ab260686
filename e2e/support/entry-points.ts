// The app's entry points as the file system has them: route handlers by method and URL, server
// actions by file and export, pages by URL. Specs that must reach every entry point read them from
// here, never from a hand-kept list.
import fs from 'node:fs';
import path from 'node:path';

const APP = path.resolve(import.meta.dirname, '..', '..', 'app');

/** Files under app/ named `name`, as paths relative to the project root. */
export function appFiles(name: string): string[] {
  return (fs.readdirSync(APP, { recursive: true }) as string[]).filter((file) => path.basename(file) === name).map((file) => path.join('app', file)).sort();
}

/** app/(app)/leads/[id]/page.tsx -> /leads/[id] */
export const urlOf = (file: string) => `/${path.dirname(file).split(path.sep).slice(1).filter((part) => !/^\(.*\)$/.test(part)).join('/')}`;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every route handler: `METHOD url`, its method and its URL. */
export function routeHandlers(): { key: string; method: string; url: string }[] {
  return appFiles('route.ts').flatMap((file) => {
    const source = fs.readFileSync(path.resolve(APP, '..', file), 'utf8');
    const methods = METHODS.filter((method) => new RegExp(`export (const|async function|function) ${method}\\b|export const \\{[^}]*\\b${method}\\b`).test(source));
    return methods.map((method) => ({ key: `${method} ${urlOf(file)}`, method, url: urlOf(file) }));
  });
}

/** The exported functions of each actions.ts on disk, as `file#export`. */
export function actionsOnDisk(): string[] {
  return appFiles('actions.ts').flatMap((file) => {
    const source = fs.readFileSync(path.resolve(APP, '..', file), 'utf8');
    return [...source.matchAll(/^export (?:const|async function) (\w+)/gm)].map((match) => `${file}#${match[1]}`);
  });
}
