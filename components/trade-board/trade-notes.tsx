"use client";
// A trade's notes, oldest first, each with author and time. The text is rendered as a React text node
// (HTML in a note shows as the characters typed, never as markup); line breaks are kept.
import { AlertAge } from "@/components/alerts/alert-age";
import type { TradeNote } from "@/lib/live/alerts-schema";

export function TradeNotes({ notes }: { notes: readonly TradeNote[] }) {
  if (notes.length === 0) return <p className="text-slate-400">No notes yet.</p>;
  return (
    <ul aria-label="Notes" className="space-y-2">
      {notes.map((note) => (
        <li key={note.id} className="rounded-md border border-slate-800 bg-slate-950/40 p-2">
          <div className="mb-0.5 flex items-center justify-between gap-2 text-slate-400">
            <span className="text-slate-300">{note.author}</span>
            <AlertAge at={note.at} />
          </div>
          <p className="whitespace-pre-wrap break-words text-slate-100">{note.text}</p>
        </li>
      ))}
    </ul>
  );
}
