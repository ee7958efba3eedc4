"""The language server (``listing-lint server``): diagnostics, quick fixes and rule docs in the editor.

``session`` decides what to lint and keeps what full lints found (no LSP in it), ``overlay``
gives the engine the editor's unsaved text, ``convert`` turns findings into LSP values, and
``server`` wires it to pygls. See docs/editors.md.
"""
