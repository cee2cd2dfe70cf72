"""Each kind of bad input gives an IngestError: one line naming the file and the reason."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from ingest_builders import (
    STATEMENT_EN,
    encrypt_pdf,
    make_blank_pdf,
    make_bomb_zip,
    make_docx,
    make_pdf,
    patch_declared_size,
)

from dialogwatch.ingest.errors import IngestError
from dialogwatch.ingest.readers import load_file


def _error(path: Path, **kwargs: int) -> str:
    with pytest.raises(IngestError) as info:
        load_file(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path) + ": ")
    assert info.value.path == str(path)
    return info.value.reason


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert "empty document" in _error(f)


def test_whitespace_only_file(tmp_path: Path) -> None:
    f = tmp_path / "blank.md"
    f.write_text(" \n\n\t \r\n \u00a0\n")
    assert "empty document" in _error(f)


def test_only_boilerplate_is_empty(tmp_path: Path) -> None:
    f = tmp_path / "chrome.txt"
    f.write_text("Share/Save/Bookmark Tell a Friend\n\nHome | News | About/Contact\n\nAll rights reserved.\n")
    assert "empty document" in _error(f)


def test_binary_junk_named_pdf(tmp_path: Path) -> None:
    f = tmp_path / "junk.pdf"
    f.write_bytes(os.urandom(4096).replace(b"%PDF-", b"xxxxx"))
    assert "not a PDF" in _error(f)


def test_corrupt_pdf(tmp_path: Path) -> None:
    f = tmp_path / "corrupt.pdf"
    f.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage without end")
    assert "corrupt PDF" in _error(f)


def test_truncated_pdf(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "good.pdf", [[STATEMENT_EN]]).read_bytes()
    f = tmp_path / "truncated.pdf"
    f.write_bytes(good[: len(good) // 3])
    assert "corrupt PDF" in _error(f)


def test_encrypted_pdf(tmp_path: Path) -> None:
    src = make_pdf(tmp_path / "plain.pdf", [[STATEMENT_EN]])
    f = encrypt_pdf(src, tmp_path / "locked.pdf", password="secret")
    assert "encrypted PDF" in _error(f)


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    f = make_blank_pdf(tmp_path / "scan.pdf")
    assert "no text layer (scanned PDF?)" in _error(f)


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    f = tmp_path / "fake.docx"
    f.write_text("This is plain text pretending to be a Word document.")
    assert "not a valid .docx" in _error(f)


def test_zip_without_word_document(tmp_path: Path) -> None:
    f = tmp_path / "other.docx"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "without word/document.xml" in _error(f)


def test_docx_zip_bomb_by_declared_size(tmp_path: Path) -> None:
    real = make_docx(tmp_path / "real.docx").read_bytes()
    f = tmp_path / "bomb.docx"
    f.write_bytes(patch_declared_size(real, "word/document.xml", 0xF0000000))
    assert "zip bomb guard" in _error(f)


def test_docx_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    f = make_bomb_zip(tmp_path / "ratio.docx", member_bytes=8 * 1024 * 1024)
    assert f.stat().st_size < 100_000
    reason = _error(f)
    assert "zip bomb guard" in reason and "expands" in reason


def test_invalid_utf8_binary(tmp_path: Path) -> None:
    f = tmp_path / "binary.txt"
    f.write_bytes(bytes(range(256)) * 8)
    assert "binary content" in _error(f) or "not valid UTF-8" in _error(f)


def test_invalid_utf8_without_nul(tmp_path: Path) -> None:
    f = tmp_path / "broken.txt"
    f.write_bytes(b"Valid start then junk \x81\x8d\x8f\x90\x9d\xff\xfe\xfa\x80\x81\x82 " * 20)
    assert "not valid UTF-8" in _error(f)


def test_unsupported_extension(tmp_path: Path) -> None:
    f = tmp_path / "statement.xlsx"
    f.write_bytes(b"whatever")
    reason = _error(f)
    assert "unsupported file type '.xlsx'" in reason


def test_no_extension(tmp_path: Path) -> None:
    f = tmp_path / "README"
    f.write_text(STATEMENT_EN)
    assert "unsupported file type (no extension)" in _error(f)


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "absent.txt")


def test_directory_is_not_readable_as_file(tmp_path: Path) -> None:
    d = tmp_path / "folder.txt"
    d.mkdir()
    assert "is a directory" in _error(d)


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert "broken symbolic link" in _error(link)


def test_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _error(fifo)  # and it must not block reading the pipe


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read mode-000 files")
def test_permission_denied(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_text(STATEMENT_EN)
    f.chmod(0)
    try:
        assert "permission denied" in _error(f)
    finally:
        f.chmod(0o600)


def test_open_failure_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An OS refusal at open() time (what mode 000 gives a non-root user) is one clear line."""
    f = tmp_path / "locked.txt"
    f.write_text(STATEMENT_EN)

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert _error(f) == "permission denied"


def test_file_over_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(STATEMENT_EN * 50)
    reason = _error(f, max_bytes=1000)
    assert reason.startswith("file too large (") and "> 1000 bytes limit" in reason


def test_100_mb_text_file_is_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:  # sparse: 100 MB on paper, nothing on disk
        fh.truncate(100 * 1024 * 1024)

    def no_reading(self: Path, *args: object, **kwargs: object) -> object:
        raise AssertionError("the file must be refused before it is opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    assert _error(f) == "file too large (100.0 MB > 50.0 MB limit)"


def test_zip_named_txt(tmp_path: Path) -> None:
    f = tmp_path / "archive.txt"
    with zipfile.ZipFile(f, "w") as zf:
        zf.writestr("a.csv", "1,2,3")
    assert "not a text file" in _error(f)


def test_binary_named_html(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_bytes(b"\x00\x01\x02" + os.urandom(512))
    assert "binary content" in _error(f)


def test_html_with_nothing_but_navigation(tmp_path: Path) -> None:
    f = tmp_path / "nav.html"
    f.write_text("<html><body><nav>Home | About | Contact</nav></body></html>")
    assert "empty document" in _error(f)


def test_legacy_or_encrypted_word_file(tmp_path: Path) -> None:
    f = tmp_path / "old.docx"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    assert "password-protected Word file" in _error(f)


def test_rtf_named_txt(tmp_path: Path) -> None:
    f = tmp_path / "memo.txt"
    f.write_text("{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}")
    assert "RTF document" in _error(f)
