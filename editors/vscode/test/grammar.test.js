// Tokenises .jx files with the extension's TextMate grammar, through the engine VS Code itself
// uses (vscode-textmate with the Oniguruma regular expressions), and fails on any token the
// grammar leaves unscoped: a token whose only scopes are the file's (`source.jx`) and regions'
// (`meta.*`) is text that no rule of the grammar recognised, which an editor shows uncoloured.
// Whitespace (full-width space and byte-order mark included) is left out.
//
// Usage: node grammar.test.js [--expect EXPECT.json]... [FILE.jx]...
// Without files it reads the shipped regulations (../../../regulations/*.jx).
// EXPECT.json is { "file": "….jx", "expect": [{ "line": 3, "text": "等次", "scopes": ["keyword"] }] }:
// on that line (1-based) some token whose text is `text` must have a scope that is one of
// `scopes` or starts with one of them and a dot. tests/vscode_grammar.rs writes one with every
// keyword of the language, since a keyword the grammar forgot is still scoped, as a name.

'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'jixiao.tmLanguage.json');
const ROOT = 'source.jx';

async function loadGrammar() {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === ROOT ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null,
  });
  return registry.loadGrammar(ROOT);
}

// Every token of a file: { line (1-based), column (1-based), text, scopes }.
function tokenise(grammar, text) {
  const tokens = [];
  let state = vsctm.INITIAL;
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, i) => {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) {
      tokens.push({ line: i + 1, column: t.startIndex + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

const unscoped = (t) => t.text.trim() !== '' && t.scopes.every((s) => s === ROOT || s.startsWith('meta.'));
const hasScope = (t, wanted) => t.scopes.some((s) => wanted.some((w) => s === w || s.startsWith(w + '.')));

function parseArgs(argv) {
  const files = [];
  const expectations = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--expect') {
      const file = argv[++i];
      const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
      const jx = path.resolve(path.dirname(file), spec.file);
      expectations.push({ file: jx, expect: spec.expect });
      files.push(jx);
    } else {
      files.push(argv[i]);
    }
  }
  if (files.length === 0) {
    const dir = path.join(__dirname, '..', '..', '..', 'regulations');
    for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.jx')) files.push(path.join(dir, name));
  }
  return { files: [...new Set(files)], expectations };
}

async function main() {
  const { files, expectations } = parseArgs(process.argv.slice(2));
  const grammar = await loadGrammar();
  const problems = [];
  const tokensOf = new Map();
  let count = 0;
  for (const file of files) {
    const tokens = tokenise(grammar, fs.readFileSync(file, 'utf8'));
    tokensOf.set(file, tokens);
    count += tokens.length;
    for (const t of tokens.filter(unscoped)) {
      // Reported without the whitespace around it, at its first visible character.
      const lead = t.text.length - t.text.trimStart().length;
      const where = `${file}:${t.line}:${t.column + lead}`;
      problems.push(`${where}: unknown token ${JSON.stringify(t.text.trim())} (scopes: ${t.scopes.join(' ')})`);
    }
  }
  let checked = 0;
  for (const { file, expect } of expectations) {
    const tokens = tokensOf.get(file);
    for (const e of expect) {
      checked++;
      const same = tokens.filter((t) => t.line === e.line && t.text === e.text);
      if (!same.some((t) => hasScope(t, e.scopes))) {
        const got = same.length ? same.map((t) => t.scopes.join(' ')).join(' | ') : 'no token of that text';
        problems.push(`${file}:${e.line}: ${JSON.stringify(e.text)} should be ${e.scopes.join(' or ')}, got: ${got}`);
      }
    }
  }
  for (const p of problems) console.log(p);
  console.log(`grammar: ${files.length} files, ${count} tokens, ${checked} expected scopes; ${problems.length} problems`);
  process.exitCode = problems.length ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
