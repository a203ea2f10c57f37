// Monaco has no nginx grammar; a small Monarch one: comments, directives, blocks, variables.
import type * as Monaco from 'monaco-editor/editor/editor.api';

export function registerNginx(monaco: typeof Monaco) {
  if (monaco.languages.getLanguages().some((l) => l.id === 'nginx')) return;
  monaco.languages.register({ id: 'nginx', aliases: ['nginx'] });
  monaco.languages.setMonarchTokensProvider('nginx', {
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/\$[A-Za-z_][\w]*/, 'variable'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/^\s*[a-z_]+(?=\s|;|\{)/, 'keyword'],
        [/\b\d+[kKmMsShd]?\b/, 'number'],
        [/[{}]/, 'delimiter.bracket'],
        [/;/, 'delimiter'],
      ],
    },
  });
  monaco.languages.setLanguageConfiguration('nginx', {
    comments: { lineComment: '#' },
    brackets: [['{', '}']],
    autoClosingPairs: [{ open: '{', close: '}' }, { open: '"', close: '"' }],
  });
}
