// Monaco entry points imported only for their side effects (registering a language); the
// package ships no declarations for them.
declare module 'monaco-editor/language/json/monaco.contribution';
declare module 'monaco-editor/language/json/json.worker';
declare module 'monaco-editor/editor/editor.worker';
