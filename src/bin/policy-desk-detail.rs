//! The detail bundle: `/policies/{id}`, loaded only when a policy is opened.
fn main() {
    policy_desk::app::mount(policy_desk::app::detail_page);
}
