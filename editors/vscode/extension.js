// A minimal client: VS Code starts `listing-lint server` and speaks LSP with it over stdio.
// Install the dependency with `npm install` in this folder (node_modules is not in the repo),
// then run it with "Developer: Install Extension from Location..." or package it with `vsce package`.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

// Whether `listing-lint.config` comes from the user's own settings, not the workspace's
// (.vscode/settings.json is part of the repository): only then may it name a file outside the
// workspace. The server refuses one outside it otherwise.
function configIsTheUsers(config) {
  const where = config.inspect("config") || {};
  const fromWorkspace = [where.workspaceValue, where.workspaceFolderValue].some((v) => v !== undefined && v !== null);
  return !fromWorkspace && Boolean(where.globalValue);
}

function settings() {
  const config = vscode.workspace.getConfiguration("listing-lint");
  return {
    command: config.get("path", ["listing-lint"]),
    options: {
      asOf: config.get("asOf") || undefined,
      config: config.get("config") || undefined,
      allowConfigOutsideWorkspace: configIsTheUsers(config),
      debounceMs: config.get("debounceMs", 50),
    },
  };
}

async function activate(context) {
  const { command, options } = settings();
  const serverOptions = { command: command[0], args: [...command.slice(1), "server"] };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", pattern: "**/listing.json" },
      { scheme: "file", pattern: "**/*.listing.json" },
      { scheme: "file", pattern: "**/store.json" },
      { scheme: "file", language: "html" },
    ],
    initializationOptions: options,
  };
  client = new LanguageClient("listing-lint", "listing-lint", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration("listing-lint") && client) {
        client.sendNotification("workspace/didChangeConfiguration", { settings: settings().options });
      }
    })
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
