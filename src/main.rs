//! The list bundle: `/` (and every path without a page of its own).
fn main() {
    policy_desk::app::mount(policy_desk::app::list_page);
}
