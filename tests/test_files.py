"""Tests for the safe writer and the one-pass reader (medborgarlofte._formats.files)."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medborgarlofte import dump, dump_many, load
from medborgarlofte._formats import files
from medborgarlofte._formats.files import read_file, same_file, write_file
from test_report import promise

OLD = b"the previous content\n"


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    """Return the names of temporary files left in *folder*."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "rapport.md"
    path.write_bytes(OLD)
    path.chmod(0o640)
    return path


def test_writes_text_as_utf8_without_newline_translation(tmp_path):
    """Text is written as UTF-8 bytes, exactly as given."""
    path = tmp_path / "ny.txt"
    write_file(path, "Trygg kommun\r\nÖxnehaga\n")
    assert "Trygg kommun\r\nÖxnehaga\n".encode() == path.read_bytes()


def test_new_file_gets_the_usual_mode(tmp_path):
    """A new file gets the mode open() would give it (0o666 less the umask)."""
    reference = tmp_path / "reference"
    reference.write_bytes(b"")
    path = tmp_path / "ny.json"
    write_file(path, b"{}")
    assert mode_of(reference) == mode_of(path)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o755])
def test_existing_file_keeps_its_mode(old, mode):
    """Writing over a file keeps its permission bits."""
    old.chmod(mode)
    write_file(old, "ny")
    assert (mode, b"ny") == (mode_of(old), old.read_bytes())


def test_symlink_stays_a_link_and_its_target_is_written(old, tmp_path):
    """Writing through a symbolic link writes the file it points to; the link stays."""
    link = tmp_path / "senaste.md"
    link.symlink_to(old.name)
    write_file(link, "ny")
    assert link.is_symlink()
    assert Path(old.name) == link.readlink()
    assert b"ny" == old.read_bytes()
    assert 0o640 == mode_of(old)


def test_chain_of_links_writes_the_last_target(old, tmp_path):
    """A link to a link writes the file at the end of the chain."""
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    second.symlink_to(old)
    first.symlink_to(second)
    write_file(first, "ny")
    assert (True, True, b"ny") == (first.is_symlink(), second.is_symlink(), old.read_bytes())


def test_dangling_symlink_is_refused(tmp_path):
    """A link that points to nothing is not followed into a new file."""
    link = tmp_path / "ny.toml"
    link.symlink_to(tmp_path / "saknas" / "ny.toml")
    with pytest.raises(FileNotFoundError) as caught:
        write_file(link, "x")
    assert "symbolic link points to a file that does not exist" in str(caught.value)
    assert str(link) == caught.value.filename
    assert link.is_symlink()
    assert not (tmp_path / "saknas").exists()


def test_directory_is_refused(tmp_path):
    """A directory cannot be the output."""
    with pytest.raises(IsADirectoryError):
        write_file(tmp_path, "x")


def test_missing_folder_names_the_target(tmp_path):
    """A file in a folder that does not exist gives an error naming the file."""
    target = tmp_path / "saknas" / "r.md"
    with pytest.raises(FileNotFoundError) as caught:
        write_file(target, "x")
    assert (str(target), "the folder does not exist") == (
        caught.value.filename,
        caught.value.strerror,
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_read_only_file_is_not_replaced(old):
    """A file its owner made read-only is not replaced behind their back."""
    old.chmod(0o444)
    with pytest.raises(PermissionError):
        write_file(old, "ny")
    assert OLD == old.read_bytes()


def test_file_that_may_not_be_written_is_refused(old, monkeypatch):
    """When the file may not be written (as its permissions say), it is refused, unchanged."""
    monkeypatch.setattr(files.os, "access", lambda _path, mode: mode != os.W_OK)
    with pytest.raises(PermissionError) as caught:
        write_file(old, "ny")
    assert (str(old), OLD) == (caught.value.filename, old.read_bytes())


def _failing_fsync(_fd: int) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _HalfWriter:
    """A stream that writes half of what it is given, then finds the disk full."""

    def __init__(self, stream):
        self._stream = stream

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._stream.close()

    def fileno(self):
        return self._stream.fileno()

    def write(self, data):
        self._stream.write(data[: len(data) // 2])
        self._stream.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("where", ["write", "fsync", "rename"])
def test_failed_write_leaves_the_previous_file(old, tmp_path, monkeypatch, where):
    """A write that fails half-way (disk full, the rename) leaves the old file and no temp file."""
    if where == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(files.os, "fdopen", lambda *a, **k: _HalfWriter(real_fdopen(*a, **k)))
    elif where == "fsync":
        monkeypatch.setattr(files.os, "fsync", _failing_fsync)
    else:

        def no_rename(*_args: object) -> None:
            raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

        monkeypatch.setattr(Path, "replace", no_rename)
    with pytest.raises(
        OSError, match=os.strerror(errno.EXDEV if where == "rename" else errno.ENOSPC)
    ):
        write_file(old, "ny text som aldrig blir hel\n" * 1000)
    assert OLD == old.read_bytes()
    assert 0o640 == mode_of(old)
    assert [] == leftovers(tmp_path)


def test_interrupt_mid_write_leaves_the_previous_file(old, tmp_path, monkeypatch):
    """Ctrl-C during the write leaves the old file and no temp file."""

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(old, "ny")
    assert (OLD, []) == (old.read_bytes(), leftovers(tmp_path))


def test_special_file_is_written_directly():
    """A device such as /dev/null is written to, not replaced."""
    write_file(os.devnull, "x")
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


@given(data=st.binary(max_size=2000))
def test_what_is_written_is_read_back(tmp_path_factory, data):
    """Any bytes written are the bytes read back, in one pass."""
    path = tmp_path_factory.mktemp("w") / "f.bin"
    write_file(path, data)
    assert data == read_file(path)


def test_read_file_stops_after_max_size(tmp_path):
    """With a limit, one byte more than the limit is read, and no more."""
    path = tmp_path / "stor.json"
    path.write_bytes(b"x" * 100)
    assert (b"x" * 11, b"x" * 100) == (read_file(path, 10), read_file(path))


def test_read_file_reads_a_fifo(tmp_path):
    """A FIFO is read to its end in one pass, as a pipe from another program."""
    fifo = tmp_path / "in.json"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as stream:
            stream.write(b'{"a": 1}')

    writer = threading.Thread(target=feed)
    writer.start()
    assert b'{"a": 1}' == read_file(fifo)
    writer.join(timeout=10)


def test_same_file_through_links(old, tmp_path):
    """The same file is recognised by path, symbolic link and hard link; others are not."""
    symlink, hardlink, other = tmp_path / "s.md", tmp_path / "h.md", tmp_path / "o.md"
    symlink.symlink_to(old)
    hardlink.hardlink_to(old)
    other.write_bytes(OLD)
    assert [True, True, True, False, False] == [
        same_file(old, old),
        same_file(symlink, old),
        same_file(old, hardlink),
        same_file(old, other),
        same_file(tmp_path / "saknas.md", old),
    ]


def test_dump_and_dump_many_write_safely(tmp_path):
    """dump and dump_many write through a link and keep the mode, as the writer does."""
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    dump(promise(), link)
    assert (True, 0o600) == (link.is_symlink(), mode_of(real))
    assert promise() == load(real)
    dump_many([promise()], link)
    assert (True, 0o600) == (link.is_symlink(), mode_of(real))
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(FileNotFoundError):
        dump(promise(), dangling)
    assert not (tmp_path / "nowhere.json").exists()
