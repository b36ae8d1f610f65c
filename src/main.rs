fn main() {
    // A panic aborts the wasm instance; say why in the console (a minimal hook: the usual crate also
    // captures a JS stack, which costs size and says little once wasm-opt has stripped names).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("Policy Desk stopped: {info}").into());
    }));
    leptos::mount::mount_to_body(policy_desk::app::App);
}
