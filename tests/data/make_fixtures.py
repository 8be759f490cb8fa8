"""Regenerate the small documents used by the knowledge-store tests (checked in; run only to change them).

python tests/data/make_fixtures.py
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter

DOCS = Path(__file__).with_name("docs")

PAGES = [
    "Photometric redshift errors grow for faint galaxies.\n"
    "The scatter sigma_z/(1+z) is about 0.05 at r = 24 in our tests.",
    "Catastrophic outliers appear where the Balmer break leaves the filter set.\n"
    "Spectroscopic calibration fixes the bias.",
]


def pdf_with_text(pages: list[str]) -> bytes:
    """A minimal, valid PDF: one Helvetica text stream per page (no external tools needed)."""
    objects: list[bytes] = []
    kids = []
    font_id = 3 + 2 * len(pages)
    for i, text in enumerate(pages):
        page_id, content_id = 3 + 2 * i, 4 + 2 * i
        kids.append(f"{page_id} 0 R")
        lines = "".join(f"({line.replace('(', '[').replace(')', ']')}) Tj T* " for line in text.split("\n"))
        stream = f"BT /F1 11 Tf 14 TL 72 720 Td {lines}ET".encode()
        objects.append(
            f"{page_id} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >> endobj\n".encode()
        )
        objects.append(
            f"{content_id} 0 obj << /Length {len(stream)} >> stream\n".encode() + stream + b"\nendstream endobj\n"
        )
    head = [
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
        f"2 0 obj << /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >> endobj\n".encode(),
    ]
    tail = [f"{font_id} 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n".encode()]
    body = head + objects + tail
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for obj in body:
        offsets.append(len(out))
        out += obj
    xref = len(out)
    out += f"xref\n0 {len(body) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer << /Size {len(body) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    pdf = DOCS / "photoz_notes.pdf"
    pdf.write_bytes(pdf_with_text(PAGES))
    assert "Balmer break" in PdfReader(str(pdf)).pages[1].extract_text()
    writer = PdfWriter(clone_from=str(pdf))
    writer.encrypt(user_password="secret", owner_password="owner")
    with (DOCS / "encrypted.pdf").open("wb") as fh:
        writer.write(fh)
    (DOCS / "broken.pdf").write_bytes(pdf.read_bytes()[:300])
    print("wrote", sorted(p.name for p in DOCS.iterdir()))


if __name__ == "__main__":
    main()
