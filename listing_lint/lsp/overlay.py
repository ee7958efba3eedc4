"""Unsaved text: a bundle (and a repo) that read the editor's buffers instead of the disk.

The engine lints a ``Bundle``; here the bundle's text files are served from the open documents
when the editor holds them, so diagnostics follow every keystroke before anything is saved.
Pictures, videos and PDFs are never overlaid: an editor does not edit them.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from listing_lint.bundle.discover import STORE
from listing_lint.bundle.files import SourceFile
from listing_lint.bundle.model import Bundle, display_path
from listing_lint.bundle.repo import Repo, store_file


class BufferFile(SourceFile):
    """A bundle file whose content is the editor's unsaved text (the file exists on disk)."""

    def __init__(self, path: Path, rel: str, display: str, max_text_bytes: int, text: str):
        super().__init__(path, rel, display, max_text_bytes)
        self.buffer = text.encode("utf-8", "surrogatepass")

    @cached_property
    def data(self) -> bytes:
        return self.buffer[: self.max_text_bytes + 1]

    @property
    def size(self) -> int:
        return len(self.buffer)


def _wrap(file: SourceFile, buffers: dict[str, str]) -> SourceFile:
    text = buffers.get(str(file.path))
    if text is None or not file.is_regular or file.outside or _saved_in_another_encoding(file):
        return file  # a buffer never stands in for a link leaving the bundle, a FIFO, or nothing
    return BufferFile(file.path, file.rel, file.display, file.max_text_bytes, text)


def _saved_in_another_encoding(file: SourceFile) -> bool:
    """Whether the file on disk is text in another encoding than UTF-8 (Windows-1252, UTF-16): an
    editor shows it decoded and saves it back in that encoding, so `check` keeps refusing it
    (SCH001). Its buffer linted as UTF-8 hid that SCH001 from the editor for good; the file is
    linted as saved instead."""
    problem = file.decode_problem
    return problem is not None and problem.encoding


class EditorBundle(Bundle):
    """A ``Bundle`` whose text files come from ``buffers`` (absolute path -> text) where it has them."""

    def __init__(self, manifest_path: Path, cwd: Path, max_text_bytes: int, buffers: dict[str, str]):
        super().__init__(manifest_path, cwd, max_text_bytes)
        self.buffers = buffers
        self.manifest = _wrap(self.manifest, buffers)
        self._files[self.manifest.rel] = self.manifest

    def _file(self, resolved) -> SourceFile:
        known = resolved.rel in self._files
        file = super()._file(resolved)
        if not known:
            file = self._files[resolved.rel] = _wrap(file, self.buffers)
        return file

    def texts(self) -> dict[str, str]:
        """Absolute path -> the text the rules read, for every text file loaded (fix offsets refer to it)."""
        out = {}
        for file in self._files.values():
            if "_decoded" in file.__dict__ and file.text is not None:
                out[str(file.path)] = file.text
        return out


def editor_repo(root: Path, cwd: Path, bundles: list[Bundle], buffers: dict[str, str]) -> Repo:
    """The repo as store-level rules see it, with store.json's unsaved text when it is open."""
    repo = Repo(root, cwd, bundles)
    store = store_file(root)
    if repo.store is not None and store is not None:
        repo.store = _wrap(SourceFile(store, STORE, display_path(store, cwd)), buffers)
    return repo
