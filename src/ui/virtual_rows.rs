//! Which rows of a long table to render: those in the viewport plus a margin. Every row has the
//! same height (text is truncated with a tooltip), so the window is plain integer arithmetic
//! (integers also keep float formatting code out of the wasm).

/// Must match `.policy-table tbody td` height in style/main.css.
pub const ROW_HEIGHT_PX: u32 = 40;
/// Rows rendered above and below the viewport, so fast scrolling shows no gaps.
const OVERSCAN_ROWS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowWindow {
    /// Index (into the shown rows) of the first rendered row.
    pub first: usize,
    /// One past the last rendered row.
    pub last: usize,
    /// Height in pixels of the empty space standing in for the rows above / below.
    pub space_before: u64,
    pub space_after: u64,
}

pub fn visible_window(count: usize, scroll_top: u32, viewport_height: u32) -> RowWindow {
    let row = ROW_HEIGHT_PX as usize;
    let first_visible = scroll_top as usize / row;
    let visible = (viewport_height.max(ROW_HEIGHT_PX) as usize).div_ceil(row) + 1;
    let first = first_visible.saturating_sub(OVERSCAN_ROWS).min(count);
    let last = (first_visible + visible + OVERSCAN_ROWS).min(count);
    RowWindow {
        first,
        last,
        space_before: (first * row) as u64,
        space_after: ((count - last) * row) as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_render_whole() {
        let w = visible_window(10, 0, 800);
        assert_eq!((w.first, w.last), (0, 10));
        assert_eq!((w.space_before, w.space_after), (0, 0));
    }

    #[test]
    fn long_lists_render_only_a_window_that_keeps_the_full_height() {
        let count = 5_000;
        let w = visible_window(count, 100_000, 800);
        assert!(w.last - w.first < 60, "{w:?}");
        assert!(w.first <= 2_500 && w.last > 2_500 + 20, "{w:?}");
        let total =
            w.space_before + ((w.last - w.first) as u64) * ROW_HEIGHT_PX as u64 + w.space_after;
        assert_eq!(total, count as u64 * ROW_HEIGHT_PX as u64);
    }

    #[test]
    fn scrolling_past_the_end_is_clamped() {
        let w = visible_window(100, u32::MAX, 800);
        assert_eq!(w.last, 100);
        assert!(w.first <= 100);
        assert_eq!(w.space_after, 0);
    }
}
