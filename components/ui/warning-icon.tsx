// The warning triangle used beside the word "Stalled" (shape as well as colour). Decorative.
export function WarningIcon({ className = "h-3.5 w-3.5" }: { className?: string }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" className={`shrink-0 ${className}`} fill="currentColor">
      <path d="M8.9 1.6a1 1 0 0 0-1.8 0L.2 13.5A1 1 0 0 0 1.1 15h13.8a1 1 0 0 0 .9-1.5L8.9 1.6ZM7.2 5.5h1.6l-.2 5H7.4l-.2-5Zm.8 6.2a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z" />
    </svg>
  );
}
