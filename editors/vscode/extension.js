// The jixiao extension: highlighting comes from the grammar in syntaxes/ alone; this file starts
// the language server, `jixiao lsp` over standard input and output, for checks, hovers and
// completion. Plain JavaScript, so that the folder works as it is, with no build step.

'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The program named by `jixiao.path`: a bare name is looked up on the PATH as a shell would. */
function findProgram(program) {
  const exists = (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  const windows = process.platform === 'win32';
  const suffixes = windows ? ['', ...(process.env.PATHEXT || '.EXE;.CMD;.BAT').split(';')] : [''];
  if (path.isAbsolute(program) || program.includes('/') || (windows && program.includes('\\'))) {
    return suffixes.map((s) => program + s).find(exists);
  }
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const found = suffixes.map((s) => path.join(dir, program + s)).find(exists);
    if (found) return found;
  }
  return undefined;
}

async function notFound(program) {
  // Highlighting goes on without the server; say what is missing and how to point at it.
  const choice = await vscode.window.showErrorMessage(
    `jixiao: the program "${program}" was not found, so .jx files get highlighting but no checks. ` +
      'Build it (cargo build --release in the jixiao repository) and set "jixiao.path" to the binary, ' +
      'or put jixiao on the PATH.',
    'Open Settings'
  );
  if (choice === 'Open Settings') {
    vscode.commands.executeCommand('workbench.action.openSettings', 'jixiao.path');
  }
}

async function start() {
  const configured = vscode.workspace.getConfiguration('jixiao').get('path') || 'jixiao';
  const program = findProgram(configured);
  if (!program) {
    await notFound(configured);
    return;
  }
  client = new LanguageClient(
    'jixiao',
    'jixiao',
    { command: program, args: ['lsp'], transport: TransportKind.stdio },
    {
      documentSelector: [
        { scheme: 'file', language: 'jixiao' },
        { scheme: 'untitled', language: 'jixiao' },
      ],
    }
  );
  try {
    await client.start();
  } catch (err) {
    // A jixiao without the `lsp` command (an older build) exits at once with a usage error.
    client = undefined;
    vscode.window.showErrorMessage(
      `jixiao: "${program} lsp" did not start (${err && err.message ? err.message : err}). ` +
        'The language server needs a jixiao that has the lsp command.'
    );
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop();
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('jixiao.path')) {
        await stop();
        await start();
      }
    })
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
