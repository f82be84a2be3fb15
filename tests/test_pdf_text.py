"""tests/pdf_text.py, the print gates' reader of the PDFs Chromium prints, on a PDF made here to show one thing."""

from __future__ import annotations

import zlib

from pdf_text import page_texts

CMAP = b"begincmap\n2 beginbfchar\n<0001> <0048>\n<0002> <0069>\nendbfchar\nendcmap"


def _pdf(content: bytes) -> bytes:
    """One page drawing `content` (compressed, as Chromium's are) in a font whose codes 0001 and 0002 are 'H', 'i'."""
    objects = [b"<</Type /Catalog /Pages 2 0 R>>",
               b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
               b"<</Type /Page /Parent 2 0 R /Resources <</Font <</F1 4 0 R>> >> /Contents 5 0 R>>",
               b"<</Type /Font /Subtype /Type0 /ToUnicode 6 0 R>>",
               b"<</Filter /FlateDecode /Length %d>> stream\n%s\nendstream" % (len(content), content),
               b"<</Length %d>> stream\n%s\nendstream" % (len(CMAP), CMAP)]
    return b"%PDF-1.4\n" + b"".join(b"%d 0 obj\n%s\nendobj\n" % (n, body) for n, body in enumerate(objects, 1))


def test_a_stream_whose_last_byte_is_a_carriage_return_is_read_whole():
    """A paper's PDF (the example's Paper A of 21 June 2018) failed to be read: 'incomplete or truncated stream', as
    one of its fonts' compressed streams ended in the byte '\\r', which was taken for the end of its line. A stream
    is as long as its /Length says."""
    drawn = b"BT /F1 12 Tf <00010002> Tj ET"
    content = next(packed for packed in (zlib.compress(drawn + b"\n%" + b"!" * n) for n in range(256))
                   if packed.endswith(b"\r"))  # a comment that ends the stream in '\r', as the font's did
    assert page_texts(_pdf(content)) == ["Hi"]
