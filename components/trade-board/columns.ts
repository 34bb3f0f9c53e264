// The trade table's columns: one grid template shared by the header and every row so they line up.
export const GRID_TEMPLATE =
  "5.5rem 4.75rem 2.5rem 6rem 8.5rem minmax(5rem,1fr) 5rem 4.75rem 4rem 6.5rem";

/** Fixed row height: the virtualizer positions rows without measuring them. */
export const ROW_HEIGHT = 40;

/**
 * Classes for the table element: on a phone the table keeps Status, Total, Age and Flag (the rest is
 * in the trade's detail), so nothing that matters sits off-screen. The rows' grid template is an
 * inline style, hence the `!`. Cells are matched by position: keep this in step with GRID_TEMPLATE.
 */
export const PHONE_COLUMNS =
  "max-sm:[&_[role=row]]:![grid-template-columns:minmax(0,1fr)_4.5rem_3.5rem_4.5rem] max-sm:[&_[role=row]>*:is(:nth-child(1),:nth-child(2),:nth-child(3),:nth-child(5),:nth-child(6),:nth-child(8))]:hidden";
