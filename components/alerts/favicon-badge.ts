// Draws the favicon with a count badge into a data URL (the DOM half of ./tab-title.ts). The base is
// the page's own icon when it has one, else the app's mark from the header (the "A" tile).
const SIZE = 64;

function drawMark(ctx: CanvasRenderingContext2D): void {
  const gradient = ctx.createLinearGradient(0, 0, SIZE, SIZE);
  gradient.addColorStop(0, "#34d399");
  gradient.addColorStop(1, "#0ea5e9");
  ctx.fillStyle = gradient;
  ctx.beginPath();
  ctx.roundRect(0, 0, SIZE, SIZE, 14);
  ctx.fill();
  ctx.fillStyle = "#020617";
  ctx.font = "bold 40px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText("A", SIZE / 2, SIZE / 2 + 2);
}

function drawBadge(ctx: CanvasRenderingContext2D, label: string): void {
  const r = 19;
  ctx.fillStyle = "#dc2626";
  ctx.beginPath();
  ctx.arc(SIZE - r, SIZE - r, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = "#ffffff";
  ctx.font = `bold ${label.length > 1 ? 22 : 28}px system-ui, sans-serif`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(label, SIZE - r, SIZE - r + 1);
}

function loadImage(href: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(null);
    image.src = href;
  });
}

/** A PNG data URL of the base icon with `label` in a red badge, or null when no canvas is available. */
export async function renderBadgedIcon(baseHref: string | null, label: string): Promise<string | null> {
  const canvas = document.createElement("canvas");
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  const base = baseHref ? await loadImage(baseHref) : null;
  if (base) ctx.drawImage(base, 0, 0, SIZE, SIZE);
  else drawMark(ctx);
  drawBadge(ctx, label);
  try {
    return canvas.toDataURL("image/png");
  } catch {
    return null; // a cross-origin base icon taints the canvas
  }
}
