//! The create bundle: `/policies/new`, loaded only when a policy is being created.
fn main() {
    policy_desk::app::mount(policy_desk::app::create_page);
}
