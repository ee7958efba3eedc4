"""The client's settings: which didChangeConfiguration payload is ours, asking a client for our
section (workspace/configuration), and the ``config`` setting kept inside the workspace. ``ls``:
the ``ListingLintServer`` (not imported here: it imports this module)."""

from __future__ import annotations

import logging
from lsprotocol import types as lsp

from listing_lint.config import ConfigError
from listing_lint.lsp.session import Options

log = logging.getLogger("listing_lint.lsp")
#: the settings' keys: a didChangeConfiguration payload with none of them (flat or under "listing-lint") is another tool's
SETTING_KEYS = ("asOf", "config", "allowConfigOutsideWorkspace", "debounceMs")


def check_config_setting(ls) -> None:
    """The `config` setting names a file inside the workspace, unless the user's own settings
    allow one outside it: a workspace's settings file (.vscode/settings.json, .helix/) can set
    it, and a file read as config is shown back in error messages (\"unknown key ...\")."""
    config = ls.session.options.config
    if config is None or ls.session.options.config_outside or ls.inside(config):
        return
    raise ConfigError(
        f"the config setting names {config}, outside the workspace; it was not read. Name a config file inside "
        "the workspace, or allow this one in your own editor settings (allowConfigOutsideWorkspace)"
    )


def our_settings(settings) -> dict | None:
    """Our section of a didChangeConfiguration payload: under "listing-lint", or flat (one of our
    keys at the top, as the VS Code extension sends it); None when it holds none (another tool's
    section, null, {}): a client sends every server the settings it has."""
    if not isinstance(settings, dict):
        return None
    section = settings.get("listing-lint")
    if isinstance(section, dict):
        return section
    return settings if any(key in settings for key in SETTING_KEYS) else None


async def pull_settings(ls) -> dict | None:
    """Our section asked of a client that answers workspace/configuration (it told us only that
    something changed); None if it has none or answers with an error. Nothing waits for the
    answer but this handler: lints go on meanwhile with the settings in force. Never cut short:
    pygls's request future, cancelled by a timeout, made a late answer an internal error shown to
    the user ("Error in server: CANCELLED") and the settings it carried were lost."""
    workspace = ls.client_capabilities.workspace
    if workspace is None or not workspace.configuration:
        return None
    item = lsp.ConfigurationItem(section="listing-lint", scope_uri=ls.root.as_uri() if ls.root is not None else None)
    try:
        answer = await ls.workspace_configuration_async(lsp.ConfigurationParams([item]))
    except Exception:  # noqa: BLE001 - an error answer: the settings stay as they were
        log.info("the editor answered workspace/configuration with an error")
        return None
    section = answer[0] if isinstance(answer, (list, tuple)) and answer else None
    return section if isinstance(section, dict) and section else None


async def change_configuration(ls, params: lsp.DidChangeConfigurationParams) -> None:
    """Our section replaces the settings; a payload without it leaves them as they were, or, from a
    client that answers workspace/configuration, our section is asked for and applied when the
    answer comes, however late, unless a newer change came meanwhile (its settings are newer). A
    pulled section never allows a config outside the workspace: a workspace's own settings file
    answers the pull too."""
    ls.settings_changes += 1
    asked = ls.settings_changes
    section = our_settings(params.settings)
    pulled = section is None
    if pulled:
        section = await pull_settings(ls)
    if section is None or asked != ls.settings_changes:
        return
    options, problems = Options.parse(section, ls.root)
    for problem in problems:
        log.warning(problem)
    if pulled:
        options.config_outside = False
    ls.session.options = options
    ls.relint_all()
