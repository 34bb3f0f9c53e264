// The trade table's columns: one grid template shared by the header and every row so they line up.
export const GRID_TEMPLATE =
  "5.5rem 4.75rem 2.5rem 6rem 8.5rem minmax(5rem,1fr) 5rem 4.75rem 4rem 6.5rem";

/** Fixed row height: the virtualizer positions rows without measuring them. */
export const ROW_HEIGHT = 40;
