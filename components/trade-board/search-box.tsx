"use client";
// Search trades by trade id, externalId, Steam ID, offer id or item name. Typing stays instant: the
// text is local and reaches the URL (and so the 100,000-trade filter pass) after a short pause.
import { useEffect, useRef, useState } from "react";

interface SearchBoxProps {
  value: string;
  onChange: (query: string) => void;
}

const SETTLE_MS = 150;

export function SearchBox({ value, onChange }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(value);

  // Follow outside changes (Clear filters, back/forward) unless the user is mid-typing.
  useEffect(() => {
    if (pending.current === null && value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => () => {
    if (pending.current !== null) clearTimeout(pending.current);
  }, []);

  const send = (next: string) => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = null;
      lastSent.current = next;
      onChange(next);
    }, SETTLE_MS);
  };

  return (
    <div className="relative min-w-48 flex-1">
      <label htmlFor="trade-search" className="sr-only">
        Search trades
      </label>
      <input
        id="trade-search"
        type="search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder="Search id, externalId, Steam ID, offer, item…"
        onChange={(event) => {
          setText(event.target.value);
          send(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            if (pending.current !== null) clearTimeout(pending.current);
            pending.current = null;
            lastSent.current = text;
            onChange(text);
          }
        }}
        className="h-7 w-full rounded-md border border-slate-700 bg-slate-950 px-2.5 text-xs text-slate-100 placeholder:text-slate-500 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500"
      />
    </div>
  );
}
