// The QR code an authenticator app scans, as a PNG data: URL for an <img> (the page's CSP allows data:
// images, lib/http/content-security-policy.ts). Drawn on the server, so the key never goes to a
// third-party QR service.
import "server-only";
import QRCode from "qrcode";

export function qrCodeDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 2, width: 220 });
}
