"""Write files safely, and read them once (skriva filer säkert).

Every file the library or the command line writes goes through
:func:`write_file`: the new content is written to a temporary file in the
target's own folder, flushed and synced to disk, and only then renamed over
the target. A write that fails half-way (a full disk, Ctrl-C, a bug) leaves the
previous file exactly as it was. The target keeps its permission bits; a
symbolic link keeps being a link, and the file it points to gets the content;
a link that points to nothing is refused rather than followed into a new file.

:func:`read_file` reads an input in one pass, so that a FIFO or a process
substitution (``<(...)``) works as an input, and :func:`same_file` tells
whether an output would overwrite an input.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Final

__all__ = ["read_file", "same_file", "write_file"]

_NEW_FILE_MODE: Final = 0o666
"""The mode a new file is created with, before the umask (as :func:`open` does)."""


def _real_target(path: Path) -> Path:
    """Return the file a write to *path* must change: *path*, or what its links point to.

    Raises:
        FileNotFoundError: If *path* is a symbolic link that points to nothing.
        IsADirectoryError: If *path* is a directory.
    """
    if path.is_symlink():
        if not path.exists():
            msg = "the symbolic link points to a file that does not exist"
            raise FileNotFoundError(errno.ENOENT, msg, str(path))
        path = path.resolve(strict=True)
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    return path


def _temporary(folder: Path, name: str, mode: int) -> tuple[int, Path]:
    """Create a new, empty file next to the target and return its descriptor and path."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        candidate = folder / f".{name}.{os.urandom(6).hex()}.tmp"
        try:
            return os.open(candidate, flags, mode), candidate
        except FileExistsError:  # pragma: no cover - 48 random bits rarely collide
            continue


def _sync_folder(folder: Path) -> None:
    """Sync the folder so that the rename itself survives a crash, where the OS allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a folder that cannot be opened (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems cannot sync a folder
        pass
    finally:
        os.close(fd)


def write_file(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write *data* to the file *path* so that a failure never leaves a half-written file.

    Text is written as UTF-8, exactly as given (no newline translation). The
    content goes to a temporary file in the same folder, which is flushed,
    synced and renamed over the target. An existing target keeps its
    permission bits; a new one gets the usual ones (``0o666`` less the umask).
    If *path* is a symbolic link, the file it points to is replaced and the
    link stays. A device or a FIFO (``/dev/stdout``, say) is written to directly.

    Args:
        path: The file to write.
        data: The content, as text or bytes.

    Raises:
        FileNotFoundError: If *path* is a symbolic link that points to nothing,
            or its folder does not exist.
        IsADirectoryError: If *path* is a directory.
        PermissionError: If the file exists and may not be written, or no file
            may be created in its folder.
        OSError: If the file cannot be written; the previous file is unchanged.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    target = _real_target(Path(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file may not be written", str(target))
    if info is not None and not stat.S_ISREG(info.st_mode):
        with target.open("wb") as stream:
            stream.write(content)
        return
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(target))
    # Never more open than the target while it is written: its own bits, less the umask.
    mode = _NEW_FILE_MODE if info is None else stat.S_IMODE(info.st_mode)
    try:
        fd, temporary = _temporary(folder, target.name, mode)
    except OSError as error:
        reason = f"cannot create a temporary file in its folder: {error.strerror}"
        raise type(error)(error.errno, reason, str(target)) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            if info is not None:
                os.fchmod(stream.fileno(), stat.S_IMODE(info.st_mode))
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def read_file(path: str | os.PathLike[str], max_size: int | None = None) -> bytes:
    """Return the content of the file *path*, read in one pass.

    Reading once lets a FIFO, a pipe or ``/dev/stdin`` be an input. With
    *max_size*, at most ``max_size + 1`` bytes are read, enough for the caller
    to tell that the input is too large without reading all of it.

    Args:
        path: The file to read.
        max_size: The largest input of interest, in bytes; ``None`` for all of it.

    Returns:
        The bytes read.

    Raises:
        OSError: If the file cannot be read.
    """
    with Path(path).open("rb") as stream:
        return stream.read() if max_size is None else stream.read(max_size + 1)


def same_file(one: str | os.PathLike[str], other: str | os.PathLike[str]) -> bool:
    """Return whether two paths name the same existing file, through links or not.

    Args:
        one: A path.
        other: Another path.

    Returns:
        True if both exist and are the same file (the same device and inode,
        as after following symbolic links); False otherwise.
    """
    try:
        return Path(one).samefile(other)
    except (OSError, ValueError):
        return False
