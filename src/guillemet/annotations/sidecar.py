"""The sidecar file on disk: where it lives, loading it whatever state it is in, saving it safely.

Loading never fails and never loses anything: a damaged or unreadable sidecar is moved aside
(renamed with a timestamp, never deleted or overwritten), the annotations are recovered from the
backup when it is readable, and the caller gets a message to show. Only a file that is
recognisably a sidecar is ever moved: any other file at the path (the reader's own notes, a
folder) is left as it is, and the annotations are read-only instead. A sidecar written by a newer
guillemet is shown read-only. Saving goes through `atomic` (old or new version, never a mix),
keeps the previous version as `<sidecar>.bak`, and first checks whether another process saved
since we loaded: if so, both versions are merged (see `merge`) instead of one overwriting the other.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from guillemet.annotations.atomic import keep_backup, locked_directory, remove_stale_temporaries, write_atomically
from guillemet.annotations.document import (
    FORMAT_NAME,
    NewerSchemaError,
    SidecarDocument,
    document_from_json,
    document_to_json,
    salvage_document,
)
from guillemet.annotations.merge import merge_annotations, merge_tombstones
from guillemet.annotations.w3c import AnnotationFormatError

SIDECAR_SUFFIX = ".guillemet.json"
BACKUP_SUFFIX = ".bak"
FORMAT_MARK = re.compile(rb'"format"\s*:\s*"' + re.escape(FORMAT_NAME.encode()) + rb'"')
"""How a sidecar says what it is, found even in one too damaged to parse."""


def default_sidecar_path(source: str) -> Path | None:
    """`<article file name>.guillemet.json` next to the article; None for standard input or a URL
    (nowhere obvious to put it: the caller may choose a path)."""
    if source == "-" or "://" in source:
        return None
    article = Path(source)
    return article.with_name(article.name + SIDECAR_SUFFIX)


def backup_path(sidecar: Path) -> Path:
    """Where the previous version of `sidecar` is kept."""
    return sidecar.with_name(sidecar.name + BACKUP_SUFFIX)


def recognisably_a_sidecar(path: Path, data: bytes | None) -> bool:
    """Whether the file at `path` (holding `data`, None if unreadable) is one of ours, so that
    moving it aside when it is damaged cannot hide the reader's own file: it has a sidecar's
    name, or it says it is a guillemet annotations file. A folder never is."""
    if path.is_dir():
        return False
    return path.name.endswith(SIDECAR_SUFFIX) or (data is not None and FORMAT_MARK.search(data) is not None)


def _folder_problem(path: Path) -> str | None:
    """Why a file cannot be created at `path` because of its folder, or None."""
    folder = path.parent
    if not folder.exists():
        return f"{folder}/: no such folder for the annotations file {path.name}"
    if not folder.is_dir():
        return f"{folder}: is not a folder, so {path.name} cannot be created in it"
    return None


def sidecar_path_problem(path: Path, *, must_exist: bool = False) -> str | None:
    """Why `path` cannot be used as the annotations file (one line, naming it), or None.

    Accepted: an existing guillemet sidecar, or (unless `must_exist`) a new file in an
    existing folder. Refused: a folder, a file that is not a sidecar (it would be moved aside
    as damaged), a missing file where one must exist, a missing folder."""
    if path.is_dir():
        return f"{path}: is a folder, not an annotations file; give the path of a file"
    if not path.exists():
        if must_exist:
            return f"{path}: no such annotations file"
        return _folder_problem(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        return f"{path}: cannot be read ({error.strerror or error})"
    if not recognisably_a_sidecar(path, data):
        return f"{path}: is not a guillemet annotations file; give a new path or an existing sidecar"
    return None


def new_file_problem(path: Path) -> str | None:
    """Why the annotations cannot be saved as a new file at `path`, or None (nothing existing
    is ever replaced or merged into: the path must be free)."""
    if path.is_dir():
        return f"{path}: is a folder; give the path of a new file"
    if path.exists():
        return f"{path}: already exists; give the path of a new file"
    return _folder_problem(path)


@dataclass(frozen=True)
class DiskVersion:
    """What a sidecar path held at some moment: the sha256 of its bytes, or None if absent."""

    sha256: str | None = None

    @classmethod
    def of(cls, data: bytes | None) -> DiskVersion:
        """The version of these bytes (None: the file is absent)."""
        return cls(None if data is None else hashlib.sha256(data).hexdigest())


@dataclass
class LoadResult:
    """A loaded sidecar and what the reader must be told about it.

    `recovered` means the content did not come from the sidecar itself (it came from the
    backup): it should be saved again. `incomplete` means annotations the file holds, or
    held, are missing from `document` (damaged ones, for an export). `disk` is what the
    sidecar path held after loading, the reference point for noticing another process's saves.
    """

    document: SidecarDocument
    disk: DiskVersion
    messages: list[str] = field(default_factory=list)
    read_only: bool = False
    recovered: bool = False
    incomplete: bool = False


@dataclass
class SaveResult:
    """The outcome of a save: the document as written (merged with the disk's when another
    process had saved), whether anything was written, and messages for the reader."""

    document: SidecarDocument
    disk: DiskVersion
    written: bool
    merged: bool = False
    messages: list[str] = field(default_factory=list)


class SidecarReadOnlyError(Exception):
    """Saving is refused: the sidecar on disk belongs to a newer guillemet."""


def _read(path: Path) -> bytes | None:
    """The file's bytes, None if it does not exist; other OSErrors propagate."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _parse(data: bytes, *, allow_newer: bool = False) -> SidecarDocument:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise AnnotationFormatError("not UTF-8 text") from None
    return document_from_json(text, allow_newer=allow_newer)


