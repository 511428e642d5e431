import fs from 'node:fs';
import path from 'node:path';

/**
 * The TypeScript wiring snippets of the READMEs, one per target file of a Backstage app.
 *
 * Every ```ts / ```tsx block of the READMEs a user installs from starts with a comment naming the
 * file of their app it goes into (`// packages/backend/src/index.ts`); a block may switch files
 * with another such comment. A block without one fails the test rather than going unchecked.
 */
export interface ReadmeSnippet {
  /** README path relative to the repository, and the 1-based line of the section. */
  source: string;
  /** The app file the section goes into, e.g. `packages/app/src/App.tsx`. */
  target: string;
  code: string;
}

const FENCE = /^```(ts|tsx|typescript)\n([\s\S]*?)^```/gm;
const TARGET = /^\/\/ (packages\/(?:app|backend)\/src\/[\w./-]+\.tsx?)\b/;

export function extractSnippets(
  repoRoot: string,
  readme: string,
): { snippets: ReadmeSnippet[]; unmarked: string[] } {
  const text = fs.readFileSync(path.join(repoRoot, readme), 'utf8');
  const snippets: ReadmeSnippet[] = [];
  const unmarked: string[] = [];
  for (const match of text.matchAll(FENCE)) {
    const blockLine = text.slice(0, match.index).split('\n').length + 1;
    const lines = match[2].split('\n');
    if (!TARGET.test(lines[0])) {
      unmarked.push(`${readme}:${blockLine}`);
      continue;
    }
    let current: ReadmeSnippet | undefined;
    lines.forEach((line, index) => {
      const target = TARGET.exec(line)?.[1];
      if (target) {
        current = {
          source: `${readme}:${blockLine + index}`,
          target,
          code: '',
        };
        snippets.push(current);
      }
      current!.code += `${line}\n`;
    });
  }
  return { snippets, unmarked };
}

/**
 * What a file of an app made by `@backstage/create-app` already has before the user pastes a
 * snippet into it: the snippets show only what they add. An identifier the snippet imports or
 * declares itself is left out. Anything else the snippet uses (an icon, say) it must import.
 */
const FRESH_APP_CONTEXT: Record<string, string[]> = {
  'packages/backend/src/index.ts': [
    "import { createBackend } from '@backstage/backend-defaults';",
    'const backend = createBackend();',
  ],
  // A file of the user's own: a backend module (zeroops-backend README, environment supplier).
  'packages/backend/src/modules/zeroopsInventory.ts': [],
  'packages/app/src/App.tsx': [
    "import { FlatRoutes } from '@backstage/core-app-api';",
    "import { Route } from 'react-router-dom';",
  ],
  'packages/app/src/components/catalog/EntityPage.tsx': [
    "import { Grid } from '@material-ui/core';",
    "import { EntityAboutCard, EntityLayout, EntitySwitch } from '@backstage/plugin-catalog';",
    'const entityWarningContent = <></>;',
  ],
  'packages/app/src/components/Root/Root.tsx': [
    "import { SidebarItem } from '@backstage/core-components';",
    "import HomeIcon from '@material-ui/icons/Home';",
  ],
};

/** One line of context without what the snippet provides itself, or undefined if nothing is left. */
function contextLine(line: string, code: string): string | undefined {
  const named = /^import \{([^}]*)\}(.*)$/.exec(line);
  if (named) {
    const missing = named[1]
      .split(',')
      .map(name => name.trim())
      .filter(name => !declares(code, name));
    return missing.length
      ? `import { ${missing.join(', ')} }${named[2]}`
      : undefined;
  }
  const single = /^(?:import|const) (\w+)/.exec(line);
  return single && declares(code, single[1]) ? undefined : line;
}

/** Whether the snippet imports or declares `name` itself. */
function declares(code: string, name: string): boolean {
  const imports = [...code.matchAll(/^import\s+([\s\S]*?)\s+from\s/gm)].map(
    m => m[1],
  );
  return (
    imports.some(clause => new RegExp(`\\b${name}\\b`).test(clause)) ||
    new RegExp(`^(?:const|let|function|class)\\s+${name}\\b`, 'm').test(code)
  );
}

/** The snippet as a module that compiles on its own inside a fresh app's file. */
export function asModule(snippet: ReadmeSnippet): string {
  const context = FRESH_APP_CONTEXT[snippet.target];
  if (!context) {
    throw new Error(
      `${snippet.source}: no fresh-app context for ${snippet.target}; add it to FRESH_APP_CONTEXT`,
    );
  }
  const prelude = context.flatMap(
    line => contextLine(line, snippet.code) ?? [],
  );
  return `${prelude.join('\n')}\n// ${snippet.source}\n${
    snippet.code
  }\nexport {};\n`;
}
