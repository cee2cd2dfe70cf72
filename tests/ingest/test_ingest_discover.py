"""Discovery: files and folders, recursive, sorted, junk skipped, missing paths reported."""

from __future__ import annotations

from pathlib import Path

from dialogwatch.ingest.discover import discover, is_junk


def _touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_folders_recursive_sorted_and_junk_skipped(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    b = _touch(root / "b.txt")
    a = _touch(root / "sub" / "a.md")
    c = _touch(root / "sub" / "deeper" / "c.PDF")
    d = _touch(root / "d.docx")
    h = _touch(root / "e.htm")
    for junk in (".DS_Store", ".hidden.txt", "~$d.docx", "Thumbs.db", "notes.txt~", "draft.tmp"):
        _touch(root / junk)
    _touch(root / ".git" / "config.txt")
    _touch(root / "__MACOSX" / "x.txt")
    skipped = _touch(root / "script.py")
    found = discover([root])
    assert found.files == sorted([a, b, c, d, h], key=str)
    assert found.errors == []
    assert found.skipped == [skipped]


def test_explicit_files_kept_whatever_the_extension(tmp_path: Path) -> None:
    odd = _touch(tmp_path / "table.xlsx")
    hidden = _touch(tmp_path / ".explicit.txt")
    found = discover([odd, hidden])
    assert found.files == sorted([odd, hidden], key=str)


def test_missing_path_is_an_error_entry_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = _touch(tmp_path / "ok.txt")
    missing = tmp_path / "nope.txt"
    found = discover([missing, good])
    assert found.files == [good]
    assert len(found.errors) == 1
    assert str(found.errors[0]) == f"{missing}: no such file or directory"


def test_broken_symlink_reported(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    found = discover([link])
    assert found.files == [] and "broken symbolic link" in str(found.errors[0])


def test_same_file_twice_listed_once(tmp_path: Path) -> None:
    f = _touch(tmp_path / "docs" / "a.txt")
    found = discover([f, tmp_path / "docs", tmp_path / "docs" / ".." / "docs" / "a.txt"])
    assert found.files == [f]


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    root = tmp_path / "loop"
    f = _touch(root / "a.txt")
    (root / "self").symlink_to(root, target_is_directory=True)
    assert discover([root]).files == [f]


def test_is_junk() -> None:
    assert is_junk(".DS_Store") and is_junk("~$memo.docx") and is_junk("desktop.ini")
    assert not is_junk("statement.txt")


def test_pipes_and_broken_links_inside_folders_are_errors(tmp_path: Path) -> None:
    import os

    root = tmp_path / "docs"
    good = _touch(root / "a.txt")
    os.mkfifo(root / "pipe.txt")
    (root / "dangling.md").symlink_to(root / "gone.md")
    found = discover([root])
    assert found.files == [good]
    reasons = sorted(e.reason for e in found.errors)
    assert reasons == [
        "broken symbolic link (target does not exist)",
        "not a regular file (device, pipe or socket)",
    ]