def move_aside(path: Path) -> Path:
    """Rename a damaged sidecar to `<name>.damaged-<UTC time>[-n]`, never replacing a file.

    A folder is never moved (it is not a sidecar, whatever its name)."""
    if path.is_dir():
        raise IsADirectoryError(f"{path.name} is a folder, not an annotations file")
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for attempt in range(1, 1000):
        suffix = f".damaged-{stamp}" + (f"-{attempt}" if attempt > 1 else "")
        destination = path.with_name(path.name + suffix)
        try:
            os.link(path, destination)  # fails if the destination exists: nothing overwritten
        except FileExistsError:
            continue
        except OSError:
            if destination.exists():
                continue
            os.rename(path, destination)  # a file system without hard links
            return destination
        os.unlink(path)
        return destination
    raise OSError(f"no free name to move {path.name} aside")


def _from_backup(sidecar: Path) -> SidecarDocument | None:
    try:
        data = _read(backup_path(sidecar))
        return None if data is None else _parse(data)
    except (OSError, AnnotationFormatError):
        return None


def _damaged(path: Path, problem: str, *, repair: bool, data: bytes | None) -> LoadResult:
    """Handle a sidecar that cannot be read: move it aside, recover from the backup, explain."""
    name = path.name
    messages: list[str] = []
    read_only = False
    disk = DiskVersion.of(data)
    if not recognisably_a_sidecar(path, data):
        kind = "a folder" if path.is_dir() else "not a guillemet annotations file"
        message = f"{name} is {kind}: it was left as it is, and annotations are read-only for this session."
        return LoadResult(SidecarDocument(), disk, [message], read_only=True, incomplete=True)
    if repair:
        try:
            moved = move_aside(path)
        except OSError as error:
            read_only = True
            messages.append(
                f"The annotations file {name} is damaged ({problem}) and could not be moved aside "
                f"({error}): annotations are read-only for this session."
            )
        else:
            disk = DiskVersion.of(None)
            messages.append(f"The annotations file {name} was damaged ({problem}); it was kept as {moved.name}.")
    else:
        read_only = True
        messages.append(f"The annotations file {name} is damaged ({problem}).")
    backup = _from_backup(path)
    if backup is not None:
        count = len(backup.annotations)
        messages.append(f"{count} annotation{'s' * (count != 1)} recovered from the backup {backup_path(path).name}.")
        return LoadResult(backup, disk, messages, read_only, recovered=True, incomplete=True)
    messages.append("No readable backup: starting with no annotations.")
    return LoadResult(SidecarDocument(), disk, messages, read_only, incomplete=True)


def _salvaged(path: Path, data: bytes) -> LoadResult | None:
    """For an export, which changes nothing: the valid annotations of a sidecar in which
    some are invalid, each left-out one named. None when the file as a whole is unreadable."""
    try:
        document, problems = salvage_document(data.decode("utf-8"))
    except (UnicodeDecodeError, AnnotationFormatError):
        return None
    messages = [f"The annotations file {path.name} is damaged: {problem}." for problem in problems]
    return LoadResult(document, DiskVersion.of(data), messages, read_only=True, incomplete=True)


