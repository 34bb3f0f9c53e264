// The class for a panel that updates often under a busy socket (counters, filters, the row list, the
// feeds): paint containment gives it its own paint layer, so one of its updates re-records only that
// panel instead of the whole page, which is one paint layer otherwise. Measured at 1,000 events/s with
// 100,000 trades: the renderer's main thread 70 % → 57 % busy, frames dropped 19.6 % → 5.9 %
// (bench/RESULTS.md). Side effects to keep in mind where it is used: content is clipped to the panel's
// padding box, and the panel becomes the containing block of positioned descendants (dialogs and
// popovers are unaffected: they render in the top layer).
export const PAINT_ISOLATED = "contain-paint";

/** The same for every direct child (cards in a strip). A literal, so Tailwind finds the class. */
export const EACH_CHILD_PAINT_ISOLATED = "*:contain-paint";
