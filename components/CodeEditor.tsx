'use client';
// Monaco, bundled with the app: loaded on first use in the browser, its workers built from
// components/monaco/*.worker.ts. Edits a text; saving is the caller's.
import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { languageFor } from './editor-language';
import { registerNginx } from './monaco/nginx';

let loading: Promise<typeof Monaco> | undefined;
function loadMonaco(): Promise<typeof Monaco> {
  loading ??= (async () => {
    (self as unknown as { MonacoEnvironment: Monaco.Environment }).MonacoEnvironment = {
      getWorker(_id, label) {
        if (label === 'json') return new Worker(new URL('./monaco/json.worker.ts', import.meta.url), { type: 'module' });
        return new Worker(new URL('./monaco/editor.worker.ts', import.meta.url), { type: 'module' });
      },
    };
    const monaco = await import('monaco-editor/editor/editor.api');
    await Promise.all([
      import('monaco-editor/languages/definitions/yaml/register'),
      import('monaco-editor/languages/definitions/shell/register'),
      import('monaco-editor/languages/definitions/ini/register'),
      import('monaco-editor/language/json/monaco.contribution'),
    ]);
    registerNginx(monaco);
    return monaco;
  })();
  return loading;
}

export function CodeEditor({ path, value, onChange, onSave }: { path: string; value: string; onChange: (text: string) => void; onSave: () => void }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const callbacks = useRef({ onChange, onSave });
  callbacks.current = { onChange, onSave };
  // Monaco loads after the first render; it must start from the latest file, not the first.
  const latest = useRef({ path, value });
  latest.current = { path, value };

  useEffect(() => {
    let disposed = false;
    const disposables: Monaco.IDisposable[] = [];
    void loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      monacoRef.current = monaco;
      const instance = monaco.editor.create(host.current, {
        value: latest.current.value,
        language: languageFor(latest.current.path),
        theme: 'vs-dark',
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        scrollBeyondLastLine: false,
        tabSize: 2,
      });
      editor.current = instance;
      disposables.push(instance.onDidChangeModelContent(() => callbacks.current.onChange(instance.getValue())));
      instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => callbacks.current.onSave());
      host.current.dataset.ready = 'true';
    });
    return () => {
      disposed = true;
      for (const d of disposables) d.dispose();
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
    // The editor is created once; path and value changes go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = editor.current;
    const monaco = monacoRef.current;
    if (!instance || !monaco) return;
    const model = instance.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
    if (model) monaco.editor.setModelLanguage(model, languageFor(path));
  }, [path, value]);

  return <div ref={host} className="code-editor" data-path={path} data-language={languageFor(path)} />;
}