def load_sidecar(path: Path, *, repair: bool = True) -> LoadResult:
    """Load the sidecar at `path`, whatever state it is in. Never raises for a bad file.

    With `repair` (the reader), a damaged sidecar is moved aside; without it (an export, which
    must change nothing) it is only reported, its valid annotations are kept, and the result
    is read-only. A file that is not recognisably a sidecar is never moved.
    """
    if path.is_dir():
        return _damaged(path, "a folder", repair=repair, data=None)
    try:
        data = _read(path)
    except OSError as error:
        return _damaged(path, f"cannot be read: {error.strerror or error}", repair=repair, data=None)
    if data is None:
        return LoadResult(SidecarDocument(), DiskVersion.of(None))
    try:
        return LoadResult(_parse(data), DiskVersion.of(data))
    except NewerSchemaError as error:
        message = f"The annotations file {path.name} was {error}: it is shown read-only."
        try:
            document, unreadable = _parse(data, allow_newer=True), False
        except AnnotationFormatError:
            document, unreadable = SidecarDocument(), True
            message = f"The annotations file {path.name} was {error}: its annotations cannot be shown."
        return LoadResult(document, DiskVersion.of(data), [message], read_only=True, incomplete=unreadable)
    except AnnotationFormatError as error:
        salvaged = None if repair else _salvaged(path, data)
        return salvaged or _damaged(path, str(error), repair=repair, data=data)


def save_sidecar(path: Path, document: SidecarDocument, loaded: DiskVersion) -> SaveResult:
    """Write `document` to `path` safely, merging first if the file changed since `loaded`.

    Nothing is written when the result would be empty and no file exists (reading alone never
    creates a sidecar), or when the file already holds exactly these bytes.
    Raises `SidecarReadOnlyError` if another process meanwhile wrote a newer schema or put a
    file that is not a sidecar at the path (never moved aside), and OSError if the directory
    is not writable (the caller keeps the annotations in memory).
    """
    messages: list[str] = []
    merged = False
    with locked_directory(path.parent):
        remove_stale_temporaries(path)
        try:
            current = _read(path)
        except OSError as error:
            _refuse_unless_ours(path, None)
            moved = move_aside(path)
            messages.append(f"The annotations file could not be read ({error.strerror}); it was kept as {moved.name}.")
            current = None
        if current is not None and DiskVersion.of(current) != loaded:
            try:
                theirs = _parse(current)
            except NewerSchemaError as error:
                raise SidecarReadOnlyError(f"{path.name} was meanwhile {error}") from None
            except AnnotationFormatError as error:
                _refuse_unless_ours(path, current)
                moved = move_aside(path)
                messages.append(f"The annotations file was damaged ({error}); it was kept as {moved.name}.")
                current = None
            else:
                tombstones = merge_tombstones(document.tombstones, theirs.tombstones)
                annotations = merge_annotations(document.annotations, theirs.annotations, tombstones)
                document = replace(document, annotations=annotations, tombstones=tombstones)
                merged = True
        if current is None and document.empty:
            return SaveResult(document, DiskVersion.of(None), written=False, merged=merged, messages=messages)
        payload = document_to_json(document).encode("utf-8")
        if payload == current:
            return SaveResult(document, DiskVersion.of(current), written=False, merged=merged, messages=messages)
        if current is not None:
            keep_backup(path, backup_path(path))
        write_atomically(path, payload)
        return SaveResult(document, DiskVersion.of(payload), written=True, merged=merged, messages=messages)


def _refuse_unless_ours(path: Path, data: bytes | None) -> None:
    """Saving would move the file at `path` aside: refuse if it is not one of ours."""
    if not recognisably_a_sidecar(path, data):
        kind = "a folder" if path.is_dir() else "a file that is not a guillemet annotations file"
        raise SidecarReadOnlyError(f"{path.name} was meanwhile replaced by {kind}, left as it is")


def peek_disk(path: Path) -> DiskVersion:
    """What the sidecar path holds now (to notice another reader's saves without saving)."""
    with contextlib.suppress(OSError):
        return DiskVersion.of(_read(path))
    return DiskVersion.of(None)
