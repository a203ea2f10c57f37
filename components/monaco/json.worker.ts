// Monaco's JSON language worker (validation, folding), for CNI configs and other JSON files.
import 'monaco-editor/language/json/json.worker';
