// Realistic CS2 and Rust items with plausible USD market prices, for generated trades.
// Prices are rough 2025-2026 market levels; the engine jitters them per trade.

import type { Game } from "./wire";

export interface CatalogItem {
  name: string;
  type: string;
  /** CS2 only: Rust items carry no rarity tier on the market. */
  rarity?: string;
  /** Steam's rarity colour, hex without '#', as Steam returns it (CS2 only). */
  color?: string;
  exterior?: string;
  price: number;
  /** Relative frequency: cheap cases and mid-tier skins trade far more often than a Dragon Lore. */
  weight: number;
}

const COVERT = ["Covert", "eb4b4b"] as const;
const CLASSIFIED = ["Classified", "d32ce6"] as const;
const RESTRICTED = ["Restricted", "8847ff"] as const;
const MIL_SPEC = ["Mil-Spec Grade", "4b69ff"] as const;
const CONSUMER = ["Consumer Grade", "b0c3d9"] as const;
const CONTRABAND = ["Contraband", "e4ae39"] as const;
const EXTRAORDINARY = ["Extraordinary", "eb4b4b"] as const;
const BASE = ["Base Grade", "b0c3d9"] as const;

function cs(
  name: string,
  type: string,
  [rarity, color]: readonly [string, string],
  price: number,
  weight: number,
): CatalogItem {
  const exterior = /\((Factory New|Minimal Wear|Field-Tested|Well-Worn|Battle-Scarred)\)$/.exec(name)?.[1];
  return { name, type, rarity, color, price, weight, ...(exterior ? { exterior } : {}) };
}

export const CS2_ITEMS: readonly CatalogItem[] = [
  cs("AK-47 | Redline (Field-Tested)", "Rifle", CLASSIFIED, 38.5, 12),
  cs("AK-47 | Slate (Field-Tested)", "Rifle", RESTRICTED, 4.1, 14),
  cs("AK-47 | Vulcan (Minimal Wear)", "Rifle", COVERT, 262, 5),
  cs("AK-47 | Case Hardened (Field-Tested)", "Rifle", CLASSIFIED, 251, 4),
  cs("AK-47 | Fire Serpent (Field-Tested)", "Rifle", COVERT, 915, 2),
  cs("AWP | Asiimov (Battle-Scarred)", "Sniper Rifle", COVERT, 96, 9),
  cs("AWP | Asiimov (Field-Tested)", "Sniper Rifle", COVERT, 142, 7),
  cs("AWP | Neo-Noir (Minimal Wear)", "Sniper Rifle", COVERT, 41, 8),
  cs("AWP | Atheris (Field-Tested)", "Sniper Rifle", RESTRICTED, 5.2, 12),
  cs("AWP | Dragon Lore (Field-Tested)", "Sniper Rifle", COVERT, 9100, 1),
  cs("M4A4 | Howl (Field-Tested)", "Rifle", CONTRABAND, 4550, 1),
  cs("M4A1-S | Printstream (Field-Tested)", "Rifle", COVERT, 131, 6),
  cs("M4A1-S | Hyper Beast (Field-Tested)", "Rifle", COVERT, 18.2, 10),
  cs("USP-S | Kill Confirmed (Minimal Wear)", "Pistol", COVERT, 71, 7),
  cs("USP-S | Cortex (Field-Tested)", "Pistol", CLASSIFIED, 3.4, 12),
  cs("Glock-18 | Fade (Factory New)", "Pistol", RESTRICTED, 1820, 1),
  cs("Desert Eagle | Blaze (Factory New)", "Pistol", RESTRICTED, 548, 2),
  cs("Desert Eagle | Printstream (Field-Tested)", "Pistol", COVERT, 56, 7),
  cs("MAC-10 | Neon Rider (Minimal Wear)", "SMG", COVERT, 6.3, 10),
  cs("P250 | Sand Dune (Field-Tested)", "Pistol", CONSUMER, 0.03, 6),
  cs("★ Karambit | Doppler (Factory New)", "Knife", COVERT, 1390, 2),
  cs("★ Butterfly Knife | Fade (Factory New)", "Knife", COVERT, 2640, 1),
  cs("★ M9 Bayonet | Tiger Tooth (Factory New)", "Knife", COVERT, 905, 2),
  cs("★ Bayonet | Marble Fade (Factory New)", "Knife", COVERT, 702, 2),
  cs("★ Flip Knife | Gamma Doppler (Factory New)", "Knife", COVERT, 455, 3),
  cs("★ Gut Knife | Safari Mesh (Field-Tested)", "Knife", COVERT, 86, 5),
  cs("★ Sport Gloves | Pandora's Box (Field-Tested)", "Gloves", EXTRAORDINARY, 4820, 1),
  cs("★ Specialist Gloves | Crimson Kimono (Field-Tested)", "Gloves", EXTRAORDINARY, 1210, 1),
  cs("★ Driver Gloves | King Snake (Field-Tested)", "Gloves", EXTRAORDINARY, 298, 2),
  cs("★ Hand Wraps | Leather (Field-Tested)", "Gloves", EXTRAORDINARY, 112, 3),
  cs("Kilowatt Case", "Container", BASE, 0.62, 16),
  cs("Revolution Case", "Container", BASE, 0.45, 14),
  cs("Dreams & Nightmares Case", "Container", BASE, 1.61, 12),
  cs("Recoil Case", "Container", BASE, 0.31, 12),
  cs("Fracture Case", "Container", BASE, 0.55, 10),
  cs("Operation Breakout Weapon Case", "Container", BASE, 8.1, 5),
  cs("Sticker | Crown (Foil)", "Sticker", EXTRAORDINARY, 905, 1),
  cs("Sticker | Natus Vincere | Copenhagen 2024", "Sticker", MIL_SPEC, 0.28, 8),
];

export const RUST_ITEMS: readonly CatalogItem[] = [
  { name: "Tempered AK47", type: "Assault Rifle", price: 86, weight: 6 },
  { name: "Glory AK47", type: "Assault Rifle", price: 22.5, weight: 8 },
  { name: "Alien Red", type: "Sheet Metal Door", price: 141, weight: 4 },
  { name: "Big Grin", type: "Metal Facemask", price: 418, weight: 3 },
  { name: "Punishment Mask", type: "Metal Facemask", price: 476, weight: 2 },
  { name: "Whiteout Facemask", type: "Metal Facemask", price: 262, weight: 3 },
  { name: "Blackout Hoodie", type: "Hoodie", price: 34, weight: 7 },
  { name: "Azul Hoodie", type: "Hoodie", price: 11.8, weight: 9 },
];

export function catalogFor(game: Game): readonly CatalogItem[] {
  return game === "730" ? CS2_ITEMS : RUST_ITEMS;
}

export function findCatalogItem(name: string): { game: Game; item: CatalogItem } | undefined {
  const lower = name.toLowerCase();
  const cs2 = CS2_ITEMS.find((i) => i.name.toLowerCase() === lower);
  if (cs2) return { game: "730", item: cs2 };
  const rust = RUST_ITEMS.find((i) => i.name.toLowerCase() === lower);
  return rust ? { game: "252490", item: rust } : undefined;
}

/** Wear float ranges per CS2 exterior. */
export const WEAR_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  "Factory New": [0, 0.07],
  "Minimal Wear": [0.07, 0.15],
  "Field-Tested": [0.15, 0.38],
  "Well-Worn": [0.38, 0.45],
  "Battle-Scarred": [0.45, 1],
};
