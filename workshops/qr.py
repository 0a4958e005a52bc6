"""QR codes drawn as one SVG path (reportlab, already used for certificates, encodes them)."""

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

QUIET = 2  # modules of white margin


def qr_svg_path(payload: str) -> tuple[str, int]:
    """The dark modules of `payload`'s QR code as an SVG path, and the side of its viewBox."""
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    count = code.getModuleCount()
    parts = [
        f"M{col + QUIET} {row + QUIET}h1v1h-1z"
        for row in range(count)
        for col in range(count)
        if code.isDark(row, col)
    ]
    return "".join(parts), count + 2 * QUIET
