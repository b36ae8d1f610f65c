//! The policy list's data side: rows, search, filters, sort and their URL form. Pure Rust, tested
//! natively; the page in `ui::policy_list` only renders what this decides.

mod row;
mod view_state;

pub use row::{Audience, PolicyRow};
pub use view_state::{ListView, SortColumn};

#[cfg(test)]
mod tests;
