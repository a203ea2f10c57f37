// Monaco's editor worker, as its own bundle entry (served by Netdojo, never from a CDN).
import 'monaco-editor/editor/editor.worker';
